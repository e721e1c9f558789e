<#
.SYNOPSIS
    Drill: nodes of the four-node Exchange 2000 cluster FOUR-STOOGES fail one after another
    until the storage-group limit leaves virtual servers down.

.DESCRIPTION
    The cascading failover of "Deploying Microsoft Exchange 2000 Clusters" (A4, table 10):
    each EVS fails over along its preferred owners (EVS1 1-CURLY,2-MOE,3-LARRY,4-JERRY and
    so on, rotated), and a node runs at most four storage groups across every EVS it hosts
    (E4). With two storage groups per EVS, a node takes one extra EVS; after the third
    failure the last node is full, and two EVSs stay down, the reason in the Application
    log. The nodes then come back, and the stranded EVSs are brought home.
    Runs on the built-in `e2k0-4node` lab: exsh --lab e2k0-4node scripts/runbooks/e2k0-cascading-failure.ps1
#>
# LAB: e2k0-4node
function Write-Step([string]$Text) {
    Write-Host ("[{0:HH:mm:ss}] {1}" -f (Get-LabClock), $Text)
}

function Show-Placement {
    foreach ($n in Get-ClusterNode) {
        $evs = @(Get-ClusterGroup | Where-Object { $_.Name -like 'EVS*' -and $_.OwnerNode -eq $n.Name -and $_.State -eq 'Online' })
        $sgs = 2 * $evs.Count
        Write-Host ('    {0,-8} {1,-5} {2} storage groups  {3}' -f $n.Name, $n.State, $sgs, (($evs | ForEach-Object Name) -join ', '))
    }
}

Write-Step 'Before the failures'
Show-Placement
foreach ($node in '1-CURLY', '2-MOE', '3-LARRY') {
    Write-Step "$node fails"
    Invoke-LabFault -Node $node -Crash
    Show-Placement
    Start-Sleep -Seconds 900
}

Write-Step 'Virtual servers that could not come online anywhere:'
Get-LabEvent | Where-Object { $_.Source -eq 'MSExchangeCluster' -and $_.EntryType -eq 'Error' } | ForEach-Object {
    Write-Host "    $($_.Message)"
}

Write-Step 'Recovery: the failed nodes come back'
foreach ($node in '1-CURLY', '2-MOE', '3-LARRY') {
    Restore-LabNode $node
}
foreach ($g in Get-ClusterGroup EVS*) {
    $preferred = (Get-ClusterOwnerNode -Group $g.Name).OwnerNodes[0]
    if ($g.State -ne 'Online' -or $g.OwnerNode -ne $preferred) {
        Write-Step "Bringing $($g.Name) home to $preferred"
        Move-ClusterGroup $g.Name -Node $preferred | Out-Null
        Start-ClusterGroup $g.Name | Out-Null
    }
}
Show-Placement
Get-DowntimeReport | Where-Object Database -eq "" | Format-Table Service, Kind, Start, End, Duration
