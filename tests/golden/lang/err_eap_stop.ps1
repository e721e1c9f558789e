# Error: $ErrorActionPreference = 'Stop' makes Write-Error terminating; uncaught, it ends the script with exit code 1
$ErrorActionPreference = 'Stop'
'before'
# CHECK: before
Write-Error 'preference stop'
# CHECKERR: preference stop
'never printed'
# EXIT: 1
