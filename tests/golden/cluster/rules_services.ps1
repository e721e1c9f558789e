# C14: services follow their start type across a reboot; a disabled one cannot start.
# C12: stopping the Store behind the cluster's back fails its resource, which restarts.
Set-Service MOM -StartupType Manual
Set-Service SysmonLog -StartupType Disabled
Restart-Computer -Wait
(Get-Service MOM, SysmonLog, RemoteRegistry | ForEach-Object { '{0}={1}' -f $_.Name, $_.Status }) -join ' '
# CHECK: MOM=Stopped SysmonLog=Stopped RemoteRegistry=Running
Start-Service SysmonLog
# CHECKERR: cannot be started due to the following error: Cannot start service SysmonLog on computer 'NODE1'.
(Get-Service SysmonLog).Status
# CHECK: Stopped
# After the restart the CMS group is on NODE2.
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE2
Enter-PSSession NODE2
net stop MSExchangeIS
# CHECK: The Microsoft Exchange Information Store service is stopping.
# CHECK: The Microsoft Exchange Information Store service was stopped successfully.
# CHECK:
Exit-PSSession
(Get-LabEvent -EventId 1069 | Select-Object -Last 1).Message
# CHECK: Cluster resource 'Exchange Information Store Instance (E2K7CCR)' in Resource Group 'E2K7CCR' failed.
(Get-ClusterResource 'Exchange Information Store Instance (E2K7CCR)').State
# CHECK: Online
