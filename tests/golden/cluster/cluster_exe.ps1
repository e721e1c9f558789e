# cluster.exe with the Windows Server 2003 layouts (reference/domain-sources.md 5.6-5.7):
# fixed printf columns, action line then the status table, System error N (0x...) on refusal.
# LAB: e2k3
cluster node
# CHECK: Listing status for all available nodes:
# CHECK:
# CHECK: Node           Node ID Status
# CHECK: -------------- ------- ---------------------
# CHECK: NODE1                1 Up
# CHECK: NODE2                2 Up
cluster group
# CHECK: Listing status for all available resource groups:
# CHECK:
# CHECK: Group                Node            Status
# CHECK: -------------------- --------------- ------
# CHECK: Cluster Group        NODE1           Online
# CHECK: MSDTC Group          NODE1           Online
# CHECK: EVS1                 NODE1           Online
# CHECK: Disk Group 3         NODE1           Online
cluster res "Disk Q:"
# CHECK: Listing status for resource 'Disk Q:':
# CHECK:
# CHECK: Resource             Group                Node            Status
# CHECK: -------------------- -------------------- --------------- ------
# CHECK: Disk Q:              Cluster Group        NODE1           Online
cluster group "EVS1" /move:NODE2
# CHECK:
# CHECK: Moving resource group 'EVS1'...
# CHECK:
# CHECK: Group                Node            Status
# CHECK: -------------------- --------------- ------
# CHECK: EVS1                 NODE2           Online
$LASTEXITCODE
# CHECK: 0
# Abbreviations: resgroup for group, /stat for /status, /off for /offline.
cluster resgroup "Disk Group 3" /off
# CHECK:
# CHECK: Bringing resource group 'Disk Group 3' offline...
# CHECK:
# CHECK: Group                Node            Status
# CHECK: -------------------- --------------- ------
# CHECK: Disk Group 3         NODE1           Offline
cluster node NODE2 /pause
# CHECK:
# CHECK: Pausing node 'NODE2'...
# CHECK:
# CHECK: Node           Node ID Status
# CHECK: -------------- ------- ---------------------
# CHECK: NODE2                2 Paused
# A paused node takes no group: the real error and exit code, and nothing moves.
cluster group "MSDTC Group" /move:NODE2
$LASTEXITCODE
# CHECK: 5070
# CHECKERR: System error 5070 has occurred (0x000013ce).
# CHECKERR: The cluster node is paused.
(Get-ClusterGroup 'MSDTC Group').OwnerNode
# CHECK: NODE1
cluster node NODE1 /resume
$LASTEXITCODE
# CHECK: 5058
# CHECKERR: System error 5058 has occurred (0x000013c2).
# CHECKERR: The cluster node is not paused.
cluster res "Disk Q:" /offline
# CHECKERR: System error 5020 has occurred (0x0000139c).
# CHECKERR: The cluster resource could not be deleted or brought offline because it is the quorum resource.
cluster res "EVS1 IP Address" /listowners
# CHECK: Listing possible owners for resource 'EVS1 IP Address':
# CHECK:
# CHECK: Possible Owner Nodes
# CHECK: --------------------
# CHECK: NODE1
# CHECK: NODE2
cluster res "EVS1 Network Name" /listdep
# CHECK: Listing resource dependencies for 'EVS1 Network Name':
# CHECK:
# CHECK: Resource             Group                Node            Status
# CHECK: -------------------- -------------------- --------------- ------
# CHECK: EVS1 IP Address      EVS1                 NODE2           Online
cluster group EVS1 /prop
# CHECK: Listing properties for 'EVS1':
# CHECK:
# CHECK: T  Name                           Value
# CHECK: -- ------------------------------ --------------------------------------
# CHECK: S  Name                           EVS1
# CHECK: S  Description
# CHECK: D  PersistentState                1 (0x1)
# CHECK: D  FailoverThreshold              10 (0xa)
# CHECK: D  FailoverPeriod                 6 (0x6)
# CHECK: D  AutoFailbackType               0 (0x0)
# CHECK: D  FailbackWindowStart            4294967295 (0xffffffff)
# CHECK: D  FailbackWindowEnd              4294967295 (0xffffffff)
cluster group Nowhere
# CHECKERR: System error 5013 has occurred (0x00001395).
# CHECKERR: The cluster group could not be found.
# `.` names the local cluster; /priv Name=Value sets a private property.
cluster . res "Cluster IP Address" /priv SubnetMask=255.255.0.0
(cluster . res "Cluster IP Address" /priv | Select-String SubnetMask).Line
# CHECK: S  SubnetMask                     255.255.0.0
