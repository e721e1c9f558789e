<#
.SYNOPSIS
    Applies Exchange Server 2007 SP1 to the CCR clustered mailbox server E2K7CCR
    (nodes NODE1 and NODE2), passive node first.

.DESCRIPTION
    The order of "Exchange Servers: Highly Available and Happy" (A1) and DOMAIN.md X8:
      1. Client Access and Hub Transport are upgraded first (HUBCAS: outside this runbook).
      2. On the passive node: the Windows Firewall service started, the services holding
         Exchange performance counters stopped, Remote Registry restarted; then
         setup.com /mode:upgrade and a restart.
      3. Stop the CMS, move it to the upgraded node, setup.com /upgradecms there.
      4. The same preparation and setup.com /mode:upgrade on the former active node; restart.
    Runs on the built-in `ccr` lab: exsh scripts/runbooks/e2k7-ccr-sp1.ps1

.NOTES
    Stops at the first failure: setup.com's exit code is checked after every run.
#>
# LAB: ccr
$ErrorActionPreference = 'Stop'
$cms = 'E2K7CCR'

function Write-Step([string]$Text) {
    Write-Host ("[{0:HH:mm:ss}] {1}" -f (Get-LabClock), $Text)
}

function Get-ActiveNode {
    $n = (Get-ClusteredMailboxServerStatus -Identity $cms).OperationalMachines | Where-Object { $_ -cmatch 'Active' }
    $n.Substring(0, $n.IndexOf(' '))
}

function Invoke-NodeUpgrade([string]$Node) {
    Write-Step "Preparing $Node"
    Enter-PSSession -ComputerName $Node
    Set-Service SharedAccess -StartupType Manual
    Start-Service SharedAccess
    Stop-Service MOM, SysmonLog
    Restart-Service RemoteRegistry
    Write-Step "setup.com /mode:upgrade on $Node"
    $out = setup.com /mode:upgrade
    if ($LASTEXITCODE -ne 0) {
        $out | Write-Host
        throw "setup.com /mode:upgrade failed on $Node"
    }
    Write-Step "Restarting $Node"
    Restart-Computer -Wait
    Exit-PSSession
}

$active = Get-ActiveNode
$passive = (Get-ClusterNode | Where-Object Name -ne $active).Name
Write-Step "Active node $active, passive node $passive"

Invoke-NodeUpgrade $passive

Write-Step "Stopping $cms"
Stop-ClusteredMailboxServer -Identity $cms -StopReason 'Exchange 2007 SP1' -Confirm:$false
Write-Step "Moving $cms to $passive"
Move-ClusteredMailboxServer -Identity $cms -TargetMachine $passive -MoveComment 'Exchange 2007 SP1' -Confirm:$false
Enter-PSSession -ComputerName $passive
Write-Step "setup.com /upgradecms on $passive"
$out = setup.com /upgradecms
if ($LASTEXITCODE -ne 0) { $out | Write-Host; throw 'setup.com /upgradecms failed' }
Exit-PSSession
Write-Step ("{0} is {1} at {2}" -f $cms, (Get-ClusteredMailboxServerStatus $cms).State, (Get-ExchangeServer $cms).AdminDisplayVersion)

Invoke-NodeUpgrade $active

Write-Step 'Done'
Get-LabNode NODE1, NODE2 | Format-Table Name, ExchangeVersion, PendingReboot, State
Get-DowntimeReport -Service $cms | Format-Table Database, Kind, Start, End, Duration
