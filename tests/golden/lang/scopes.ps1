# Scopes: functions do not leak, dynamic scoping, $script:, $global:, & vs ., dot-sourcing a function
$x = 'script'
function Read-X { "read: $x" }
Read-X
# CHECK: read: script
function Write-X { $x = 'local'; "inside: $x" }
Write-X
# CHECK: inside: local
$x
# CHECK: script
function Set-ScriptX { $script:x = 'changed' }
Set-ScriptX
$x
# CHECK: changed
function Read-ScriptX { $x = 'shadow'; $script:x }
Read-ScriptX
# CHECK: changed
function Set-GlobalG { $global:gv = 'global value' }
Set-GlobalG
$gv
# CHECK: global value
# about_Scopes: a called function sees the variables of its caller
function Invoke-Outer { $d = 'from outer'; Invoke-Inner }
function Invoke-Inner { "inner sees: $d" }
Invoke-Outer
# CHECK: inner sees: from outer
Invoke-Inner
# CHECK: inner sees:
$counter = 5
function Step-Counter { $counter++; "inner $counter" }
Step-Counter
# CHECK: inner 6
$counter
# CHECK: 5
$v = 1
& { $v = 2; "block: $v" }
# CHECK: block: 2
$v
# CHECK: 1
. { $v = 3 }
$v
# CHECK: 3
function Set-Vars { $made = 'made here' }
Set-Vars
$null -eq $made
# CHECK: True
. Set-Vars
$made
# CHECK: made here
function Add-Key($table) { $table.added = $true }
$t = @{}
Add-Key $t
$t.Count
# CHECK: 1
function Invoke-Nested { function Get-Helper { 'helper' }; Get-Helper }
Invoke-Nested
# CHECK: helper
$null -eq (Get-Command Get-Helper -ErrorAction SilentlyContinue)
# CHECK: True
# about_Scopes: a compound assignment in a child scope makes a local copy; the
# parent's variable (and the array it holds) is unchanged.
$total = 10
function Add-Total { $total += 5; $total -= 1; $total *= 2; "inner $total" }
Add-Total
# CHECK: inner 28
$total
# CHECK: 10
$list = @(1)
function Add-Item { $list += 2; "inner $($list.Count)" }
Add-Item
# CHECK: inner 2
$list.Count
# CHECK: 1
# PowerShell's IntOps widen an Int32 overflow to Double (about_Arithmetic_Operators).
$big = [int]::MaxValue
$big += 1
$big.GetType().Name
# CHECK: Double
$n = [long]5
$n *= 3
"$n $($n.GetType().Name)"
# CHECK: 15 Int64
# about_Scopes: a function defined in a function's scope shadows the outer one there
# and in what it calls, and is gone once the function returns; a redefinition takes
# effect at the next call.
function Get-Where { 'outer' }
function Invoke-Shadow { function Get-Where { 'inner' }; Get-Where }
function Invoke-Caller { Get-Where }
function Invoke-ShadowCaller { function Get-Where { 'caller-inner' }; Invoke-Caller }
Get-Where
# CHECK: outer
Invoke-Shadow
# CHECK: inner
Get-Where
# CHECK: outer
Invoke-ShadowCaller
# CHECK: caller-inner
Invoke-Caller
# CHECK: outer
foreach ($round in 1..2) { Get-Where; function Get-Where { 'redefined' } }
# CHECK: outer
# CHECK: redefined
