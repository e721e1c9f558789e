# Get-Help on a script file shows its comment-based help (about_Comment_Based_Help):
# the runbooks document themselves.
$h = (Get-Help ./scripts/runbooks/e2k3-build-evs.ps1) -split "`n"
$h[1]
# CHECK: NAME
$h[2].Trim()
# CHECK: ./scripts/runbooks/e2k3-build-evs.ps1
$h[5].Trim()
# CHECK: Builds a second Exchange 2003 virtual server, EVS2, in the empty group "Disk Group 3" (disk V:) of the two-node cluster EXCLUS1.
($h | Where-Object { $_ -match '^DESCRIPTION' }).Count
# CHECK: 1
