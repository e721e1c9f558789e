# LAB: e2k3
# Backups around an Exchange 2003 service pack (DOMAIN.md E10, A2): a backup taken at
# the old build cannot be restored once the databases were mounted by the new one; a new
# full backup after the upgrade can.
$t = Get-LabClock
ntbackup backup "\\EVS1\Microsoft Information Store" /f "\\DC1\Backup\pre-sp1.bkf" /m normal /j "Before SP1"
# CHECK: Backup of \\EVS1\Microsoft Information Store (First Storage Group, Second Storage Group) to \\DC1\Backup\pre-sp1.bkf completed: normal backup, Exchange 6.5.6944.4.
((Get-LabClock) - $t).TotalMinutes
# CHECK: 10
# Refusals: a tape backup, a restore from the command line, a selection that is not Exchange.
ntbackup backup "\\EVS1\Microsoft Information Store"
# CHECKERR: ntbackup: name the backup file with /f: exsh has no tape drive.
ntbackup restore "\\DC1\Backup\pre-sp1.bkf"
# CHECKERR: NTBackup restores only from its Restore Wizard
ntbackup backup C:\ /f x.bkf
# CHECKERR: exsh simulates Exchange online backups only
$LASTEXITCODE
# CHECK: 1
# Before the upgrade the backup restores (10 minutes per storage group).
Restore-ExchangeBackup "\\DC1\Backup\pre-sp1.bkf" -StorageGroup 'Second Storage Group'
(Get-DowntimeReport | Where-Object Database -ne '') | ForEach-Object { '{0} {1} {2}' -f $_.Database, $_.Kind, $_.Duration }
# CHECK: Second Storage Group\Mailbox Store 2 (EVS1) Planned 00:10:00
# The service pack on NODE2, then the EVS upgraded there.
Enter-PSSession NODE2
WindowsServer2003-KB831464-x86-ENU.exe /quiet /norestart
Restart-Computer -Wait
update.exe /passive | Out-Null
Restart-Computer -Wait
Exit-PSSession
Stop-ClusterResource 'Exchange System Attendant (EVS1)' | Out-Null
Move-ClusterGroup EVS1 -Node NODE2 | Out-Null
Enter-PSSession NODE2
Update-ExchangeVirtualServer EVS1 | Out-Null
Exit-PSSession
Start-ClusterGroup EVS1 | Out-Null
Restore-ExchangeBackup "\\DC1\Backup\pre-sp1.bkf"
# CHECKERR: The restore failed: the backup set '\\DC1\Backup\pre-sp1.bkf' was written by Exchange 6.5.6944.4 and the databases of First Storage Group, Second Storage Group have been mounted by Exchange 6.5.7226.6.
ntbackup backup "\\EVS1\Microsoft Information Store" /f "\\DC1\Backup\post-sp1.bkf" | Out-Null
Restore-ExchangeBackup "\\DC1\Backup\post-sp1.bkf" -StorageGroup 'First Storage Group'
# The restore took First Storage Group's two databases down for 10 minutes each.
(Get-DowntimeReport | Where-Object { $_.Database -like 'First*' -and $_.Duration.TotalMinutes -eq 10 }).Count
# CHECK: 2
Restore-ExchangeBackup "\\DC1\Backup\nothing.bkf"
# CHECKERR: The backup file '\\DC1\Backup\nothing.bkf' was not found
