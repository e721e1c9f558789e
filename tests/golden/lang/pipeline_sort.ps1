# Sort-Object: default order, -Descending, -Unique, properties, several keys, script-block keys
3, 1, 2 | Sort-Object
# CHECK: 1
# CHECK: 2
# CHECK: 3
3, 1, 2 | Sort-Object -Descending
# CHECK: 3
# CHECK: 2
# CHECK: 1
'b', 'A', 'c' | Sort-Object
# CHECK: A
# CHECK: b
# CHECK: c
'10', '9', '100' | Sort-Object
# CHECK: 10
# CHECK: 100
# CHECK: 9
10, 9, 100 | Sort-Object
# CHECK: 9
# CHECK: 10
# CHECK: 100
3, 1, 3, 2, 1 | Sort-Object -Unique
# CHECK: 1
# CHECK: 2
# CHECK: 3
'ccc', 'a', 'bb' | Sort-Object { $_.Length }
# CHECK: a
# CHECK: bb
# CHECK: ccc
'ccc', 'a', 'bb' | Sort-Object Length -Descending
# CHECK: ccc
# CHECK: bb
# CHECK: a
$people = @(
    [pscustomobject]@{ Name = 'Cy'; Dept = 'ops'; Age = 40 }
    [pscustomobject]@{ Name = 'Al'; Dept = 'dev'; Age = 30 }
    [pscustomobject]@{ Name = 'Bo'; Dept = 'ops'; Age = 25 }
    [pscustomobject]@{ Name = 'Di'; Dept = 'dev'; Age = 35 }
)
($people | Sort-Object Age).Name -join ','
# CHECK: Bo,Al,Di,Cy
($people | Sort-Object -Property Age -Descending).Name -join ','
# CHECK: Cy,Di,Al,Bo
($people | Sort-Object Dept, Name).Name -join ','
# CHECK: Al,Di,Bo,Cy
($people | Sort-Object { $_.Name }).Name -join ','
# CHECK: Al,Bo,Cy,Di
