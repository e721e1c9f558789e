# Error: an ambiguous parameter prefix names the candidates; the script continues
function Test-Ambiguous { param($Name, $Number) "Name=$Name Number=$Number" }
Test-Ambiguous -Na a -Nu 1
# CHECK: Name=a Number=1
Test-Ambiguous -N x
# CHECKERR: Parameter cannot be processed because the parameter name 'N' is ambiguous. Possible matches include: -Name -Number.
'after'
# CHECK: after
