<#
.SYNOPSIS
    Drill: an unplanned failover of the CCR clustered mailbox server E2K7CCR with
    replication lag, and the recovery of the databases and of the copies.

.DESCRIPTION
    DOMAIN.md X5/X6: the passive copies are behind (the lab's -Lag fault), the active node
    crashes, the CMS fails over to the passive node. A database whose lost logs are within
    the AutoDatabaseMountDial (BestAvailability: 6) mounts; the other stays dismounted
    until Restore-StorageGroupCopy and Mount-Database. When the old node is back, its copies
    have diverged: suspend and reseed them (Update-StorageGroupCopy).
    Runs on the built-in `ccr` lab.
#>
# LAB: ccr
$ErrorActionPreference = 'Stop'
$cms = 'E2K7CCR'

function Show-Copies {
    Get-StorageGroupCopyStatus -Server $cms | ForEach-Object {
        Write-Host ('  {0}: {1}, copy queue {2}' -f $_.StorageGroupName, $_.SummaryCopyStatus, $_.CopyQueueLength)
    }
}

Write-Host 'Replication falls behind:'
Invoke-LabFault -Lag 3 -StorageGroup 'First Storage Group'
Invoke-LabFault -Lag 11 -StorageGroup 'Second Storage Group'
Show-Copies

Write-Host 'NODE1 crashes.'
Invoke-LabFault -Node NODE1 -Crash
$s = Get-ClusteredMailboxServerStatus $cms
Write-Host ('{0} is {1} on {2}' -f $cms, $s.State, ($s.OperationalMachines -join ', '))
Get-MailboxDatabase -Server $cms -Status | ForEach-Object { Write-Host ('  {0} mounted: {1}' -f $_.Name, $_.Mounted) }

Write-Host 'Accepting the lost logs and mounting what stayed dismounted:'
Get-MailboxDatabase -Server $cms -Status | Where-Object { -not $_.Mounted } | ForEach-Object {
    Restore-StorageGroupCopy -Identity $_.StorageGroup -Confirm:$false
    Mount-Database -Identity $_.Identity
}
Write-Host ('{0} is {1}' -f $cms, (Get-ClusteredMailboxServerStatus $cms).State)

Write-Host 'NODE1 is repaired and rejoins; its copies diverged:'
Restore-LabNode NODE1
Show-Copies
Get-StorageGroupCopyStatus -Server $cms | Where-Object SummaryCopyStatus -ne 'Healthy' | ForEach-Object {
    Suspend-StorageGroupCopy -Identity $_.Identity -Confirm:$false
    Update-StorageGroupCopy -Identity $_.Identity -Confirm:$false
}
Write-Host 'After the reseed:'
Show-Copies
Get-DowntimeReport -Service $cms | Format-Table Database, Kind, Start, End, Duration
