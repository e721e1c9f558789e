# Invoke-LabFault: a crash is detected after the 6 s heartbeat, the groups fail over,
# and Get-LabEvent shows the timeline (DOMAIN.md C6, §5, §9).
Invoke-LabFault -Node NODE1 -Crash
Get-ClusterGroup | ForEach-Object { '{0} {1} {2}' -f $_.Name, $_.OwnerNode, $_.State }
# CHECK: Cluster Group NODE2 Online
# CHECK: E2K7CCR NODE2 Online
Get-LabEvent | ForEach-Object { '{0:HH:mm:ss} {1} {2}' -f $_.Time, $_.Server, $_.EventId }
# CHECK: 22:00:06 NODE2 1135
# CHECK: 22:00:06 NODE2 1153
# CHECK: 22:00:06 NODE2 1200
# CHECK: 22:00:06 NODE2 1153
# CHECK: 22:00:06 NODE2 1200
# CHECK: 22:00:18 NODE2 1201
# CHECK: 22:02:23 NODE2 1201
(Get-LabClock).ToString('HH:mm:ss')
# CHECK: 22:02:23
(Get-ClusterNode NODE1).State
# CHECK: Down
(Get-LabNode NODE1).State
# CHECK: Down
# The console survives its node going down; commands that run on it do not.
Get-Service RemoteRegistry
# CHECKERR: The RPC server is unavailable.
Restore-LabNode NODE1
(Get-ClusterNode NODE1).State
# CHECK: Up
# NODE1 boots after its 5 s boot delay and the 4-minute reboot.
(Get-LabClock).ToString('HH:mm:ss')
# CHECK: 22:06:28
# Three resource failures restart in place; the fourth fails the group over (C7).
1..3 | ForEach-Object { Invoke-LabFault -Resource 'E2K7CCR Network Name' -Fail }
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE2
Invoke-LabFault -Resource 'E2K7CCR Network Name' -Fail
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE1
(Get-LabEvent -EventId 1069).Count
# CHECK: 4
# Losing the witness and a node loses quorum (two of three votes needed, X7/C11).
Invoke-LabFault -Witness -Offline
Invoke-LabFault -Node NODE2 -PowerLoss
(Get-Cluster).Running
# CHECK: False
(Get-LabEvent -EventId 1177).Message
# CHECK: The Cluster service is shutting down because quorum was lost.
