# C5 target choice, C9 failback with and without a window, C13 staggered boot, from a
# script, on the four-node Exchange 2000 lab (cascading preferred owners, DOMAIN.md §7).
# LAB: e2k0-4node
# C5: without a target, the next preferred owner after the current one.
(Move-ClusterGroup EVS2).OwnerNode
# CHECK: 3-LARRY
(Get-ClusterOwnerNode -Group EVS2).OwnerNodes -join ','
# CHECK: 2-MOE,3-LARRY,4-JERRY,1-CURLY
# C9: EVS1 allows failback; when 1-CURLY returns, EVS1 goes home at once.
cluster group EVS1 /prop AutoFailbackType=1
Invoke-LabFault -Node 1-CURLY -PowerLoss
(Get-ClusterGroup EVS1).OwnerNode
# CHECK: 2-MOE
Restore-LabNode 1-CURLY
(Get-ClusterGroup EVS1).OwnerNode
# CHECK: 1-CURLY
# With a 02:00-04:00 window at 22:xx, it waits.
cluster group EVS1 /prop FailbackWindowStart=2 FailbackWindowEnd=4
Invoke-LabFault -Node 1-CURLY -PowerLoss
Restore-LabNode 1-CURLY
(Get-ClusterGroup EVS1).OwnerNode
# CHECK: 2-MOE
# A bad property name is the cluster's error 87, and nothing changes.
cluster group EVS1 /prop NoSuchProperty=1
# CHECKERR: System error 87 has occurred (0x00000057).
# C13: after a power loss each node boots after its own delay (5 s for 1-CURLY ... 20 s for
# 4-JERRY in this lab) plus the 4-minute reboot, so they rejoin in order.
Invoke-LabFault -Node 3-LARRY -PowerLoss
$t = Get-LabClock
Restore-LabNode 3-LARRY
((Get-LabClock) - $t).TotalSeconds
# CHECK: 255
# C8: with FailoverThreshold 1, a second failover within the period leaves the group
# failed where it is. Each failover needs the fourth failure of a resource (C7).
cluster group EVS4 /prop FailoverThreshold=1
1..4 | ForEach-Object { Invoke-LabFault -Resource 'EVS4 Network Name' -Fail }
(Get-ClusterGroup EVS4).OwnerNode
# CHECK: 1-CURLY
1..4 | ForEach-Object { Invoke-LabFault -Resource 'EVS4 Network Name' -Fail }
(Get-ClusterGroup EVS4) | ForEach-Object { '{0} {1}' -f $_.OwnerNode, $_.State }
# CHECK: 1-CURLY Failed
# C10: a hung resource is terminated after its PendingTimeout (180 s) and fails.
Invoke-LabFault -Resource 'EVS3 Network Name' -Hang
$t = Get-LabClock
Stop-ClusterGroup EVS3 | ForEach-Object State
# CHECK: Failed
((Get-LabClock) - $t).TotalSeconds -ge 180
# CHECK: True
(Get-LabEvent -EventId 1069 | Select-Object -Last 1).Message
# CHECK: Cluster resource 'EVS3 Network Name' in Resource Group 'EVS3' failed.
