# Pipeline functions: filter, begin/process/end, $input, block ordering across a pipeline
filter Double { $_ * 2 }
1..3 | Double
# CHECK: 2
# CHECK: 4
# CHECK: 6
function Measure-Total { begin { $t = 0 } process { $t += $_ } end { "total=$t" } }
1..4 | Measure-Total
# CHECK: total=10
function Get-InputCount { @($input).Count }
'a', 'b', 'c' | Get-InputCount
# CHECK: 3
function Add-One { $input | ForEach-Object { $_ + 1 } }
1, 2 | Add-One
# CHECK: 2
# CHECK: 3
function Show-Item { process { "got $_" } }
'x', 'y' | Show-Item
# CHECK: got x
# CHECK: got y
# about_Functions_Advanced_Methods: all begin blocks run first, then process per object, then end blocks
function Trace-A { begin { Write-Host 'A begin' } process { Write-Host "A $_"; $_ } end { Write-Host 'A end' } }
function Trace-B { begin { Write-Host 'B begin' } process { Write-Host "B $_" } end { Write-Host 'B end' } }
1, 2 | Trace-A | Trace-B
# CHECK: A begin
# CHECK: B begin
# CHECK: A 1
# CHECK: B 1
# CHECK: A 2
# CHECK: B 2
# CHECK: A end
# CHECK: B end
