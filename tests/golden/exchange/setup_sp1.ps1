# Exchange 2007 SP1 on CCR (DOMAIN.md X8, A1): setup.com's refusals are FAILED stages with
# $LASTEXITCODE 1 and nothing changed; then the documented order succeeds.
# On the active node: refused.
$out = setup.com /m:upgrade
$LASTEXITCODE
# CHECK: 1
$out | Where-Object { $_ -match 'FAILED|active node|Firewall' } | ForEach-Object { $_.Trim() }
# CHECK: Mailbox Role Checks                   ......................... FAILED
# CHECK: The 'Windows Firewall/Internet Connection Sharing (ICS)' service must be started. Setup adds Windows Firewall exceptions: set the service to Manual or Automatic and start it, then rerun setup.
# CHECK: Clustered Mailbox Server Checks       ......................... FAILED
# CHECK: Setup cannot upgrade the Mailbox role on 'NODE1' because it is the active node of clustered mailbox server 'E2K7CCR'. Move the clustered mailbox server to a passive node first.
$out[-1]
# CHECK: Exchange Server setup encountered an error.
(Get-LabNode NODE1).ExchangeVersion
# CHECK: 8.0.685.25
# The passive node, prepared as A1 says.
Enter-PSSession NODE2
Set-Service SharedAccess -StartupType Manual
Start-Service SharedAccess
Stop-Service MOM, SysmonLog
Restart-Service RemoteRegistry
$t = Get-LabClock
$out = setup.com /m:upgrade
$LASTEXITCODE
# CHECK: 0
$out[-2]
# CHECK: The Microsoft Exchange Server setup operation completed successfully.
((Get-LabClock) - $t).TotalMinutes
# CHECK: 25
(Get-LabNode NODE2) | ForEach-Object { '{0} {1}' -f $_.ExchangeVersion, $_.PendingReboot }
# CHECK: 8.1.240.6 True
Restart-Computer -Wait
Exit-PSSession
# /upgradecms while the CMS runs, or from a node that does not own it: refused.
Enter-PSSession NODE2
(setup.com /upgradecms | Where-Object { $_ -match 'does not own' }).Trim()
# CHECK: 'NODE2' does not own a clustered mailbox server. Run setup.com /upgradecms on the node that owns the stopped clustered mailbox server.
Exit-PSSession
Stop-ClusteredMailboxServer E2K7CCR -StopReason 'SP1' -Confirm:$false
Move-ClusteredMailboxServer E2K7CCR -TargetMachine NODE2 -MoveComment 'SP1' -Confirm:$false
# An 8.0 CMS does not come online on 8.1 binaries.
Start-ClusteredMailboxServer E2K7CCR
# CHECKERR: cannot come online on 'NODE2', which runs Exchange 8.1.240.6
Enter-PSSession NODE2
(setup.com /upgradecms)[-1]
# CHECK: The Microsoft Exchange Server setup operation completed successfully.
Exit-PSSession
(Get-ClusteredMailboxServerStatus E2K7CCR).State
# CHECK: Online
(Get-ExchangeServer E2K7CCR).AdminDisplayVersion
# CHECK: Version 8.1 (Build 240.6)
