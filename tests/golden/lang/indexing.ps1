# Indexing: positive, negative, lists of indexes, slices with ranges including the wrapping 0..-2, strings
$a = 10, 20, 30, 40, 50
$a[0]
# CHECK: 10
$a[-1]
# CHECK: 50
$a[-2]
# CHECK: 40
$a[1, 3] -join ','
# CHECK: 20,40
$a[0..2] -join ','
# CHECK: 10,20,30
$a[2..0] -join ','
# CHECK: 30,20,10
# about_Arrays: 0..-2 is the list 0,-1,-2, so the slice wraps to the end
$a[0..-2] -join ','
# CHECK: 10,50,40
$a[-3..-1] -join ','
# CHECK: 30,40,50
$null -eq $a[7]
# CHECK: True
$i = 1
$a[$i + 1]
# CHECK: 30
'hello'[0]
# CHECK: h
'hello'[-1]
# CHECK: o
-join ('hello'[1..3])
# CHECK: ell
(1..5)[2]
# CHECK: 3
@(1, 2, 3)[-1]
# CHECK: 3
$grid = @(@(1, 2), @(3, 4))
$grid[1][0]
# CHECK: 3
$h = @{ key = 'value' }
$h['key']
# CHECK: value
