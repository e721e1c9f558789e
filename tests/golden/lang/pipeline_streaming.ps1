# Pipelines stream one object at a time; arrays are unrolled one level when written to the pipeline
function Get-Numbers { Write-Host 'gen 1'; 1; Write-Host 'gen 2'; 2 }
Get-Numbers | ForEach-Object { Write-Host "got $_" }
# CHECK: gen 1
# CHECK: got 1
# CHECK: gen 2
# CHECK: got 2
1..3 | ForEach-Object { Write-Host "a$_"; $_ } | ForEach-Object { Write-Host "b$_" }
# CHECK: a1
# CHECK: b1
# CHECK: a2
# CHECK: b2
# CHECK: a3
# CHECK: b3
@(1, 2), 3 | ForEach-Object { "item: $_" }
# CHECK: item: 1 2
# CHECK: item: 3
, @(1, 2) | ForEach-Object { "count: $($_.Count)" }
# CHECK: count: 2
(1, 2, 3 | ForEach-Object { $_ }).Count
# CHECK: 3
'x' | ForEach-Object { $PSItem.ToUpper() }
# CHECK: X
$collected = 1..3 | ForEach-Object { $_ * 2 }
$collected -join ','
# CHECK: 2,4,6
