# Where-Object: script-block form and the simplified "Property -op Value" form
$svc = @(
    [pscustomobject]@{ Name = 'web'; State = 'Online'; Port = 80; Tags = @('a', 'b'); Enabled = $true }
    [pscustomobject]@{ Name = 'db'; State = 'Offline'; Port = 5432; Tags = @('b'); Enabled = $false }
    [pscustomobject]@{ Name = 'cache'; State = 'Online'; Port = 6379; Tags = @(); Enabled = $true }
)
1..10 | Where-Object { $_ % 4 -eq 0 }
# CHECK: 4
# CHECK: 8
1..5 | Where-Object { $PSItem -gt 3 }
# CHECK: 4
# CHECK: 5
($svc | Where-Object { $_.State -eq 'Online' }).Name -join ','
# CHECK: web,cache
($svc | Where-Object State -eq 'Online').Name -join ','
# CHECK: web,cache
($svc | Where-Object State -eq Online).Name -join ','
# CHECK: web,cache
($svc | Where-Object State -ne 'Online').Name
# CHECK: db
($svc | Where-Object -Property Port -GT -Value 1000).Name -join ','
# CHECK: db,cache
($svc | Where-Object Name -like 'c*').Name
# CHECK: cache
($svc | Where-Object Name -match '^(web|db)$').Name -join ','
# CHECK: web,db
($svc | Where-Object Name -in 'db', 'cache').Name -join ','
# CHECK: db,cache
($svc | Where-Object Tags -contains 'b').Name -join ','
# CHECK: web,db
($svc | Where-Object Enabled).Name -join ','
# CHECK: web,cache
@(1..3 | Where-Object { $_ -gt 5 }).Count
# CHECK: 0
'a', '', 'b' | Where-Object { $_ }
# CHECK: a
# CHECK: b
