# Compare-Object (SideIndicator, -IncludeEqual, case) and Tee-Object -Variable
Compare-Object -ReferenceObject 1, 2, 3 -DifferenceObject 2, 3, 4 | Sort-Object InputObject | ForEach-Object { "$($_.InputObject) $($_.SideIndicator)" }
# CHECK: 1 <=
# CHECK: 4 =>
$null -eq (Compare-Object 'a', 'b' 'a', 'b')
# CHECK: True
(Compare-Object 1, 2 2, 3 -IncludeEqual | Where-Object SideIndicator -eq '==').InputObject
# CHECK: 2
(Compare-Object 1, 2 2, 3 -IncludeEqual).Count
# CHECK: 3
@(Compare-Object 'A' 'a').Count
# CHECK: 0
@(Compare-Object 'A' 'a' -CaseSensitive).Count
# CHECK: 2
1..3 | Tee-Object -Variable seen | ForEach-Object { $_ * 10 }
# CHECK: 10
# CHECK: 20
# CHECK: 30
$seen -join ','
# CHECK: 1,2,3
$r = 'x', 'y' | Tee-Object -Variable both
$both.Count
# CHECK: 2
$r -join ''
# CHECK: xy
