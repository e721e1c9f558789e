# Exchange 2007 SP1 on CCR, the order of X8 (A1): Hub Transport and Client Access first
# (a warning), the GUI setup refused on a cluster node, and a node with a restart pending
# cannot host the CMS.
Enter-PSSession NODE2
setup.exe /mode:upgrade
# CHECK: Setup.exe cannot upgrade a clustered mailbox server node. Run setup.com /mode:upgrade from a command prompt on NODE2.
$LASTEXITCODE
# CHECK: 1
Set-Service SharedAccess -StartupType Manual
Start-Service SharedAccess
$out = setup.com /mode:upgrade
$LASTEXITCODE
# CHECK: 0
$out | Where-Object { $_ -match 'Hub Transport' } | ForEach-Object { $_.Trim() }
# CHECK: The Client Access and Hub Transport servers should be upgraded before the Mailbox servers: 'HUBCAS' (HubTransport, ClientAccess) still runs Exchange 8.0.685.25.
Exit-PSSession
# No restart yet: NODE2 cannot take the CMS.
Move-ClusteredMailboxServer E2K7CCR -TargetMachine NODE2 -MoveComment 'SP1' -Confirm:$false
# CHECKERR: 'NODE2' must be restarted before it can host clustered mailbox server 'E2K7CCR': a restart from a previous installation is pending.
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE1
Restart-Computer -ComputerName NODE2 -Wait
Stop-ClusteredMailboxServer E2K7CCR -StopReason 'SP1' -Confirm:$false
Move-ClusteredMailboxServer E2K7CCR -TargetMachine NODE2 -MoveComment 'SP1' -Confirm:$false
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE2
