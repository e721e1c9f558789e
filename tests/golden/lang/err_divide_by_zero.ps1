# Error: division by zero stops only the failing statement
'before'
# CHECK: before
1 / 0
# CHECKERR: Attempted to divide by zero.
'after literal'
# CHECK: after literal
$zero = 0
$r = 10 / $zero
# CHECKERR: Attempted to divide by zero.
'after variable'
# CHECK: after variable
$null -eq $r
# CHECK: True
