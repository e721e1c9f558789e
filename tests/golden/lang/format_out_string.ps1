# Out-String and Format-Table/Format-List rendered to text (trimmed so blank edges do not matter)
$rows = @(
    [pscustomobject]@{ Name = 'alpha'; Port = 8080 }
    [pscustomobject]@{ Name = 'beta'; Port = 80 }
)
($rows | Out-String).Trim()
# CHECK: Name  Port
# CHECK: ----  ----
# CHECK: alpha 8080
# CHECK: beta    80
($rows | Format-Table | Out-String).Trim()
# CHECK: Name  Port
# CHECK: ----  ----
# CHECK: alpha 8080
# CHECK: beta    80
($rows | Format-Table -AutoSize | Out-String).Trim()
# CHECK: Name  Port
# CHECK: ----  ----
# CHECK: alpha 8080
# CHECK: beta    80
($rows | Format-Table -Property Name | Out-String).Trim()
# CHECK: Name
# CHECK: ----
# CHECK: alpha
# CHECK: beta
($rows | Format-Table -HideTableHeaders | Out-String).Trim()
# CHECK: alpha 8080
# CHECK: beta    80
($rows[0] | Format-List | Out-String).Trim()
# CHECK: Name : alpha
# CHECK: Port : 8080
(@{ k = 'v' } | Out-String).Trim()
# CHECK: Name                           Value
# CHECK: ----                           -----
# CHECK: k                              v
('plain' | Out-String).Trim()
# CHECK: plain
(1, 2 | Out-String).Trim()
# CHECK: 1
# CHECK: 2
('x' | Out-String) -match 'x'
# CHECK: True
