# FailoverClusters cmdlets: default views (DOMAIN.md §8), pipelines, -WhatIf, owners.
Get-ClusterGroup
# CHECK:
# CHECK: Name          OwnerNode State
# CHECK: ----          --------- -----
# CHECK: Cluster Group NODE1     Online
# CHECK: E2K7CCR       NODE1     Online
(Get-ClusterNode | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.ID, $_.State }) -join '; '
# CHECK: NODE1 1 Up; NODE2 2 Up
(Get-ClusterResource -Name 'Cluster*' | Format-Table Name, State, OwnerGroup, ResourceType | Out-String).Trim()
# CHECK: Name               State  OwnerGroup    ResourceType
# CHECK: ----               -----  ----------    ------------
# CHECK: Cluster IP Address Online Cluster Group IP Address
# CHECK: Cluster Name       Online Cluster Group Network Name
# -WhatIf reports and changes nothing.
# X2: a clustered mailbox server moved with the cluster tools gets a warning.
Move-ClusterGroup E2K7CCR -Node NODE2 -WhatIf
# CHECK: WARNING: 'E2K7CCR' is an Exchange 2007 clustered mailbox server. Use Move-ClusteredMailboxServer to move it: the cluster tools skip Exchange's replication and health checks.
# CHECK: What if: Performing the operation "Move-ClusterGroup" on target "E2K7CCR".
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE1
# Evacuating a node: its groups through the pipeline.
Get-ClusterNode NODE1 | Get-ClusterGroup | Move-ClusterGroup -WarningAction SilentlyContinue | ForEach-Object { "$($_.Name) -> $($_.OwnerNode) ($($_.State))" }
# CHECK: Cluster Group -> NODE2 (Online)
# CHECK: E2K7CCR -> NODE2 (Online)
(Get-ClusterNode NODE1 | Get-ClusterGroup | Measure-Object).Count
# CHECK: 0
# Moving without -Node takes the next node.
(Move-ClusterGroup 'Cluster Group').OwnerNode
# CHECK: NODE1
(Get-ClusterOwnerNode -Resource 'E2K7CCR IP Address').OwnerNodes -join ','
# CHECK: NODE1,NODE2
Set-ClusterOwnerNode -Group E2K7CCR -Owners NODE2, NODE1
(Get-ClusterOwnerNode -Group E2K7CCR).OwnerNodes -join ','
# CHECK: NODE2,NODE1
(Get-ClusterResourceDependency 'E2K7CCR Network Name').DependencyExpression
# CHECK: [E2K7CCR IP Address]
(Get-ClusterQuorum).QuorumType
# CHECK: NodeAndFileShareMajority
# Stopping a provider stops its dependants; starting a dependant starts its providers.
Stop-ClusterResource 'E2K7CCR Network Name' | Out-Null
(Get-ClusterGroup E2K7CCR).State
# CHECK: PartialOnline
(Get-ClusterResource 'Exchange Information Store Instance (E2K7CCR)').State
# CHECK: Offline
Start-ClusterResource 'Exchange Information Store Instance (E2K7CCR)' | ForEach-Object State
# CHECK: Online
(Get-ClusterResource 'E2K7CCR Network Name').State
# CHECK: Online
Start-ClusterGroup E2K7CCR | ForEach-Object State
# CHECK: Online
