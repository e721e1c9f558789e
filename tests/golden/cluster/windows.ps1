# Windows commands on the lab's machines.
$env:COMPUTERNAME
# CHECK: NODE1
Get-Service SharedAccess, RemoteRegistry
# CHECK:
# CHECK: Status  Name           DisplayName
# CHECK: ------  ----           -----------
# CHECK: Stopped SharedAccess   Windows Firewall/Internet Connection Sharing (ICS)
# CHECK: Running RemoteRegistry Remote Registry
Start-Service SharedAccess
# CHECKERR: Service 'Windows Firewall/Internet Connection Sharing (ICS) (SharedAccess)' cannot be started due to the following error: Cannot start service SharedAccess on computer 'NODE1'.
Set-Service SharedAccess -StartupType Manual
Start-Service SharedAccess
(Get-Service SharedAccess).Status
# CHECK: Running
Get-Service NoSuchService
# CHECKERR: Cannot find any service with service name 'NoSuchService'.
net stop RemoteRegistry
# CHECK: The Remote Registry service is stopping.
# CHECK: The Remote Registry service was stopped successfully.
# CHECK:
net stop RemoteRegistry
# CHECKERR: The service has not been started.
$LASTEXITCODE
# CHECK: 2
Enter-PSSession NODE2
$env:COMPUTERNAME
# CHECK: NODE2
(Get-Service SharedAccess).StartType
# CHECK: Disabled
Exit-PSSession
$env:COMPUTERNAME
# CHECK: NODE1
# Stopping the Store behind the cluster's back is a resource failure (C12).
Stop-Service MSExchangeIS
(Get-LabEvent -EventId 1069).Message
# CHECK: Cluster resource 'Exchange Information Store Instance (E2K7CCR)' in Resource Group 'E2K7CCR' failed.
(Get-ClusterGroup E2K7CCR).State
# CHECK: Online
# A clean restart moves the node's groups first; -Wait returns when it is back.
Restart-Computer -ComputerName NODE1 -Wait
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE2
(Get-ClusterNode NODE1).State
# CHECK: Up
(Get-EventLog -LogName System -ComputerName NODE1 -Newest 2).EventID -join ','
# CHECK: 1062,6005
(Get-HotFix -Id KB831464 -ErrorAction SilentlyContinue) -eq $null
# CHECK: True
# -ComputerName takes several machines (string[] as in Windows PowerShell).
Get-Service -ComputerName NODE1, NODE2 -Name ClusSvc | ForEach-Object { '{0} {1}' -f $_.MachineName, $_.Status }
# CHECK: NODE1 Running
# CHECK: NODE2 Running
