<#
.SYNOPSIS
    Applies Exchange Server 2003 SP1 to the two-node cluster EXCLUS1 (EVS1 on NODE1,
    NODE2 passive) as a rolling upgrade, front-end server first.

.DESCRIPTION
    The procedure of "Exchange 2003 Clusters: Rolling Upgrades" (A0) and KB 867624, as
    DOMAIN.md E6 states it:
      0. A full backup of EVS1's storage groups (E10: the backup taken after the SP is the
         one that can be restored later), and the front-end server FE1 first (E9):
         hotfix 831464, restart, update.exe, restart.
      1. The passive node: Windows hotfix 831464 and a restart, then the Exchange SP
         (update.exe) and the restart it asks for.
      2. Take EVS1's System Attendant offline (its dependants go with it; IP Address,
         Network Name and disks stay online).
      3. Move the EVS1 group to the upgraded node.
      4. Update-ExchangeVirtualServer there (Cluster Administrator's "Upgrade Exchange
         Virtual Server").
      5. Bring each resource online (the SA alone leaves its dependants offline, E3);
         check the Application log.
      6. The other node gets the hotfix and the SP; EVS1 moves back to verify it.
      7. A new full backup: the one taken before the SP cannot be restored any more.
    Runs on the built-in `e2k3` lab: exsh --lab e2k3 scripts/runbooks/e2k3-sp1-rolling.ps1

.NOTES
    Stops at the first failure: every installer's exit code is checked. Plan about 30
    minutes of EVS downtime (A0); the downtime report at the end gives the simulated one.
#>
# LAB: e2k3
$ErrorActionPreference = 'Stop'
$evs = 'EVS1'
$sa = "Exchange System Attendant ($evs)"

function Write-Step([string]$Text) {
    Write-Host ("[{0:HH:mm:ss}] {1}" -f (Get-LabClock), $Text)
}

function Invoke-Installer([string]$Node, [scriptblock]$Run, [string]$What) {
    $out = & $Run
    # 3010: done, a restart is required.
    if ($LASTEXITCODE -ne 0 -and $LASTEXITCODE -ne 3010) {
        $out | Write-Host
        throw "$What failed on $Node (exit code $LASTEXITCODE)"
    }
}

function Update-Server([string]$Node) {
    Enter-PSSession -ComputerName $Node
    if (-not (Get-HotFix -Id KB831464 -ErrorAction SilentlyContinue)) {
        Write-Step "$Node`: hotfix KB831464"
        Invoke-Installer $Node { WindowsServer2003-KB831464-x86-ENU.exe /quiet /norestart } 'KB831464'
        Write-Step "$Node`: restart"
        Restart-Computer -Wait
    }
    Write-Step "$Node`: Exchange Server 2003 SP1 (update.exe)"
    Invoke-Installer $Node { \\DC1\Media\E2K3SP1\update.exe /passive /norestart } 'update.exe'
    Write-Step "$Node`: restart"
    Restart-Computer -Wait
    Exit-PSSession
}

$active = (Get-ClusterGroup $evs).OwnerNode
$passive = (Get-ClusterNode | Where-Object Name -ne $active).Name
Write-Step "$evs runs on $active; $passive is passive"

Write-Step "Full backup of $evs before the service pack"
ntbackup backup "\\$evs\Microsoft Information Store" /f "\\DC1\Backup\$evs-before-sp1.bkf" /m normal /j 'Before SP1' | Write-Host

Update-Server 'FE1'
Update-Server $passive

Write-Step "Taking $sa offline"
Stop-ClusterResource $sa | Out-Null
Write-Step "Moving $evs to $passive"
Move-ClusterGroup $evs -Node $passive | Out-Null
Enter-PSSession -ComputerName $passive
Write-Step "Upgrading the Exchange Virtual Server $evs on $passive"
Update-ExchangeVirtualServer $evs | Write-Host
Exit-PSSession

Write-Step "Bringing $sa online, then each Exchange resource"
Start-ClusterResource $sa | Out-Null
Get-ClusterResource | Where-Object { $_.OwnerGroup -eq $evs -and $_.State -ne 'Online' } | ForEach-Object {
    Start-ClusterResource $_.Name | Out-Null
}
$state = (Get-ClusterGroup $evs).State
Write-Step "$evs is $state on $passive at $((Get-ExchangeServer $evs).AdminDisplayVersion)"
$errors = @(Get-LabEvent | Where-Object { $_.Log -eq 'Application' -and $_.EntryType -eq 'Error' })
Write-Step "Application log errors: $($errors.Count)"

Update-Server $active
Write-Step "Moving $evs back to $active"
Move-ClusterGroup $evs -Node $active | Out-Null
Write-Step "Full backup of $evs after the service pack"
ntbackup backup "\\$evs\Microsoft Information Store" /f "\\DC1\Backup\$evs-after-sp1.bkf" /m normal /j 'After SP1' | Write-Host
Write-Step 'Done'

Get-LabNode FE1, NODE1, NODE2 | Format-Table Name, ExchangeVersion, Hotfixes, PendingReboot, State
Get-ClusterGroup | Format-Table Name, OwnerNode, State
Get-DowntimeReport -Service $evs | Format-Table Database, Kind, Start, End, Duration
