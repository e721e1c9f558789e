# Error: Write-Error is non-terminating; the message goes to stderr and the exit code stays 0
'one'
# CHECK: one
Write-Error 'something went wrong'
# CHECKERR: something went wrong
'two'
# CHECK: two
Write-Error 'second problem'
# CHECKERR: second problem
'three'
# CHECK: three
