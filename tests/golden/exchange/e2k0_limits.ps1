# LAB: e2k0-4node
# Exchange 2000 on the four-node FOUR-STOOGES cluster (A4): at most four storage groups
# per node across every EVS it would run (E4), on moves and on failovers; Exchange 2000
# lets a node run several EVSs within that limit (E5); its service packs upgrade the
# binaries only (E8).
# Each EVS has two storage groups: two EVSs fit on a node, a third would make six.
Move-ClusterGroup EVS1 -Node 2-MOE | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.OwnerNode, $_.State }
# CHECK: EVS1 2-MOE Online
Move-ClusterGroup EVS3 -Node 2-MOE
# CHECKERR: The Exchange Virtual Server 'EVS3' cannot come online on node '2-MOE': the node would run 6 storage groups (EVS1 2, EVS2 2, EVS3 2), and an Exchange server runs at most 4.
(Get-ClusterGroup EVS3).OwnerNode
# CHECK: 3-LARRY
Move-ClusterGroup EVS1 -Node 1-CURLY | Out-Null
# The cascading failure of A4: each failover goes to the next preferred owner that can
# still take two storage groups; when none can, the EVS stays down and the reason is in
# the Application log.
Invoke-LabFault -Node 1-CURLY -Crash
Start-Sleep -Seconds 600
Invoke-LabFault -Node 2-MOE -Crash
Get-ClusterGroup EVS* | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.OwnerNode, $_.State }
# CHECK: EVS1 3-LARRY Online
# CHECK: EVS2 4-JERRY Online
# CHECK: EVS3 3-LARRY Online
# CHECK: EVS4 4-JERRY Online
Start-Sleep -Seconds 600
Invoke-LabFault -Node 3-LARRY -Crash
Get-ClusterGroup EVS* | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.OwnerNode, $_.State }
# CHECK: EVS1 3-LARRY Offline
# CHECK: EVS2 4-JERRY Online
# CHECK: EVS3 3-LARRY Offline
# CHECK: EVS4 4-JERRY Online
Get-LabEvent | Where-Object { $_.Source -eq 'MSExchangeCluster' -and $_.EntryType -eq 'Error' } | ForEach-Object Message
# CHECK: The Exchange Virtual Server 'EVS1' cannot come online on node '4-JERRY': the node would run 6 storage groups (EVS2 2, EVS4 2, EVS1 2), and an Exchange server runs at most 4.
# CHECK: The Exchange Virtual Server 'EVS3' cannot come online on node '4-JERRY': the node would run 6 storage groups (EVS2 2, EVS4 2, EVS3 2), and an Exchange server runs at most 4.
Get-DowntimeReport | Where-Object { $_.End -eq $null -and $_.Database -eq '' } | ForEach-Object { '{0} {1}' -f $_.Service, $_.Kind }
# CHECK: EVS1 Unplanned
# CHECK: EVS3 Unplanned
# Their databases are down with them (downtime per database, DOMAIN.md §5).
(Get-DowntimeReport | Where-Object { $_.End -eq $null -and $_.Database -ne '' }).Database
# CHECK: First Storage Group\Mailbox Store (EVS1)
# CHECK: Second Storage Group\Mailbox Store 2 (EVS1)
# CHECK: First Storage Group\Mailbox Store (EVS3)
# CHECK: Second Storage Group\Mailbox Store 2 (EVS3)
# Its owner is down; moving it by hand to the last node is refused the same way.
Start-ClusterGroup EVS1
# CHECKERR: The cluster node is down.
Move-ClusterGroup EVS1 -Node 4-JERRY
# CHECKERR: cannot come online on node '4-JERRY': the node would run 6 storage groups
# E8: an Exchange 2000 EVS has no virtual-server upgrade step.
Enter-PSSession 4-JERRY
Stop-ClusterResource 'Exchange System Attendant (EVS4)' | Out-Null
Update-ExchangeVirtualServer EVS4
# CHECKERR: Exchange 2000 service packs upgrade only the binaries on each node; the Exchange Virtual Server 'EVS4' needs no upgrade.
