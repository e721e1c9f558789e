# LAB: e2k3
# Building an Exchange 2003 virtual server from an empty group and removing one
# (DOMAIN.md E1, E2, E11; domain-sources 6.1, 6.2).
$g = 'Disk Group 3'
$sa = 'Exchange System Attendant (EVS2)'
$type = 'Microsoft Exchange System Attendant'
# E1: without an IP Address and a Network Name the System Attendant is refused.
Add-ClusterResource $sa -Group $g -ResourceType $type
# CHECKERR: the group 'Disk Group 3' has no IP Address resource.
(Get-ClusterResource | Where-Object OwnerGroup -eq $g).Count
# CHECK: 1
Add-ClusterResource 'EVS2 IP Address' -Group $g -ResourceType 'IP Address' | Set-ClusterParameter -Multiple @{ Address = '10.0.0.22'; SubnetMask = '255.255.255.0' }
Add-ClusterResource 'EVS2 Network Name' -Group $g -ResourceType 'Network Name' | Out-Null
Add-ClusterResourceDependency 'EVS2 Network Name' 'EVS2 IP Address' | Out-Null
# ...nor while they are offline.
Add-ClusterResource $sa -Group $g -ResourceType $type
# CHECKERR: the resource 'EVS2 IP Address' is not online.
Start-ClusterGroup $g | Out-Null
# ...nor before the Network Name has its name.
Add-ClusterResource $sa -Group $g -ResourceType $type
# CHECKERR: the Network Name resource 'EVS2 Network Name' has no Name
cluster res "EVS2 Network Name" /priv Name=EVS2
(Get-ClusterResource 'EVS2 IP Address' | Get-ClusterParameter Address).Value
# CHECK: 10.0.0.22
# E1/E2: the System Attendant creates the Exchange 2003 resources, offline, each
# depending on the SA; no POP3/IMAP4, and no MTA (EVS1 holds the cluster's).
Add-ClusterResource $sa -Group $g -ResourceType $type | Out-Null
Get-ClusterResource | Where-Object { $_.OwnerGroup -eq $g -and $_.ResourceType -like '*Exchange*' -or $_.ResourceType -like 'SMTP*' -or $_.ResourceType -like 'Microsoft Search*' } | Where-Object OwnerGroup -eq $g | ForEach-Object { '{0} | {1}' -f $_.Name, $_.State }
# CHECK: Exchange System Attendant (EVS2) | Offline
# CHECK: Exchange Information Store Instance (EVS2) | Offline
# CHECK: Exchange Routing Service Instance (EVS2) | Offline
# CHECK: SMTP Virtual Server Instance 1 (EVS2) | Offline
# CHECK: Exchange HTTP Virtual Server Instance 100 (EVS2) | Offline
# CHECK: Exchange MS Search Instance (EVS2) | Offline
(Get-ClusterResourceDependency $sa).DependencyExpression
# CHECK: [EVS2 Network Name] and [Disk V:]
(Get-ClusterResourceDependency 'SMTP Virtual Server Instance 1 (EVS2)').DependencyExpression
# CHECK: [Exchange System Attendant (EVS2)]
# The same possible owners as the SA.
(Get-ClusterOwnerNode -Resource 'Exchange Information Store Instance (EVS2)').OwnerNodes -join ','
# CHECK: NODE1,NODE2
# The new server exists in the organization, at the node's build.
(Get-ExchangeServer EVS2).AdminDisplayVersion
# CHECK: Version 6.5 (Build 6944.4)
# A second System Attendant in the same group: refused.
Add-ClusterResource 'Exchange System Attendant 2 (EVS2)' -Group $g -ResourceType $type
# CHECKERR: The group 'Disk Group 3' already holds the Exchange Virtual Server 'EVS2'.
Start-ClusterGroup $g | Out-Null
(Get-ClusterGroup $g).State
# CHECK: Online
# Two EVSs on a two-node cluster may share a node (E5: active/active on two nodes).
Move-ClusterGroup EVS1 -Node NODE2 | Out-Null
Move-ClusterGroup $g -Node NODE2 | Out-Null
(Get-ClusterGroup EVS1, $g).OwnerNode -join ','
# CHECK: NODE2,NODE2
# E11: the SA cannot be deleted while the EVS runs.
Remove-ClusterResource $sa -Force
# CHECKERR: The operation could not be completed because the cluster resource is online.
# The EVS holding the MTA goes last.
Stop-ClusterGroup EVS1 | Out-Null
Remove-ClusterResource 'Exchange System Attendant (EVS1)' -Force
# CHECKERR: holds the cluster's Message Transfer Agent instance and must be removed last. Remove EVS2 first.
Stop-ClusterGroup $g | Out-Null
Remove-ClusterResource $sa -Force
# Deleting the SA deleted its dependants and the server; disks, IP and name stay.
(Get-ClusterResource | Where-Object OwnerGroup -eq $g).Name -join ','
# CHECK: Disk V:,EVS2 IP Address,EVS2 Network Name
@(Get-ExchangeServer EVS2 -ErrorAction SilentlyContinue).Count
# CHECK: 0
Remove-ClusterResource 'Exchange System Attendant (EVS1)' -Force
@(Get-ClusterResource | Where-Object OwnerGroup -eq EVS1).Count
# CHECK: 4
