# C3/C4/C11 refusals from the cmdlets: the real message, a non-terminating error, and
# nothing changed. Clock included: a refused move takes no time.
# LAB: e2k3
$t = Get-LabClock
Set-ClusterOwnerNode -Resource 'Disk S:' -Owners NODE1
Move-ClusterGroup EVS1 -Node NODE2
# CHECKERR: The cluster node is not the owner of the group, or the node is not a possible owner of the group.
$?
# CHECK: False
(Get-ClusterGroup EVS1).OwnerNode
# CHECK: NODE1
(Get-LabClock) -eq $t
# CHECK: True
Suspend-ClusterNode NODE2 | Out-Null
Move-ClusterGroup 'MSDTC Group' NODE2 -ErrorAction SilentlyContinue
$Error[0].Exception.Message
# CHECK: The cluster node is paused.
Resume-ClusterNode NODE1
# CHECKERR: The cluster node is not paused.
Stop-ClusterResource 'Disk Q:'
# CHECKERR: The cluster resource could not be deleted or brought offline because it is the quorum resource.
Remove-ClusterResource 'EVS1 IP Address' -Confirm:$false
# CHECKERR: The operation cannot be completed because other resources are dependent on this resource.
Remove-ClusterNode NODE2 -Force
# CHECKERR: A cluster node cannot be evicted from the cluster unless the node is down or it is the last node.
# Remove-ClusterNode is high impact: without -Force it must confirm, and a script cannot.
Remove-ClusterNode NODE2
# CHECKERR: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.
Get-ClusterGroup NoSuchGroup
# CHECKERR: The cluster group could not be found.
try { Move-ClusterGroup EVS1 -Node NODE9 -ErrorAction Stop } catch { "caught: $($_.Exception.Message)" }
# CHECK: caught: The cluster node was not found.
(Get-ClusterNode | ForEach-Object State) -join ','
# CHECK: Up,Paused
# C2: dependencies stay within a group.
Add-ClusterResourceDependency 'Exchange System Attendant (EVS1)' 'Disk Q:'
# CHECKERR: The group or resource is not in the correct state to perform the requested operation.
(Get-ClusterResourceDependency 'Exchange System Attendant (EVS1)').DependencyExpression
# CHECK: [EVS1 Network Name] and [Disk R:] and [Disk S:]
