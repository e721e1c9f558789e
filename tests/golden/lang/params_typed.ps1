# A typed parameter keeps its type as a constraint on its variable: assigning to it later
# converts the value or fails as `[int]$x = ...` does (about_Functions_Advanced_Parameters,
# about_Variables "Types of variables"). Plain, typed, advanced functions and script blocks.
function f([int]$n) { $n = "x"; $n }
f 3
# CHECKERR: Cannot convert value "x" to type "System.Int32".
# CHECK: 3
function g { param([int]$n) $n = "4"; "$n $($n.GetType().Name)" }
g 1
# CHECK: 4 Int32
function k { [CmdletBinding()] param([int]$n) $n += "3"; "$n $($n.GetType().Name)" }
k -n 1
# CHECK: 4 Int32
& { param([double]$d) $d = 2; $d.GetType().Name } 1
# CHECK: Double
function st([string]$s) { $s = 42; $s.GetType().Name }
st a
# CHECK: String
# An untyped parameter takes whatever is assigned.
function u($x) { $x = "str"; $x }
u 5
# CHECK: str
# A default value is converted to the parameter's type.
function h([int]$n = "5") { "$n $($n.GetType().Name)" }
h
# CHECK: 5 Int32
# $null passed to a string or number parameter becomes "" or 0.
function s([string]$s) { $null -eq $s; $s.Length }
s $null
# CHECK: False
# CHECK: 0
function z([int]$n) { $n }
z $null
# CHECK: 0
# A default that does not convert fails the call; the script goes on.
function bad([int]$n = "abc") { $n }
bad
# CHECKERR: Cannot convert value "abc" to type "System.Int32".
'after'
# CHECK: after
# A typed parameter not given starts at its type's default (about_Functions_Advanced_Parameters).
function defaults([long]$x, [string]$s, [switch]$w, [double]$d, $o) {
    "$($x.GetType().Name) $x|$($s.Length)|$w|$($d.GetType().Name)|$($null -eq $o)"
}
defaults
# CHECK: Int64 0|0|False|Double|True
