# CCR storage group copies (X6): healthy copies keep up as time passes; a suspended one
# falls behind (one log a minute per storage group in this lab) and catches up when resumed.
Get-StorageGroupCopyStatus -Server E2K7CCR | ForEach-Object { '{0} {1} {2} {3}' -f $_.Identity, $_.SummaryCopyStatus, $_.CopyQueueLength, $_.ReplayQueueLength }
# CHECK: E2K7CCR\First Storage Group Healthy 0 0
# CHECK: E2K7CCR\Second Storage Group Healthy 0 0
Suspend-StorageGroupCopy -Identity 'E2K7CCR\First Storage Group' -SuspendComment 'backup' -Confirm:$false
Suspend-StorageGroupCopy -Identity 'E2K7CCR\First Storage Group' -Confirm:$false
Start-Sleep -Seconds 900
$s = Get-StorageGroupCopyStatus 'E2K7CCR\First Storage Group'
'{0} {1} {2}' -f $s.SummaryCopyStatus, $s.CopyQueueLength, $s.SuspendComment
# CHECK: Suspended 15
Resume-StorageGroupCopy -Identity 'E2K7CCR\First Storage Group' -Confirm:$false
Start-Sleep -Seconds 60
(Get-StorageGroupCopyStatus 'E2K7CCR\First Storage Group').CopyQueueLength
# CHECK: 0
# The lab's -Lag fault puts logs in the copy queue.
Invoke-LabFault -Lag 4 -StorageGroup 'Second Storage Group'
(Get-StorageGroupCopyStatus -Server E2K7CCR | ForEach-Object CopyQueueLength) -join ','
# CHECK: 0,4
# The passive node's replication service stopped: ServiceDown.
Stop-Service MSExchangeRepl -ComputerName NODE2
(Get-StorageGroupCopyStatus -Server E2K7CCR).SummaryCopyStatus | Select-Object -Unique
# CHECK: ServiceDown
Suspend-StorageGroupCopy -Identity 'E2K7CCR\Nowhere' -Confirm:$false
# CHECKERR: could not be found on domain controller.
(Get-MailboxDatabase -Server E2K7CCR -Status | ForEach-Object { '{0}={1}' -f $_.Name, $_.Mounted }) -join ' '
# CHECK: Mailbox Database=True Mailbox Database 2=True
(Get-StorageGroup -Server E2K7CCR).Identity -join ';'
# CHECK: E2K7CCR\First Storage Group;E2K7CCR\Second Storage Group
# Test-ReplicationHealth (DOMAIN.md §9) sees the stopped replication service.
(Test-ReplicationHealth E2K7CCR | Where-Object Result -ne 'Passed' | ForEach-Object { '{0} {1}' -f $_.Check, $_.Result }) -join '; '
# CHECK: ReplayService Failed
# The basic table heads the storage group's name "Name"; Format-List shows the fields in
# the shell's order (domain-sources §1.8).
Get-StorageGroupCopyStatus | Out-String -Stream | Select-Object -Skip 1 -First 1
# CHECK: Name                 SummaryCopyStatus CopyQueueLength ReplayQueueLength LastInspectedLogTime
(Get-StorageGroupCopyStatus)[0].PSObject.Properties.Name -join ','
# CHECK: Identity,StorageGroupName,SummaryCopyStatus,Failed,FailedMessage,Seeding,Suspend,SuspendComment,CopyQueueLength,ReplayQueueLength,LastInspectedLogTime,LastLogGenerated,LastLogCopyNotified,LastLogCopied,LastLogInspected,LastLogReplayed,SnapshotBackup,IsValid,ObjectState
