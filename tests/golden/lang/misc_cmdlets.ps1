# Invoke-Expression, Join-Path, Get-Command, Get-Member, New-Object PSObject, Start-Sleep, Out-Null
Invoke-Expression '1 + 2'
# CHECK: 3
$cmd = 'Write-Output "from iex"'
Invoke-Expression $cmd
# CHECK: from iex
Invoke-Expression '$iexVar = 5'
$iexVar
# CHECK: 5
# the separator is '\' on Windows and '/' elsewhere
(Join-Path 'a' 'b') -in 'a\b', 'a/b'
# CHECK: True
(Join-Path -Path 'dir' -ChildPath 'file.txt').Length
# CHECK: 12
(Get-Command Write-Output).CommandType
# CHECK: Cmdlet
function Get-Mine { 'mine' }
(Get-Command Get-Mine).CommandType
# CHECK: Function
(Get-Command Get-Mine).Name
# CHECK: Get-Mine
('text' | Get-Member -Name Length).MemberType
# CHECK: Property
('text' | Get-Member -MemberType Method -Name ToUpper).Name
# CHECK: ToUpper
$o = New-Object PSObject -Property @{ Only = 'one' }
$o.Only
# CHECK: one
$o.GetType().Name
# CHECK: PSCustomObject
Start-Sleep -Milliseconds 10
'after sleep'
# CHECK: after sleep
'discarded' | Out-Null
'end'
# CHECK: end
