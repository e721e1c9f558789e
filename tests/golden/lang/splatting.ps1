# Splatting with hashtables, ordered dictionaries and arrays, plus @args and splatting into cmdlets
function Show-Param {
    param([string]$Name, [int]$Size = 0, [switch]$Flag)
    "Name=$Name Size=$Size Flag=$([bool]$Flag)"
}
$p = @{ Name = 'splat'; Size = 9 }
Show-Param @p
# CHECK: Name=splat Size=9 Flag=False
$sw = @{ Name = 'sw'; Flag = $true }
Show-Param @sw
# CHECK: Name=sw Size=0 Flag=True
$positional = 'pos', 8
Show-Param @positional
# CHECK: Name=pos Size=8 Flag=False
Show-Param @p -Flag
# CHECK: Name=splat Size=9 Flag=True
$ordered = [ordered]@{ Name = 'ord'; Size = 1 }
Show-Param @ordered
# CHECK: Name=ord Size=1 Flag=False
function Invoke-Wrapper { Show-Param @args }
Invoke-Wrapper -Name wrapped -Size 2
# CHECK: Name=wrapped Size=2 Flag=False
Invoke-Wrapper plain 3
# CHECK: Name=plain Size=3 Flag=False
$wh = @{ Object = 'splatted '; NoNewline = $true }
Write-Host @wh
Write-Host 'host'
# CHECK: splatted host
$sel = @{ First = 2 }
1..5 | Select-Object @sel
# CHECK: 1
# CHECK: 2
