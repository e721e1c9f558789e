# Error: indexing into $null
$n = $null
'before'
# CHECK: before
$n[0]
# CHECKERR: Cannot index into a null array.
'after'
# CHECK: after
