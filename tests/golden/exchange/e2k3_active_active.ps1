# LAB: e2k3-aa
# Exchange 2003 active/active (DOMAIN.md E5, E6, §6): two EVSs may share a node on a
# two-node cluster; with a third node each node runs one EVS at a time. One EVS upgrade
# at a time (KB 822582). Rights: Exchange Full Administrator and local Administrators.
Move-ClusterGroup EVS2 -Node NODE1 | ForEach-Object OwnerNode
# CHECK: NODE1
Move-ClusterGroup EVS2 -Node NODE2 | Out-Null
# A third node joins (FE1 stands in for a new Exchange 2003 node) and may own everything.
Add-ClusterNode FE1 | Out-Null
Get-ClusterResource | Where-Object { $_.OwnerGroup -like 'EVS*' } | Set-ClusterOwnerNode -Owners NODE1, NODE2, FE1
Move-ClusterGroup EVS2 -Node NODE1
# CHECKERR: An error occurred while bringing the Exchange Virtual Server 'EVS2' online on node 'NODE1': the node already hosts the Exchange Virtual Server 'EVS1'. On a cluster of more than two nodes, a node can host only one Exchange Virtual Server at a time.
(Get-ClusterGroup EVS2).OwnerNode
# CHECK: NODE2
Move-ClusterGroup EVS2 -Node FE1 | ForEach-Object { '{0} {1}' -f $_.OwnerNode, $_.State }
# CHECK: FE1 Online
Remove-ClusterNode FE1 -Force -ErrorAction SilentlyContinue
Import-Lab e2k3-aa
# Security: junior (View Only, local Administrators on NODE1 only) cannot upgrade an EVS.
Set-LabIdentity CONTOSO\junior
Update-ExchangeVirtualServer EVS1
# CHECKERR: Insufficient access rights to perform the operation.
Set-LabIdentity CONTOSO\exadmin
# Both nodes get SP1 binaries; NODE2 first (it runs EVS2, so move EVS2 over).
Stop-ClusterResource 'Exchange System Attendant (EVS2)' | Out-Null
Move-ClusterGroup EVS2 -Node NODE1 | Out-Null
Start-ClusterGroup EVS2 | Out-Null
Enter-PSSession NODE2
WindowsServer2003-KB831464-x86-ENU.exe /quiet /norestart
Restart-Computer -Wait
update.exe /passive | Out-Null
$LASTEXITCODE
# CHECK: 0
Restart-Computer -Wait
# Both EVSs move to NODE2 with their SAs offline; upgrade EVS1, then EVS2 before EVS1's
# SA is back: refused (one EVS at a time).
Exit-PSSession
foreach ($e in 'EVS1', 'EVS2') {
    Stop-ClusterResource "Exchange System Attendant ($e)" | Out-Null
    Move-ClusterGroup $e -Node NODE2 | Out-Null
}
Enter-PSSession NODE2
Set-LabIdentity CONTOSO\junior
Update-ExchangeVirtualServer EVS1
# CHECKERR: Access is denied.
Set-LabIdentity CONTOSO\exadmin
Update-ExchangeVirtualServer EVS1
# CHECK: The Exchange Virtual Server has been upgraded successfully.
Update-ExchangeVirtualServer EVS2
# CHECKERR: The upgrade of the Exchange Virtual Server 'EVS1' is still in progress (its System Attendant is not back online). Upgrade one Exchange Virtual Server at a time (KB 822582).
Start-ClusterGroup EVS1 | Out-Null
Update-ExchangeVirtualServer EVS2
# CHECK: The Exchange Virtual Server has been upgraded successfully.
Start-ClusterGroup EVS2 | Out-Null
Get-ExchangeServer EVS* | ForEach-Object { '{0} {1}' -f $_.Name, $_.AdminDisplayVersion }
# CHECK: EVS1 Version 6.5 (Build 7226.6)
# CHECK: EVS2 Version 6.5 (Build 7226.6)
