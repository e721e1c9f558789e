# LAB: e2k0-4node
# Exchange 2000 -> 2003 on a cluster (DOMAIN.md E8; domain-sources 4.4, rules 47-51):
# setup refuses a node that owns groups, a cluster without MSDTC online, and a cluster of
# more than two nodes running active/active; an upgraded EVS never runs on a 2000 node.
Enter-PSSession 4-JERRY
$out = \\DC1\Media\E2K3\setup\i386\setup.exe
$LASTEXITCODE
# CHECK: 1
$out[-1]
# CHECK: Setup cannot continue: No cluster resources may run on a node that setup upgrades: move EVS4 off 4-JERRY first.
Exit-PSSession
Move-ClusterGroup EVS4 -Node 3-LARRY | Out-Null
Enter-PSSession 4-JERRY
(setup.exe)[-1]
# CHECK: Setup cannot continue: A cluster of more than two nodes must be active/passive to be upgraded to Exchange Server 2003: FOUR-STOOGES has 4 Exchange Virtual Servers on 4 nodes.
(Get-LabNode 4-JERRY).ExchangeVersion
# CHECK: 6.0.6249
Exit-PSSession
# Make it active/passive by retiring EVS4.
Stop-ClusterGroup EVS4 | Out-Null
Remove-ClusterResource 'Exchange System Attendant (EVS4)' -Force
Enter-PSSession 4-JERRY
(setup.exe)[-1]
# CHECK: Setup cannot continue: The Microsoft Distributed Transaction Coordinator (MSDTC) resource must be online in the cluster before setup can upgrade a node to Exchange Server 2003.
Exit-PSSession
Add-ClusterResource MSDTC -Group 'Cluster Group' -ResourceType 'Distributed Transaction Coordinator' | Out-Null
Start-ClusterResource MSDTC | Out-Null
Enter-PSSession 4-JERRY
$t = Get-LabClock
(setup.exe)[-1]
# CHECK: Exchange Server 2003 setup completed successfully. Restart the computer, then upgrade each Exchange Virtual Server from Cluster Administrator (Update-ExchangeVirtualServer), one at a time.
((Get-LabClock) - $t).TotalMinutes
# CHECK: 30
Restart-Computer -Wait
(Get-LabNode 4-JERRY).ExchangeVersion
# CHECK: 6.5.6944.4
Exit-PSSession
# The 2000 EVS may still run on the upgraded node, and be upgraded there.
Stop-ClusterResource 'Exchange System Attendant (EVS1)' | Out-Null
Move-ClusterGroup EVS1 -Node 4-JERRY | Out-Null
Enter-PSSession 4-JERRY
Update-ExchangeVirtualServer EVS1
# CHECK: The Exchange Virtual Server has been upgraded successfully.
Exit-PSSession
Start-ClusterGroup EVS1 | Out-Null
(Get-ExchangeServer EVS1).AdminDisplayVersion
# CHECK: Version 6.5 (Build 6944.4)
# No way back to an Exchange 2000 node.
Move-ClusterGroup EVS1 -Node 1-CURLY
# CHECKERR: Version of Exchange on this machine does not match the version of Exchange server 1-CURLY.
