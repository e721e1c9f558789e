# Group-Object: Name/Count/Group, by property, by script block, -NoElement, -AsHashTable
$g = 'a', 'b', 'a', 'c', 'a' | Group-Object
$g.Count
# CHECK: 3
$g | ForEach-Object { "$($_.Name)=$($_.Count)" }
# CHECK: a=3
# CHECK: b=1
# CHECK: c=1
$people = @(
    [pscustomobject]@{ Name = 'Al'; Dept = 'dev' }
    [pscustomobject]@{ Name = 'Cy'; Dept = 'ops' }
    [pscustomobject]@{ Name = 'Di'; Dept = 'dev' }
    [pscustomobject]@{ Name = 'Bo'; Dept = 'ops' }
)
($people | Group-Object Dept).Name -join ','
# CHECK: dev,ops
$people | Group-Object -Property Dept | ForEach-Object { "$($_.Name): $($_.Group.Name -join ',')" }
# CHECK: dev: Al,Di
# CHECK: ops: Cy,Bo
1..6 | Group-Object { if ($_ -le 3) { 'small' } else { 'tall' } } | ForEach-Object { "$($_.Name): $($_.Group -join ',')" }
# CHECK: small: 1,2,3
# CHECK: tall: 4,5,6
'x', 'y', 'x' | Group-Object -NoElement | ForEach-Object { "$($_.Name)=$($_.Count)" }
# CHECK: x=2
# CHECK: y=1
$byDept = $people | Group-Object Dept -AsHashTable
$byDept['dev'].Count
# CHECK: 2
$byDept.ops[0].Name
# CHECK: Cy
(1, 1, 2 | Group-Object)[0].Name.GetType().Name
# CHECK: String
