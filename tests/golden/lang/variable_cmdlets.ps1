# Get-Variable and Set-Variable
$myValue = 42
(Get-Variable myValue).Value
# CHECK: 42
(Get-Variable -Name myValue).Name
# CHECK: myValue
Get-Variable -Name myValue -ValueOnly
# CHECK: 42
Set-Variable -Name setByCmdlet -Value 'set'
$setByCmdlet
# CHECK: set
Set-Variable counter 7
$counter + 1
# CHECK: 8
Set-Variable -Name myValue -Value 43
$myValue
# CHECK: 43
$null -eq (Get-Variable -Name doesNotExist -ErrorAction SilentlyContinue)
# CHECK: True
function Set-InScript { Set-Variable -Name fromFunc -Value 'script scoped' -Scope Script }
Set-InScript
$fromFunc
# CHECK: script scoped
