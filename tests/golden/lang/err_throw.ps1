# Error: an uncaught throw at top level ends the script with exit code 1
'before'
# CHECK: before
throw 'fatal problem'
# CHECKERR: fatal problem
'after'
# EXIT: 1
