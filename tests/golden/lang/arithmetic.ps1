# Arithmetic: precedence, % and /, division result types, overflow, string operands, $null, assignment operators
1 + 2 * 3
# CHECK: 7
(1 + 2) * 3
# CHECK: 9
10 - 4 - 3
# CHECK: 3
7 % 3
# CHECK: 1
-7 % 3
# CHECK: -1
# about_Arithmetic_Operators: an exact integer division stays Int32, otherwise Double
6 / 2
# CHECK: 3
(6 / 2).GetType().Name
# CHECK: Int32
7 / 2
# CHECK: 3.5
(7 / 2).GetType().Name
# CHECK: Double
10 / 4
# CHECK: 2.5
-7 / 2
# CHECK: -3.5
1 + 1.5
# CHECK: 2.5
(5L + 1).GetType().Name
# CHECK: Int64
# Int32 arithmetic that overflows is redone as Double (PowerShell's IntOps.Add/Multiply)
[int]::MaxValue + 1
# CHECK: 2147483648
([int]::MaxValue + 1).GetType().Name
# CHECK: Double
2147483647 * 2
# CHECK: 4294967294
# about_Arithmetic_Operators: the left operand decides; strings on the right are converted to numbers
2 + '3'
# CHECK: 5
'2' + 3
# CHECK: 23
3 * '4'
# CHECK: 12
'ab' * 3
# CHECK: ababab
'5' - 2
# CHECK: 3
'10' / '4'
# CHECK: 2.5
5 * $null
# CHECK: 0
$null -eq ($null * 5)
# CHECK: True
$null + 5
# CHECK: 5
$n = 10
$n += 5
$n
# CHECK: 15
$n -= 3
$n
# CHECK: 12
$n *= 2
$n
# CHECK: 24
$n /= 4
$n
# CHECK: 6
$n %= 4
$n
# CHECK: 2
$n++
$n
# CHECK: 3
$n--
$n
# CHECK: 2
$i = 5
$j = $i++
"$i $j"
# CHECK: 6 5
$i = 5
$j = ++$i
"$i $j"
# CHECK: 6 6
$s = 'ab'
$s += 'cd'
$s
# CHECK: abcd
$fresh++
$fresh
# CHECK: 1
$arr = 1, 2
$arr += 3
$arr -join ','
# CHECK: 1,2,3
