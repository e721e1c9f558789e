# Lab commands: identity, checkpoints, export/import, reset, malformed files.
(Get-Lab).Name
# CHECK: ccr
(Get-Lab -ListAvailable).Name -join ','
# CHECK: ccr,e2k3,e2k3-aa,e2k0-4node,scc
whoami
# CHECK: contoso\exadmin
(Get-LabClock).ToString('yyyy-MM-dd HH:mm dddd')
# CHECK: 2008-03-15 22:00 Saturday
Start-Sleep -Seconds 90
(Get-LabClock).ToString('HH:mm:ss')
# CHECK: 22:01:30
Checkpoint-Lab before
Move-ClusterGroup E2K7CCR NODE2 -WarningAction SilentlyContinue | Out-Null
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE2
Restore-Lab before
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE1
(Get-LabClock).ToString('HH:mm:ss')
# CHECK: 22:01:30
Restore-Lab nothing
# CHECKERR: There is no checkpoint named 'nothing'. Checkpoints: before.
$file = Join-Path ([System.IO.Path]::GetTempPath()) "exsh-golden-lab-$PID.json"
Move-ClusterGroup E2K7CCR NODE2 -WarningAction SilentlyContinue | Out-Null
Export-Lab -Path $file
Reset-Lab
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE1
Import-Lab -Path $file
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE2
Set-Content -Path $file -Value '{ "schema_version": 1, "name": "broken"'
Import-Lab -Path $file
# CHECKERR: Cannot load lab file
(Get-Lab).Name
# CHECK: ccr
Import-Lab e2k3
(Get-Cluster).Name
# CHECK: EXCLUS1
Import-Lab nowhere
# CHECKERR: Cannot validate argument on parameter 'Name'. The argument "nowhere" does not belong to the set
# Security: a View-Only account is denied and nothing changes (DOMAIN.md §6).
Import-Lab ccr
Set-LabIdentity 'CONTOSO\viewer'
whoami
# CHECK: contoso\viewer
Move-ClusterGroup E2K7CCR NODE2 -WarningAction SilentlyContinue
# CHECKERR: Access is denied.
cluster group E2K7CCR /move:NODE2 3>$null
# CHECKERR: System error 5 has occurred (0x00000005).
# CHECKERR: Access is denied.
(Get-ClusterGroup E2K7CCR).OwnerNode
# CHECK: NODE1
