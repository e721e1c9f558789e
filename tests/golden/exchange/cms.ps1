# Exchange 2007 clustered mailbox server (DOMAIN.md X1, X3, X4), in the style
# administrators' scripts use (domain-sources 1.4: the active node is the entry that
# matches 'Active', its name the text before the first space).
$n = (Get-ClusteredMailboxServerStatus -Identity E2K7CCR).OperationalMachines | where {$_ -cmatch 'Active'}
$n
# CHECK: NODE1 <Active, Quorum Owner>
$active = $n.Substring(0, $n.IndexOf(' '))
$active
# CHECK: NODE1
(Get-ExchangeServer E2K7CCR).AdminDisplayVersion
# CHECK: Version 8.0 (Build 685.25)
(Get-ExchangeServer | ForEach-Object Name) -join ','
# CHECK: E2K7CCR,HUBCAS
# X1: only from the active node to a passive one; -ValidateOnly changes nothing.
Move-ClusteredMailboxServer -Identity E2K7CCR -TargetMachine NODE1 -MoveComment 'test' -Confirm:$false
# CHECKERR: A clustered mailbox server can only be moved from the active node to a passive node.
Move-ClusteredMailboxServer -Identity E2K7CCR -TargetMachine NODE2 -MoveComment 'test' -ValidateOnly
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE1
# A move is high impact: in a script it needs -Confirm:$false.
Move-ClusteredMailboxServer -Identity E2K7CCR -TargetMachine NODE2 -MoveComment 'SP1 upgrade'
# CHECKERR: PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.
Move-ClusteredMailboxServer -Identity E2K7CCR -TargetMachine NODE2 -MoveComment 'SP1 upgrade' -Confirm:$false
(Get-ClusteredMailboxServerStatus E2K7CCR).OperationalMachines -join '; '
# CHECK: NODE1 <Quorum Owner>; NODE2 <Active>
(Get-LabEvent -Source MSExchangeRepl -EventId 100).Message -like "*moved from 'NODE1' to 'NODE2'*Comment: SP1 upgrade"
# CHECK: True
# X3: a stopped CMS stays offline through a failover until started.
Stop-ClusteredMailboxServer E2K7CCR -StopReason "x" -Confirm:$false
(Get-ClusteredMailboxServerStatus E2K7CCR).State
# CHECK: Offline
Stop-ClusteredMailboxServer E2K7CCR -StopReason "again" -Confirm:$false
# CHECKERR: cannot be stopped because it is not online or partially online (its state is Offline).
Invoke-LabFault -Node NODE2 -Crash
(Get-ClusterGroup E2K7CCR) | ForEach-Object { '{0} {1}' -f $_.OwnerNode, $_.State }
# CHECK: NODE1 Offline
Start-ClusteredMailboxServer E2K7CCR
(Get-ClusteredMailboxServerStatus E2K7CCR).State
# CHECK: Online
Start-ClusteredMailboxServer E2K7CCR
# CHECKERR: Clustered mailbox server 'E2K7CCR' is already running on 'NODE1'.
# A View-Only administrator cannot.
Set-LabIdentity 'CONTOSO\viewer'
Stop-ClusteredMailboxServer E2K7CCR -StopReason "x" -Confirm:$false
# CHECKERR: Insufficient access rights to perform the operation.
(Get-ClusteredMailboxServerStatus E2K7CCR).State
# CHECK: Online
