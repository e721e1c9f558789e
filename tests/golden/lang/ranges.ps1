# Ranges: ascending, descending, negative bounds, variables, character ranges
1..5 -join ','
# CHECK: 1,2,3,4,5
5..1 -join ','
# CHECK: 5,4,3,2,1
(-2)..2 -join ','
# CHECK: -2,-1,0,1,2
3..3 -join ','
# CHECK: 3
(1..10).Count
# CHECK: 10
$n = 4
(1..$n) -join ' '
# CHECK: 1 2 3 4
(1..($n - 1)) -join ' '
# CHECK: 1 2 3
(1..3).GetType().Name
# CHECK: Object[]
'a'..'e' -join ''
# CHECK: abcde
'e'..'a' -join ''
# CHECK: edcba
('a'..'c')[0].GetType().Name
# CHECK: Char
$sum = 0
foreach ($i in 1..4) { $sum += $i }
$sum
# CHECK: 10
(0..2 | ForEach-Object { $_ * 2 }) -join ','
# CHECK: 0,2,4
