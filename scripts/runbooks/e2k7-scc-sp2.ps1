<#
.SYNOPSIS
    Applies Exchange Server 2007 SP2 to the single copy cluster CLUS2 (MBX1 on NODE-A,
    MBX2 on NODE-B, NODE-C passive), one clustered mailbox server at a time.

.DESCRIPTION
    DOMAIN.md X9: the same order as CCR, passive nodes first: upgrade the passive node,
    stop a CMS, move it there, setup.com /upgradecms; its old node is now passive and is
    upgraded next; and so on. Shared disks move with the group; there are no copies.
    Runs on the built-in `scc` lab: exsh --lab scc scripts/runbooks/e2k7-scc-sp2.ps1
#>
# LAB: scc
$ErrorActionPreference = 'Stop'

function Update-Node([string]$Node) {
    Write-Host ("[{0:HH:mm}] setup.com /mode:upgrade on {1}" -f (Get-LabClock), $Node)
    Enter-PSSession $Node
    $out = setup.com /mode:upgrade
    if ($LASTEXITCODE -ne 0) { $out | Write-Host; throw "setup failed on $Node" }
    Restart-Computer -Wait
    Exit-PSSession
}

function Move-AndUpgrade([string]$Cms, [string]$Target) {
    Write-Host ("[{0:HH:mm}] {1} -> {2}" -f (Get-LabClock), $Cms, $Target)
    Stop-ClusteredMailboxServer -Identity $Cms -StopReason 'Exchange 2007 SP2' -Confirm:$false
    Move-ClusteredMailboxServer -Identity $Cms -TargetMachine $Target -MoveComment 'Exchange 2007 SP2' -Confirm:$false
    Enter-PSSession $Target
    $out = setup.com /upgradecms
    if ($LASTEXITCODE -ne 0) { $out | Write-Host; throw "/upgradecms failed for $Cms" }
    Exit-PSSession
}

Update-Node 'NODE-C'
Move-AndUpgrade 'MBX1' 'NODE-C'
Update-Node 'NODE-A'
Move-AndUpgrade 'MBX2' 'NODE-A'
Update-Node 'NODE-B'

Get-ClusteredMailboxServerStatus | ForEach-Object { Write-Host ('{0}: {1}, {2}' -f $_.Identity, $_.State, ($_.OperationalMachines -join ', ')) }
Get-ExchangeServer | Format-Table Name, AdminDisplayVersion
Get-DowntimeReport -Summary | Format-Table Service, Kind, Outages, Longest, Total
