# Default formatting of scalars and arrays: ToString() per object, one per line; $null prints nothing
42
# CHECK: 42
3.14
# CHECK: 3.14
0.5
# CHECK: 0.5
1e15
# CHECK: 1E+15
-2.5
# CHECK: -2.5
'text'
# CHECK: text
$true
# CHECK: True
$false
# CHECK: False
$null
[char]'x'
# CHECK: x
@(1, 'two', 3)
# CHECK: 1
# CHECK: two
# CHECK: 3
''
# CHECK:
[int]::MaxValue
# CHECK: 2147483647
100000
# CHECK: 100000
'end'
# CHECK: end
