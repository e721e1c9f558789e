# Comparison operators with an array on the left return the matching elements (a filter), not a Boolean
(1, 2, 3, 2 -eq 2) -join ','
# CHECK: 2,2
(1, 2, 3, 4 -gt 2) -join ','
# CHECK: 3,4
(1, 2, 3 -ne 2) -join ','
# CHECK: 1,3
'apple', 'banana', 'cherry' -like '*an*'
# CHECK: banana
('a1', 'b2', 'a3' -match '^a') -join ','
# CHECK: a1,a3
('a1', 'b2', 'a3' -notmatch '^a') -join ','
# CHECK: b2
('x', 'X', 'y' -eq 'x').Count
# CHECK: 2
('x', 'X', 'y' -ceq 'x').Count
# CHECK: 1
(1, 2, 3 -eq 5).Count
# CHECK: 0
# about_Comparison_Operators: the result is @($null), which is falsy
if (@($null) -eq $null) { 'truthy' } else { 'falsy' }
# CHECK: falsy
(@(1, $null, 2, $null) -eq $null).Count
# CHECK: 2
if (@(0, 1) -eq 0) { 'found' } else { 'not found' }
# CHECK: not found
if (@(1, 2) -eq 2) { 'found' } else { 'not found' }
# CHECK: found
('web1', 'db1', 'web2' -replace 'web', 'app') -join ','
# CHECK: app1,db1,app2
