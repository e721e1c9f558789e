# Number operations the evaluator does in place or without making values (docs/performance.md)
# give the same results, types and errors as the general path (about_Arithmetic_Operators,
# about_Assignment_Operators, about_Comparison_Operators).
$x = [int]::MaxValue
$x += 1
"$x $($x.GetType().Name)"
# CHECK: 2147483648 Double
$y = 5
$y -= 2
$y *= 3
"$y $($y.GetType().Name)"
# CHECK: 9 Int32
$l = [long]5
$l += 1
"$l $($l.GetType().Name)"
# CHECK: 6 Int64
$d = 0.5
while ($d -lt 2) { $d += 0.5 }
"$d $($d.GetType().Name)"
# CHECK: 2 Double
# A constrained variable converts what is assigned to it.
[int]$c = 5
$c += 2.6
"$c $($c.GetType().Name)"
# CHECK: 8 Int32
[string]$s = 'a'
$s = 5
$s.GetType().Name
# CHECK: String
$a = 7
$b = 2
$a / $b
# CHECK: 3.5
$a % $b
# CHECK: 1
$six = 6
($six / 3).GetType().Name
# CHECK: Int32
$q = $a / 0
# CHECKERR: Attempted to divide by zero.
$null -eq $q
# CHECK: True
$small = 5
$big = [long]3000000000
$small -lt $big
# CHECK: True
$small -lt 5.5
# CHECK: True
$small -ge '5'
# CHECK: True
$small = 1
$?
# CHECK: True
# Where-Object's filter: one item's truth, several are true, an error drops the item.
1..6 | Where-Object { $_ % 2 }
# CHECK: 1
# CHECK: 3
# CHECK: 5
1, 0, 2 | Where-Object { 1 / $_ }
# CHECKERR: Attempted to divide by zero.
# CHECK: 1
# CHECK: 2
@(1, 2), @(0), @(3) | Where-Object { $_ } | ForEach-Object { $_.Count }
# CHECK: 2
# CHECK: 1
# An increment writes nothing, so nothing passes; the filter runs in the caller's scope.
$n = 0
1..3 | Where-Object { $n++ }
$n
# CHECK: 3
