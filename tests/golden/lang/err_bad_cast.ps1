# Error: a failed cast stops only the failing statement (the assignment does not happen)
'before'
# CHECK: before
$n = [int]'abc'
# CHECKERR: Cannot convert value "abc" to type "System.Int32".
'after'
# CHECK: after
$null -eq $n
# CHECK: True
