# Variables: case-insensitive names, ${braced names}, scope prefixes, $env:, chained and multiple assignment, preferences
$value = 'a'
$VALUE
# CHECK: a
${my var} = 5
${my var} + 1
# CHECK: 6
${x.y} = 'dotted'
${x.y}
# CHECK: dotted
$script:s1 = 'script'
$s1
# CHECK: script
$global:g1 = 'global'
$g1
# CHECK: global
$local:l1 = 'local'
$l1
# CHECK: local
$plain = 'p'
$script:plain
# CHECK: p
$env:EXSH_GOLDEN_VAR = 'from env'
$env:EXSH_GOLDEN_VAR
# CHECK: from env
"[$env:EXSH_GOLDEN_VAR]"
# CHECK: [from env]
$null -eq $env:EXSH_GOLDEN_UNSET_VAR
# CHECK: True
$x = $y = 7
"$x $y"
# CHECK: 7 7
$a, $b = 1, 2
"$a $b"
# CHECK: 1 2
$a, $b = $b, $a
"$a $b"
# CHECK: 2 1
# about_Assignment_Operators: the last variable collects the remaining values
$first, $rest = 1, 2, 3
$first
# CHECK: 1
$rest -join ','
# CHECK: 2,3
$null -eq $neverAssigned
# CHECK: True
$true
# CHECK: True
$false
# CHECK: False
$null
$ErrorActionPreference
# CHECK: Continue
$WarningPreference
# CHECK: Continue
$VerbosePreference
# CHECK: SilentlyContinue
$ConfirmPreference
# CHECK: High
$WhatIfPreference
# CHECK: False
$PSCommandPath -like '*variables.ps1'
# CHECK: True
$PSScriptRoot.Length -gt 0
# CHECK: True
[string]::IsNullOrEmpty($HOME)
# CHECK: False
