# Every item of LANGUAGE.md "PowerShell behaviours implementers get wrong", in order
# about_Operator_Precedence: -f binds tighter than * and +
'{0}' -f 1 + 1
# CHECK: 11
'{0}' -f 2 * 3
# CHECK: 222
'a' + '{0}' -f 'b'
# CHECK: ab
# about_Operator_Precedence: -and and -or have equal precedence, evaluated left to right
$true -or $true -and $false
# CHECK: False
# -not binds tighter than -eq: (-not 1) -eq 2
-not 1 -eq 2
# CHECK: False
-not (1 -eq 2)
# CHECK: True
# unary -join and -split bind tighter than the comma
(-join 'a', 'b').Count
# CHECK: 2
(-split 'a b', 'c').Count
# CHECK: 2
# the left operand decides conversions
'10' -lt '9'
# CHECK: True
10 -lt '9'
# CHECK: False
'10' -eq 10.0
# CHECK: True
$true -eq 'false'
# CHECK: True
'1' + 1
# CHECK: 11
1 + '1'
# CHECK: 2
# comparison operators on an array filter it
if (@($null) -eq $null) { 'truthy' } else { 'falsy' }
# CHECK: falsy
# -split takes a regex, .Split() a literal
('a.b' -split '.').Count
# CHECK: 4
'a.b'.Split('.').Count
# CHECK: 2
# .Contains()/.Replace() are case-sensitive, the operators are not
'Hello'.Contains('h')
# CHECK: False
'Hello' -like '*h*'
# CHECK: True
'Hello'.Replace('h', 'J')
# CHECK: Hello
'Hello' -replace 'h', 'J'
# CHECK: Jello
# "$a" joins with $OFS, "$h.k" expands only $h, a pscustomobject expands to @{...}
$arr = 1, 2
"$arr"
# CHECK: 1 2
$h = @{ k = 1 }
"$h.k"
# CHECK: System.Collections.Hashtable.k
"$([pscustomobject]@{ Name = 'x'; Port = 80 })"
# CHECK: @{Name=x; Port=80}
# exact integer division stays Int32, inexact becomes Double
(6 / 2).GetType().Name
# CHECK: Int32
(7 / 2).GetType().Name
# CHECK: Double
# $null * 5 is $null, 5 * $null is 0
$null -eq ($null * 5)
# CHECK: True
5 * $null
# CHECK: 0
# @(0) is false, @(0,0) true, [bool]'False' true, $null.Count is 0
[bool]@(0)
# CHECK: False
[bool]@(0, 0)
# CHECK: True
[bool]'False'
# CHECK: True
$null.Count
# CHECK: 0
# $null | ForEach-Object {} runs once, foreach ($x in $null) never
$null | ForEach-Object { 'pipeline ran' }
# CHECK: pipeline ran
foreach ($x in $null) { 'loop ran' }
'after loop'
# CHECK: after loop
# return inside ForEach-Object acts like continue
1..3 | ForEach-Object { if ($_ -eq 2) { return }; "item $_" }
# CHECK: item 1
# CHECK: item 3
# break in a switch inside a loop leaves only the switch
foreach ($i in 1..3) {
    switch ($i) {
        2 { 'two'; break }
        default { "other $i" }
    }
    "after $i"
}
# CHECK: other 1
# CHECK: after 1
# CHECK: two
# CHECK: after 2
# CHECK: other 3
# CHECK: after 3
# switch compares as strings ('5' is not '05') and runs nothing for @()
switch (5) { '05' { 'numeric match' } default { 'string compare' } }
# CHECK: string compare
switch (@()) { default { 'never' } }
'after empty switch'
# CHECK: after empty switch
# trap applies to the whole scope it sits in, even when written after the failing statement
function Test-LateTrap {
    'before'
    throw 'boom'
    'after'
    trap { "trapped: $_"; continue }
}
Test-LateTrap
# CHECK: before
# CHECK: trapped: boom
# CHECK: after
# Write-Host is interleaved with output; Select-Object -First stops the upstream commands
1..5 | ForEach-Object { Write-Host "produce $_"; $_ } | Select-Object -First 2
# CHECK: produce 1
# CHECK: 1
# CHECK: produce 2
# CHECK: 2
# Select-Object -Unique is case-sensitive; Sort-Object -Unique and Group-Object are not
('a', 'A', 'b' | Select-Object -Unique).Count
# CHECK: 3
('a', 'A', 'b' | Sort-Object -Unique).Count
# CHECK: 2
('a', 'A', 'b' | Group-Object).Count
# CHECK: 2
# an omitted [string] parameter is '' rather than $null
function Get-Str([string]$s) { $null -eq $s; $s.Length }
Get-Str
# CHECK: False
# CHECK: 0
# called functions see the caller's variables (dynamic scope)
function Show-V { "v is $v" }
function Set-LocalV { $v = 'inner'; Show-V }
$v = 'outer'
Set-LocalV
# CHECK: v is inner
Show-V
# CHECK: v is outer
# dot-sourcing leaks the callee's variables
function Set-Leak { $leaked = 'yes' }
Set-Leak
$null -eq $leaked
# CHECK: True
. Set-Leak
$leaked
# CHECK: yes
# $a[0..-2] wraps
$a = 1, 2, 3, 4
$a[0..-2] -join ','
# CHECK: 1,4,3
# character ranges exist
'a'..'e' -join ''
# CHECK: abcde
# number formatting uses the invariant culture
1.5
# CHECK: 1.5
'{0:N1}' -f 1234.56
# CHECK: 1,234.6
