# setup.com's organization and clustered mailbox server switches (DOMAIN.md §8,
# domain-sources 4.1): /PrepareSchema needs Schema and Enterprise Admins (§6); /RemoveCms
# a stopped CMS on its own node; /NewCms a free name, an IP address and, on CCR, no other
# CMS in the cluster.
function Show([object[]]$Out) { $Out | Where-Object { $_ -match 'FAILED|COMPLETED$' -and $_ -notmatch 'Copying' } | ForEach-Object { $_.Trim() -replace '\s+\.+\s+', ' ... ' } }
$out = setup.com /PrepareSchema
$LASTEXITCODE
# CHECK: 1
$out[9].Trim()
# CHECK: The current user 'CONTOSO\exadmin' must be a member of the 'Schema Admins' group and the 'Enterprise Admins' group to run /PrepareSchema.
Set-LabIdentity CONTOSO\Administrator
Show (setup.com /ps)
# CHECK: Organization Checks ... COMPLETED
# CHECK: Extending Active Directory schema ... COMPLETED
Show (setup.com /PrepareAD)
# CHECK: Organization Checks ... COMPLETED
# CHECK: Organization Preparation ... COMPLETED
Set-LabIdentity CONTOSO\exadmin
# /RemoveCms: the CMS must be stopped, and removed from its own node.
Show (setup.com /RemoveCms /CmsName:E2K7CCR)
# CHECK: Clustered Mailbox Server Checks ... FAILED
Stop-ClusteredMailboxServer E2K7CCR -StopReason 'rebuild' -Confirm:$false
Enter-PSSession NODE2
(setup.com /RemoveCms /CmsName:E2K7CCR)[9].Trim()
# CHECK: 'NODE2' does not own the clustered mailbox server 'E2K7CCR'. Run setup.com /RemoveCms on the node that owns it (NODE1).
Exit-PSSession
$out = setup.com /RemoveCms /CmsName:E2K7CCR
$LASTEXITCODE
# CHECK: 0
(Get-ClusterGroup).Name -join ','
# CHECK: Cluster Group
@(Get-ExchangeServer E2K7CCR -ErrorAction SilentlyContinue).Count
# CHECK: 0
# /NewCms needs its IP address; then builds the group online on this node.
(setup.com /NewCms /CmsName:MBX9)[-1]
# CHECK: Exchange Server setup encountered an error.
setup.com /NewCms /CmsName:E2K7CCR2 /CmsIPAddress:192.168.1.52 | Out-Null
$LASTEXITCODE
# CHECK: 0
Get-ClusterResource | Where-Object OwnerGroup -eq E2K7CCR2 | ForEach-Object { '{0} | {1}' -f $_.Name, $_.State }
# CHECK: E2K7CCR2 IP Address | Online
# CHECK: E2K7CCR2 Network Name | Online
# CHECK: Exchange System Attendant Instance (E2K7CCR2) | Online
# CHECK: Exchange Information Store Instance (E2K7CCR2) | Online
# CHECK: First Storage Group/Mailbox Database (E2K7CCR2) | Online
(Get-ClusteredMailboxServerStatus E2K7CCR2).OperationalMachines -join '; '
# CHECK: NODE1 <Active, Quorum Owner>; NODE2
# CCR: one CMS per cluster.
(setup.com /NewCms /CmsName:E2K7CCR3 /CmsIPAddress:192.168.1.53)[9].Trim()
# CHECK: Cluster continuous replication supports one clustered mailbox server per cluster; 'CLUS1' already runs 'E2K7CCR2'.
# /RecoverCms of a CMS that exists: nothing to recover; /ClearLocalCms of a live one: refused.
(setup.com /RecoverCms /CmsName:E2K7CCR2 /CmsIPAddress:192.168.1.52)[9].Trim()
# CHECK: The clustered mailbox server 'E2K7CCR2' exists in cluster 'CLUS1'; there is nothing to recover.
Show (setup.com /ClearLocalCms /CmsName:E2K7CCR2)
# CHECK: Clustered Mailbox Server Checks ... FAILED
Show (setup.com /ClearLocalCms /CmsName:E2K7CCR)
# CHECK: Clustered Mailbox Server Checks ... COMPLETED
# CHECK: Clearing Local Cluster Configuration ... COMPLETED
# /mode:install with /roles: on a server that already runs Exchange: refused; role names
# are checked first.
(setup.com /mode:install /roles:Mailbox)[9].Trim()
# CHECK: Exchange Server 8.0.685.25 is already installed on this computer. Use setup.com /mode:upgrade to apply a service pack.
setup.com /mode:install /roles:HT,Bogus
# CHECKERR: 'Bogus' is not a server role
