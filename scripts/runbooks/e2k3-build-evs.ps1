<#
.SYNOPSIS
    Builds a second Exchange 2003 virtual server, EVS2, in the empty group "Disk Group 3"
    (disk V:) of the two-node cluster EXCLUS1.

.DESCRIPTION
    The order of "Exchange 2003 – Implementing a two node Cluster" (A3) and DOMAIN.md E1:
    the group needs a Physical Disk, an IP Address and a Network Name depending on the IP
    Address, all online; then the "Microsoft Exchange System Attendant" resource, which
    depends on the Network Name and every disk, creates the other Exchange resources
    offline with the same possible owners (Exchange 2003: no POP3/IMAP4; the MTA stays
    with EVS1). The SA comes online first, then the rest.
    Runs on the built-in `e2k3` lab: exsh --lab e2k3 scripts/runbooks/e2k3-build-evs.ps1
#>
# LAB: e2k3
$ErrorActionPreference = 'Stop'
$group = 'Disk Group 3'
$name = 'EVS2'

function Write-Step([string]$Text) {
    Write-Host ("[{0:HH:mm:ss}] {1}" -f (Get-LabClock), $Text)
}

Write-Step "Adding the IP address and network name of $name to '$group'"
Add-ClusterResource "$name IP Address" -Group $group -ResourceType 'IP Address' |
    Set-ClusterParameter -Multiple @{ Address = '10.0.0.22'; SubnetMask = '255.255.255.0'; Network = 'Public' }
Add-ClusterResource "$name Network Name" -Group $group -ResourceType 'Network Name' |
    Set-ClusterParameter -Name Name -Value $name
Add-ClusterResourceDependency "$name Network Name" "$name IP Address" | Out-Null
Start-ClusterGroup $group | Out-Null

Write-Step 'Creating the Exchange System Attendant resource'
Add-ClusterResource "Exchange System Attendant ($name)" -Group $group -ResourceType 'Microsoft Exchange System Attendant' | Out-Null
Get-ClusterResourceDependency "Exchange System Attendant ($name)" | Format-Table Resource, DependencyExpression

Write-Step 'System Attendant online, then the other resources'
Start-ClusterResource "Exchange System Attendant ($name)" | Out-Null
Start-ClusterGroup $group | Out-Null
Get-ClusterResource | Where-Object OwnerGroup -eq $group | Format-Table Name, State, ResourceType
Get-ExchangeServer $name | Format-List Name, ServerRole, AdminDisplayVersion
Write-Step "Failover test: $name to NODE2 and back"
Move-ClusterGroup $group -Node NODE2 | Out-Null
Move-ClusterGroup $group -Node NODE1 | Out-Null
Write-Step "$name is $((Get-ClusterGroup $group).State) on $((Get-ClusterGroup $group).OwnerNode)"
