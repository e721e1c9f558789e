# Command-mode arguments: -Name value, -Name:value, switches, unique prefixes, positional binding, bareword/number typing
function Show-Param {
    param([string]$Name, [int]$Size = 0, [switch]$Flag)
    "Name=$Name Size=$Size Flag=$([bool]$Flag)"
}
Show-Param -Name a -Size 3 -Flag
# CHECK: Name=a Size=3 Flag=True
Show-Param -Name:b -Size:4
# CHECK: Name=b Size=4 Flag=False
Show-Param -Na c -Si 5
# CHECK: Name=c Size=5 Flag=False
Show-Param -name d -SIZE 6
# CHECK: Name=d Size=6 Flag=False
Show-Param -Flag:$false e
# CHECK: Name=e Size=0 Flag=False
Show-Param f 7
# CHECK: Name=f Size=7 Flag=False
Show-Param -Fl g
# CHECK: Name=g Size=0 Flag=True
function Show-Arg { param($Value) "$Value|$($Value.GetType().Name)" }
Show-Arg hello
# CHECK: hello|String
Show-Arg 42
# CHECK: 42|Int32
Show-Arg 3.5
# CHECK: 3.5|Double
Show-Arg 0x10
# CHECK: 16|Int32
Show-Arg 1KB
# CHECK: 1024|Int32
Show-Arg (1 + 2)
# CHECK: 3|Int32
Show-Arg $(2 * 3)
# CHECK: 6|Int32
Show-Arg 'quoted str'
# CHECK: quoted str|String
Show-Arg a,b
# CHECK: a b|Object[]
Show-Arg report.txt
# CHECK: report.txt|String
Show-Arg 2024-01-01
# CHECK: 2024-01-01|String
Show-Arg 42abc
# CHECK: 42abc|String
Show-Arg $true
# CHECK: True|Boolean
1..5 | Select-Object -Fir 2
# CHECK: 1
# CHECK: 2
Get-Date -Date '2024-01-15' -Form 'yyyy'
# CHECK: 2024
