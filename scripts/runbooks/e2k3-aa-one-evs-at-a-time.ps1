<#
.SYNOPSIS
    Applies Exchange Server 2003 SP1 to the active/active cluster EXCLUS1 (EVS1 on NODE1,
    EVS2 on NODE2), one Exchange Virtual Server at a time.

.DESCRIPTION
    KB 867624 with two active nodes (A0, DOMAIN.md E5/E6): on a two-node cluster both EVSs
    may run on one node, so EVS2 moves to NODE1 to free NODE2, which gets hotfix 831464
    and the SP. Then each EVS in turn: System Attendant offline, move to NODE2, "Upgrade
    Exchange Virtual Server", every resource online, before the next one starts (parallel
    EVS upgrades can hang setup, KB 822582). NODE1 is then passive and is upgraded; EVS1
    returns to it, active/active again.
    Runs on the built-in `e2k3-aa` lab: exsh --lab e2k3-aa scripts/runbooks/e2k3-aa-one-evs-at-a-time.ps1
#>
# LAB: e2k3-aa
$ErrorActionPreference = 'Stop'

function Write-Step([string]$Text) {
    Write-Host ("[{0:HH:mm:ss}] {1}" -f (Get-LabClock), $Text)
}

function Update-Node([string]$Node) {
    Enter-PSSession -ComputerName $Node
    Write-Step "$Node`: hotfix KB831464, restart"
    WindowsServer2003-KB831464-x86-ENU.exe /quiet /norestart
    if ($LASTEXITCODE -notin 0, 3010) { throw "KB831464 failed on $Node" }
    Restart-Computer -Wait
    Write-Step "$Node`: update.exe, restart"
    $out = update.exe /passive
    if ($LASTEXITCODE -ne 0) { $out | Write-Host; throw "update.exe failed on $Node" }
    Restart-Computer -Wait
    Exit-PSSession
}

function Update-Evs([string]$Evs, [string]$Node) {
    $sa = "Exchange System Attendant ($Evs)"
    Write-Step "$Evs`: System Attendant offline, move to $Node"
    Stop-ClusterResource $sa | Out-Null
    Move-ClusterGroup $Evs -Node $Node | Out-Null
    Enter-PSSession -ComputerName $Node
    Write-Step "$Evs`: $(Update-ExchangeVirtualServer $Evs)"
    Exit-PSSession
    Start-ClusterResource $sa | Out-Null
    Start-ClusterGroup $Evs | Out-Null
    Write-Step "$Evs`: $((Get-ClusterGroup $Evs).State) on $Node"
}

Write-Step 'Freeing NODE2: EVS2 joins EVS1 on NODE1'
Move-ClusterGroup EVS2 -Node NODE1 | Out-Null
Update-Node NODE2
Update-Evs EVS1 NODE2
Update-Evs EVS2 NODE2
Update-Node NODE1
Write-Step 'EVS1 back to NODE1: active/active again'
Move-ClusterGroup EVS1 -Node NODE1 | Out-Null

Get-ClusterGroup EVS* | Format-Table Name, OwnerNode, State
Get-ExchangeServer EVS* | Format-Table Name, AdminDisplayVersion
Get-DowntimeReport -Summary | Format-Table Service, Kind, Outages, Longest, Total
