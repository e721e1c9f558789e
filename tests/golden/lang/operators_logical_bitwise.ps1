# Logical -and -or -xor -not ! (with short-circuit) and bitwise -band -bor -bxor -bnot -shl -shr
$true -and $false
# CHECK: False
$true -or $false
# CHECK: True
$true -xor $true
# CHECK: False
$true -xor $false
# CHECK: True
-not $true
# CHECK: False
!$false
# CHECK: True
!0
# CHECK: True
-not ''
# CHECK: True
!'text'
# CHECK: False
(1 -lt 2) -and (2 -lt 3)
# CHECK: True
$false -and $(Write-Host 'right side of -and ran'; $true)
# CHECK: False
$true -or $(Write-Host 'right side of -or ran'; $false)
# CHECK: True
$true -and $(Write-Host 'evaluated'; $true)
# CHECK: evaluated
# CHECK: True
5 -band 3
# CHECK: 1
5 -bor 3
# CHECK: 7
5 -bxor 3
# CHECK: 6
-bnot 0
# CHECK: -1
0xF0 -band 0x3C
# CHECK: 48
1 -shl 4
# CHECK: 16
256 -shr 4
# CHECK: 16
