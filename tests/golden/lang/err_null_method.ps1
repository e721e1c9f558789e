# Error: calling a method on $null (reading a property of $null is not an error)
$n = $null
'before'
# CHECK: before
$n.ToUpper()
# CHECKERR: You cannot call a method on a null-valued expression.
'after'
# CHECK: after
$null -eq $n.Missing
# CHECK: True
