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
# PowerShell 6+ (Measure-Object docs): -Maximum and -Minimum also work on values that are
# not numbers, compared as they are; -Sum and -Average need numbers, and an empty sum is 0.
$m = 'pear', 'apple', 'zoo' | Measure-Object -Maximum -Minimum
"$($m.Maximum) $($m.Minimum)"
# CHECK: zoo apple
$t = [timespan]'00:06:38', [timespan]'00:04:38' | Measure-Object -Maximum
$t.Maximum.TotalSeconds
# CHECK: 398
([timespan]'00:01:00' | Measure-Object -Sum 2>$null).Sum
# CHECK: 0
[timespan]'00:01:00' | Measure-Object -Sum | Out-Null
# CHECKERR: Input object "00:01:00" is not numeric.
