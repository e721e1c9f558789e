# Measure-Object: Count, -Sum, -Average, -Maximum, -Minimum, -Property
$m = 1, 2, 3, 4 | Measure-Object -Sum -Average -Maximum -Minimum
$m.Count
# CHECK: 4
$m.Sum
# CHECK: 10
$m.Average
# CHECK: 2.5
$m.Maximum
# CHECK: 4
$m.Minimum
# CHECK: 1
(1..10 | Measure-Object).Count
# CHECK: 10
(@() | Measure-Object).Count
# CHECK: 0
('ab', 'cde' | Measure-Object -Property Length -Sum).Sum
# CHECK: 5
$people = @(
    [pscustomobject]@{ Name = 'Al'; Age = 30 }
    [pscustomobject]@{ Name = 'Bo'; Age = 25 }
    [pscustomobject]@{ Name = 'Cy'; Age = 40 }
    [pscustomobject]@{ Name = 'Di'; Age = 35 }
)
($people | Measure-Object -Property Age -Average).Average
# CHECK: 32.5
($people | Measure-Object Age -Maximum).Maximum
# CHECK: 40
($people | Measure-Object Age -Minimum).Minimum
# CHECK: 25
