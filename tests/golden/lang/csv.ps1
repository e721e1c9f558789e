# ConvertTo-Csv: PowerShell 7 writes no #TYPE line and quotes every field
$rows = @(
    [pscustomobject]@{ Name = 'web'; Port = 80 }
    [pscustomobject]@{ Name = 'db'; Port = 5432 }
)
$rows | ConvertTo-Csv
# CHECK: "Name","Port"
# CHECK: "web","80"
# CHECK: "db","5432"
$rows | ConvertTo-Csv -NoTypeInformation | Select-Object -First 1
# CHECK: "Name","Port"
$rows | ConvertTo-Csv -Delimiter ';' | Select-Object -Skip 1
# CHECK: "web";"80"
# CHECK: "db";"5432"
([pscustomobject]@{ Text = 'say "hi"' } | ConvertTo-Csv)[1]
# CHECK: "say ""hi"""
