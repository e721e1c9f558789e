# Select-Object: -First -Last -Skip -Index -Unique -ExpandProperty and -Property with calculated properties
$svc = @(
    [pscustomobject]@{ Name = 'web'; Port = 80 }
    [pscustomobject]@{ Name = 'db'; Port = 5432 }
    [pscustomobject]@{ Name = 'cache'; Port = 6379 }
)
1..10 | Select-Object -First 3
# CHECK: 1
# CHECK: 2
# CHECK: 3
1..10 | Select-Object -Last 2
# CHECK: 9
# CHECK: 10
1..10 | Select-Object -Skip 8
# CHECK: 9
# CHECK: 10
1..10 | Select-Object -Skip 2 -First 2
# CHECK: 3
# CHECK: 4
'a', 'b', 'c', 'd' | Select-Object -Index 1, 3
# CHECK: b
# CHECK: d
1, 2, 2, 3, 1 | Select-Object -Unique
# CHECK: 1
# CHECK: 2
# CHECK: 3
('a', 'A' | Select-Object -Unique).Count
# CHECK: 2
$svc | Select-Object -ExpandProperty Name
# CHECK: web
# CHECK: db
# CHECK: cache
$svc | Select-Object -Last 1 -ExpandProperty Port
# CHECK: 6379
$p = $svc | Select-Object -First 1 -Property Name, Port
"$p"
# CHECK: @{Name=web; Port=80}
$p.GetType().Name
# CHECK: PSCustomObject
$n = $svc | Select-Object -First 1 Name
"$n"
# CHECK: @{Name=web}
$calc = $svc | Select-Object Name, @{ Name = 'Double'; Expression = { $_.Port * 2 } } | Select-Object -First 1
"$calc"
# CHECK: @{Name=web; Double=160}
$svc | Select-Object @{ n = 'Upper'; e = { $_.Name.ToUpper() } } | ForEach-Object Upper
# CHECK: WEB
# CHECK: DB
# CHECK: CACHE
$svc | Select-Object -Property @{ Label = 'Id'; Expression = { $_.Port } } -First 1 | ForEach-Object Id
# CHECK: 80
