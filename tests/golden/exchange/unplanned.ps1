# X5: an unplanned CCR failover. Within the AutoDatabaseMountDial (BestAvailability: 6
# lost logs) a database mounts, lossy; beyond it, it stays dismounted until
# Restore-StorageGroupCopy, then Mount-Database. The old node's copy diverged and needs a
# reseed (Suspend, Update-StorageGroupCopy).
Invoke-LabFault -Lag 4 -StorageGroup 'First Storage Group'
Invoke-LabFault -Lag 9 -StorageGroup 'Second Storage Group'
Invoke-LabFault -Node NODE1 -Crash
(Get-ClusteredMailboxServerStatus E2K7CCR).State
# CHECK: PartiallyOnline
(Get-MailboxDatabase -Server E2K7CCR -Status | ForEach-Object { '{0}={1}' -f $_.Name, $_.Mounted }) -join ' '
# CHECK: Mailbox Database=True Mailbox Database 2=False
(Get-LabEvent -Source MSExchangeRepl -EventId 2091).Message
# CHECK: Storage group 'E2K7CCR\First Storage Group' lost 4 log files in the failover from 'NODE1' to 'NODE2'.
# CHECK: The transport dumpster on the Hub Transport servers was asked to redeliver the recent mail of clustered mailbox server 'E2K7CCR'.
# CHECK: Storage group 'E2K7CCR\Second Storage Group' lost 9 log files in the failover from 'NODE1' to 'NODE2'.
# CHECK: The transport dumpster on the Hub Transport servers was asked to redeliver the recent mail of clustered mailbox server 'E2K7CCR'.
# CHECK: The databases of storage group 'Second Storage Group' were not mounted: 9 lost log files exceed the AutoDatabaseMountDial BestAvailability (6). Run Restore-StorageGroupCopy, then Mount-Database.
Mount-Database 'E2K7CCR\Second Storage Group\Mailbox Database 2'
# CHECKERR: has not been restored. Run Restore-StorageGroupCopy first.
Restore-StorageGroupCopy 'E2K7CCR\Second Storage Group' -Confirm:$false
Mount-Database 'E2K7CCR\Second Storage Group\Mailbox Database 2'
(Get-ClusteredMailboxServerStatus E2K7CCR).State
# CHECK: Online
Restore-LabNode NODE1
(Get-StorageGroupCopyStatus -Server E2K7CCR).SummaryCopyStatus -join ','
# CHECK: Failed,Failed
Update-StorageGroupCopy 'E2K7CCR\First Storage Group' -Confirm:$false
# CHECKERR: must be suspended before it can be seeded
Get-StorageGroupCopyStatus -Server E2K7CCR | ForEach-Object {
    Suspend-StorageGroupCopy $_.Identity -Confirm:$false
    Update-StorageGroupCopy $_.Identity -Confirm:$false
}
(Get-StorageGroupCopyStatus -Server E2K7CCR).SummaryCopyStatus -join ','
# CHECK: Healthy,Healthy
# With the dial at Lossless, one lost log keeps a database dismounted.
Reset-Lab
(Get-MailboxServer E2K7CCR).AutoDatabaseMountDial
# CHECK: BestAvailability
Set-MailboxServer E2K7CCR -AutoDatabaseMountDial Lossless
Invoke-LabFault -Lag 1 -StorageGroup 'First Storage Group'
Invoke-LabFault -Node NODE1 -Crash
(Get-MailboxDatabase -Server E2K7CCR -Status | ForEach-Object { '{0}={1}' -f $_.Name, $_.Mounted }) -join ' '
# CHECK: Mailbox Database=False Mailbox Database 2=True
Set-MailboxServer E2K7CCR -AutoDatabaseMountDial Sometimes
# CHECKERR: does not belong to the set "Lossless,GoodAvailability,BestAvailability"
# With the dumpster disabled, the lost mail cannot be redelivered.
Reset-Lab
Set-TransportConfig -MaxDumpsterSizePerStorageGroup 0
(Get-TransportConfig).MaxDumpsterSizePerStorageGroup
# CHECK: 0MB
Invoke-LabFault -Lag 2 -StorageGroup 'First Storage Group'
Invoke-LabFault -Node NODE1 -Crash
(Get-LabEvent -Source MSExchangeRepl | Where-Object Message -like '*dumpster*').Message
# CHECK: The transport dumpster is disabled: mail delivered to clustered mailbox server 'E2K7CCR' in the lost log files cannot be redelivered.
