# Error: -ErrorAction Stop turns a non-terminating error into a script-terminating one (exit code 1 when uncaught)
'before'
# CHECK: before
Write-Error 'stopping error' -ErrorAction Stop
# CHECKERR: stopping error
'never printed'
# EXIT: 1
