# LAB: e2k3
# Exchange 2003 SP1 rolling upgrade (DOMAIN.md E3, E6, E7, E9; KB 867624 as A0 tells it):
# every wrong order is refused with the product's words and changes nothing, then the
# documented order succeeds.
$sa = 'Exchange System Attendant (EVS1)'
# E6: the EVS upgrade from a node without the new binaries.
Stop-ClusterResource $sa | Out-Null
Update-ExchangeVirtualServer EVS1
# CHECKERR: the upgrade files are not on this node. Install the Exchange service pack on NODE1 first.
(Get-ExchangeServer EVS1).AdminDisplayVersion
# CHECK: Version 6.5 (Build 6944.4)
Start-ClusterGroup EVS1 | Out-Null
# update.exe on the node that runs EVS1: refused.
$out = update.exe /passive
$LASTEXITCODE
# CHECK: 1
$out[-1]
# CHECK: Setup cannot continue: This node owns the Exchange Virtual Server 'EVS1', which is running. Take its System Attendant offline and move the group to another node before upgrading this node.
# E6 step 1: the passive node needs hotfix 831464 first, and its restart.
Enter-PSSession NODE2
(update.exe /passive)[-1]
# CHECK: Setup cannot continue: Exchange Server 2003 Service Pack 1 requires the Windows Server 2003 hotfix 831464 on this server. Install WindowsServer2003-KB831464-x86-ENU.exe, restart the computer, then run Update.exe again.
$t = Get-LabClock
WindowsServer2003-KB831464-x86-ENU.exe /quiet /norestart
$LASTEXITCODE
# CHECK: 3010
((Get-LabClock) - $t).TotalMinutes
# CHECK: 2
(update.exe /passive)[-1]
# CHECK: Setup cannot continue: A restart from a previous installation is pending. Restart the computer, then run Update.exe again.
Restart-Computer -Wait
(Get-HotFix -Id KB831464).HotFixID
# CHECK: KB831464
# E9: the front-end server still runs RTM: a warning, not a failure.
$t = Get-LabClock
$out = \\DC1\Media\E2K3SP1\update.exe /passive
$LASTEXITCODE
# CHECK: 0
$out | Where-Object { $_ -like 'Warning:*' }
# CHECK: Warning: The front-end server FE1 still runs Exchange 6.5.6944.4. Upgrade front-end servers before back-end servers.
((Get-LabClock) - $t).TotalMinutes
# CHECK: 20
(Get-LabNode NODE2) | ForEach-Object { '{0} {1}' -f $_.ExchangeVersion, $_.PendingReboot }
# CHECK: 6.5.7226.6 True
Restart-Computer -Wait
# Binaries alone do not upgrade the EVS (E6): it still runs RTM and may still move.
(Get-ExchangeServer EVS1).AdminDisplayVersion
# CHECK: Version 6.5 (Build 6944.4)
# E6: not from a node that does not own the group.
Stop-ClusterResource $sa | Out-Null
Update-ExchangeVirtualServer EVS1
# CHECKERR: can be upgraded only from the node that owns it (NODE1); this is NODE2.
Move-ClusterGroup EVS1 -Node NODE2 | Out-Null
# E6: not while the System Attendant is online.
Start-ClusterResource $sa | Out-Null
Update-ExchangeVirtualServer EVS1
# CHECKERR: The System Attendant resource 'Exchange System Attendant (EVS1)' is online.
# E6 step 2-4: SA offline (IP, name and disks stay online), then the upgrade.
Stop-ClusterResource $sa | Out-Null
Get-ClusterResource | Where-Object { $_.OwnerGroup -eq 'EVS1' -and $_.State -eq 'Online' } | ForEach-Object Name
# CHECK: EVS1 IP Address
# CHECK: EVS1 Network Name
# CHECK: Disk R:
# CHECK: Disk S:
Update-ExchangeVirtualServer EVS1
# CHECK: The Exchange Virtual Server has been upgraded successfully.
(Get-ExchangeServer EVS1).AdminDisplayVersion
# CHECK: Version 6.5 (Build 7226.6)
# E3: the SA comes online alone; its dependants stay offline until started.
Start-ClusterResource $sa | Out-Null
(Get-ClusterResource 'Exchange Information Store Instance (EVS1)').State
# CHECK: Offline
(Get-ClusterGroup EVS1).State
# CHECK: PartialOnline
Start-ClusterGroup EVS1 | Out-Null
(Get-ClusterGroup EVS1).State
# CHECK: Online
# E7: the upgraded EVS cannot go back to the RTM node, by either tool.
Move-ClusterGroup EVS1 -Node NODE1
# CHECKERR: Version of Exchange on this machine does not match the version of Exchange server NODE1.
cluster group EVS1 /move:NODE1
$LASTEXITCODE
# CHECK: 1
(Get-ClusterGroup EVS1).OwnerNode
# CHECK: NODE2
# ...nor fail over there: a crash of NODE2 leaves it down, with the reason logged.
Invoke-LabFault -Node NODE2 -Crash
(Get-ClusterGroup EVS1).State
# CHECK: Offline
(Get-LabEvent | Where-Object { $_.Source -eq 'MSExchangeCluster' -and $_.EntryType -eq 'Error' })[-1].Message
# CHECK: Version of Exchange on this machine does not match the version of Exchange server NODE1.
