# Comparison operators with -c/-i variants; the left operand decides how the comparison converts
1 -eq 1
# CHECK: True
1 -ne 2
# CHECK: True
5 -gt 3
# CHECK: True
5 -ge 5
# CHECK: True
3 -lt 2
# CHECK: False
2 -le 2
# CHECK: True
'abc' -eq 'ABC'
# CHECK: True
'abc' -ceq 'ABC'
# CHECK: False
'abc' -ieq 'ABC'
# CHECK: True
'abc' -cne 'ABC'
# CHECK: True
'apple' -lt 'banana'
# CHECK: True
'hello' -like 'h*'
# CHECK: True
'hello' -like 'H?LLO'
# CHECK: True
'hello' -clike 'H*'
# CHECK: False
'hello' -ilike 'H*'
# CHECK: True
'hello' -notlike '*x*'
# CHECK: True
'ABC' -cnotlike 'abc'
# CHECK: True
'report.txt' -like '*.txt'
# CHECK: True
'b' -like '[a-c]'
# CHECK: True
'abc' -match 'B'
# CHECK: True
'abc' -cmatch 'B'
# CHECK: False
'abc' -notmatch 'z'
# CHECK: True
1, 2, 3 -contains 2
# CHECK: True
1, 2, 3 -notcontains 5
# CHECK: True
1, 2, 3 -contains '2'
# CHECK: True
'a', 'b' -contains 'A'
# CHECK: True
'a', 'b' -ccontains 'A'
# CHECK: False
# about_Comparison_Operators: -contains tests membership, not substrings
'abc' -contains 'b'
# CHECK: False
2 -in 1, 2, 3
# CHECK: True
5 -notin 1, 2, 3
# CHECK: True
'A' -in 'a', 'b'
# CHECK: True
'A' -cin 'a', 'b'
# CHECK: False
# about_Comparison_Operators: the right operand is converted to the type of the left one
'10' -eq 10
# CHECK: True
10 -eq '10'
# CHECK: True
'1.0' -eq 1
# CHECK: False
1 -eq 1.0
# CHECK: True
'10' -lt '9'
# CHECK: True
10 -lt '9'
# CHECK: False
$true -eq 'false'
# CHECK: True
'false' -eq $false
# CHECK: True
$null -eq $null
# CHECK: True
$null -eq 0
# CHECK: False
0 -eq $null
# CHECK: False
$null -eq ''
# CHECK: False
