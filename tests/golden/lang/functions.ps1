# Functions: param blocks, function Name($a, $b), named and positional arguments, defaults, typed parameters, $args, recursion
function Greet { param($Name) "Hello, $Name" }
Greet World
# CHECK: Hello, World
Greet -Name Bob
# CHECK: Hello, Bob
function Add($a, $b) { $a + $b }
Add 2 3
# CHECK: 5
Add -b 1 -a 2
# CHECK: 3
Add 'x' 'y'
# CHECK: xy
function Get-Default { param($x = 10) $x }
Get-Default
# CHECK: 10
Get-Default 3
# CHECK: 3
function Use-Default { param($a = 'A', $b = "$a-B") $b }
Use-Default
# CHECK: A-B
Use-Default -a X
# CHECK: X-B
function Get-Double { param([int]$n) $n * 2 }
Get-Double '21'
# CHECK: 42
function Get-Caller { param([string]$Name = 'anon') "name=$Name" }
Get-Caller
# CHECK: name=anon
function Show-Args { "count=$($args.Count) first=$($args[0])" }
Show-Args a b c
# CHECK: count=3 first=a
Show-Args
# CHECK: count=0 first=
function Mixed { param($p) "p=$p rest=$($args -join ',')" }
Mixed 1 2 3
# CHECK: p=1 rest=2,3
function Fact($n) { if ($n -le 1) { 1 } else { $n * (Fact ($n - 1)) } }
Fact 5
# CHECK: 120
function Leak { $inside = 'x' }
Leak
$null -eq $inside
# CHECK: True
function Get-Multiple { 'one'; 'two' }
$res = Get-Multiple
$res.Count
# CHECK: 2
function Test-Switch { param([switch]$Force) if ($Force) { 'forced' } else { 'normal' } }
Test-Switch
# CHECK: normal
Test-Switch -Force
# CHECK: forced
Test-Switch -Force:$false
# CHECK: normal
# Positional calls of plain functions: typed parameters convert, missing ones take
# their default, extra arguments go to $args (about_Functions).
function Show-Args([int]$a, $b = 'default') { "$a|$b|$($args -join ',')" }
Show-Args '7'
# CHECK: 7|default|
Show-Args 2 x y z
# CHECK: 2|x|y,z
function Get-Twice($x) { return $x * 2; 'unreached' }
Get-Twice 21
# CHECK: 42
$r = try { Show-Args abc } catch { $_.Exception.Message }
$r
# CHECK: Cannot process argument transformation on parameter 'a'. Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."
