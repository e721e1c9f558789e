# Casts and type literals; [int] rounds half to even
[int]'42' + 1
# CHECK: 43
# about_Type_Conversion: conversion to an integer rounds to the nearest even number on .5
[int]2.5
# CHECK: 2
[int]3.5
# CHECK: 4
[int]-2.5
# CHECK: -2
[int]1.5
# CHECK: 2
[int]2.6
# CHECK: 3
[long]'9999999999'
# CHECK: 9999999999
([long]1).GetType().Name
# CHECK: Int64
[double]'3.5'
# CHECK: 3.5
[double]1 / 4
# CHECK: 0.25
[string]42
# CHECK: 42
([string]42).GetType().Name
# CHECK: String
([string]$null).Length
# CHECK: 0
[string](1, 2, 3)
# CHECK: 1 2 3
[bool]1
# CHECK: True
[int]$true
# CHECK: 1
[char]65
# CHECK: A
[int][char]'A'
# CHECK: 65
[char]'x'
# CHECK: x
([array]5).Count
# CHECK: 1
([array]5).GetType().Name
# CHECK: Object[]
$sa = [string[]](1, 2)
$sa.GetType().Name
# CHECK: String[]
$sa[0].GetType().Name
# CHECK: String
$ia = [int[]]('1', '2', '3')
$ia.GetType().Name
# CHECK: Int32[]
($ia | Measure-Object -Sum).Sum
# CHECK: 6
([hashtable]@{ a = 1 }).GetType().Name
# CHECK: Hashtable
([pscustomobject]@{ a = 1 }).a
# CHECK: 1
$d = [datetime]'2024-01-15 10:30:00'
$d.Year
# CHECK: 2024
$d.Month
# CHECK: 1
$d.Day
# CHECK: 15
$d.Hour
# CHECK: 10
$d.DayOfWeek
# CHECK: Monday
$d.ToString('yyyy-MM-dd HH:mm')
# CHECK: 2024-01-15 10:30
$t = [timespan]'01:30:00'
$t.TotalMinutes
# CHECK: 90
$t.Hours
# CHECK: 1
"$t"
# CHECK: 01:30:00
$t2 = [timespan]'1.02:03:04'
$t2.Days
# CHECK: 1
$t2.Minutes
# CHECK: 3
$re = [regex]'\d+'
$re.Match('ab12cd').Value
# CHECK: 12
$re.GetType().Name
# CHECK: Regex
