# Get-Date with fixed dates: -Date, -Format, DateTime members and arithmetic
Get-Date -Date '2024-03-05 14:30:00' -Format 'yyyy-MM-dd HH:mm'
# CHECK: 2024-03-05 14:30
$d = Get-Date -Date '2024-03-05'
$d.Year
# CHECK: 2024
$d.Month
# CHECK: 3
$d.Day
# CHECK: 5
$d.DayOfWeek
# CHECK: Tuesday
$d.DayOfYear
# CHECK: 65
$d.AddDays(30).ToString('yyyy-MM-dd')
# CHECK: 2024-04-04
(Get-Date '2024-01-31').AddMonths(1).ToString('yyyy-MM-dd')
# CHECK: 2024-02-29
(Get-Date '2024-03-05 08:00').AddHours(-9).ToString('yyyy-MM-dd HH:mm')
# CHECK: 2024-03-04 23:00
Get-Date -Date '2024-12-25' -Format 'dddd'
# CHECK: Wednesday
((Get-Date '2024-03-10') - (Get-Date '2024-03-05')).Days
# CHECK: 5
((Get-Date '2024-03-05 12:00') - (Get-Date '2024-03-05 10:30')).TotalMinutes
# CHECK: 90
(Get-Date '2024-03-05') -lt (Get-Date '2024-03-06')
# CHECK: True
(Get-Date).GetType().Name
# CHECK: DateTime
