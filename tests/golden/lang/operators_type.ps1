# Type operators -is, -isnot and -as (which returns $null instead of failing)
5 -is [int]
# CHECK: True
5 -is [string]
# CHECK: False
'5' -is [string]
# CHECK: True
5 -isnot [string]
# CHECK: True
'x' -isnot [int]
# CHECK: True
5.0 -is [double]
# CHECK: True
@(1) -is [array]
# CHECK: True
(1, 2) -is [object[]]
# CHECK: True
@{} -is [hashtable]
# CHECK: True
'42' -as [int]
# CHECK: 42
('42' -as [int]).GetType().Name
# CHECK: Int32
$null -eq ('abc' -as [int])
# CHECK: True
'3.5' -as [double]
# CHECK: 3.5
(5 -as [string]).GetType().Name
# CHECK: String
('2024-01-15' -as [datetime]).Day
# CHECK: 15
