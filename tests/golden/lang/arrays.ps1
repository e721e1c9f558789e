# Arrays: construction, @(), unary comma, Count/Length, +, *, element assignment, reference semantics
$a = 1, 2, 3
$a.Count
# CHECK: 3
$a.Length
# CHECK: 3
$a
# CHECK: 1
# CHECK: 2
# CHECK: 3
@().Count
# CHECK: 0
@(5).Count
# CHECK: 1
# about_Arrays: @() does not nest an array that is already an array
@(@(1, 2)).Count
# CHECK: 2
@(1, @(2, 3)).Count
# CHECK: 2
(, 5).Count
# CHECK: 1
$nested = , (1, 2)
$nested.Count
# CHECK: 1
$nested[0].Count
# CHECK: 2
((1, 2) + 3) -join ','
# CHECK: 1,2,3
((1, 2) + (3, 4)) -join ','
# CHECK: 1,2,3,4
((1, 2) * 2) -join ','
# CHECK: 1,2,1,2
$a.GetType().Name
# CHECK: Object[]
@('only').GetType().Name
# CHECK: Object[]
$m = @(1, 'two', 3.5)
$m[1]
# CHECK: two
$x = @(1, @(2, 3))
$x[1][0]
# CHECK: 2
$b = $a
$b[0] = 99
$a[0]
# CHECK: 99
$b += 4
$a.Count
# CHECK: 3
$b.Count
# CHECK: 4
$e = @()
$e += 'first'
$e.Count
# CHECK: 1
$e[0]
# CHECK: first
$null -eq $a[10]
# CHECK: True
$c = @(1..3 | ForEach-Object { $_ * 10 })
$c -join ','
# CHECK: 10,20,30
$a[1] = 'changed'
$a -join ','
# CHECK: 99,changed,3
# A single object indexed with 0 or -1 is the object itself (about_Arrays: "scalar
# objects can be indexed"), so `(cmd | where ...)[-1]` works when one object matched.
$one = [pscustomobject]@{ A = 7 }
'{0} {1}' -f $one[0].A, $one[-1].A
# CHECK: 7 7
