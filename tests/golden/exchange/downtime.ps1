# Downtime accounting (DOMAIN.md §5): a planned handoff, then an unplanned failover that
# leaves one database dismounted until it is restored and mounted; the kind is the cause
# of the outage (an administrator's action or a fault).
Move-ClusteredMailboxServer E2K7CCR -TargetMachine NODE2 -MoveComment 'planned' -Confirm:$false
Invoke-LabFault -Lag 9 -StorageGroup 'Second Storage Group'
Invoke-LabFault -Node NODE2 -Crash
Restore-StorageGroupCopy 'E2K7CCR\Second Storage Group' -Confirm:$false
Start-Sleep -Seconds 60
Mount-Database 'E2K7CCR\Second Storage Group\Mailbox Database 2'
Get-DowntimeReport -Service E2K7CCR | ForEach-Object { '{0}|{1}|{2}|{3:HH:mm:ss}|{4}' -f $_.Service, $_.Database, $_.Kind, $_.Start, $_.Duration }
# CHECK: E2K7CCR||Planned|22:00:00|00:03:28
# CHECK: E2K7CCR|First Storage Group\Mailbox Database|Planned|22:00:00|00:03:28
# CHECK: E2K7CCR|Second Storage Group\Mailbox Database 2|Planned|22:00:00|00:03:28
# CHECK: E2K7CCR||Unplanned|22:03:28|00:02:23
# CHECK: E2K7CCR|First Storage Group\Mailbox Database|Unplanned|22:03:28|00:02:23
# CHECK: E2K7CCR|Second Storage Group\Mailbox Database 2|Unplanned|22:03:28|00:03:43
(Get-DowntimeReport -Kind Unplanned | Measure-Object).Count
# CHECK: 3
Get-DowntimeReport -Summary | ForEach-Object { '{0} {1} {2} {3}' -f $_.Service, $_.Kind, $_.Outages, $_.Total }
# CHECK: E2K7CCR Planned 1 00:03:28
# CHECK: E2K7CCR Unplanned 1 00:02:23
