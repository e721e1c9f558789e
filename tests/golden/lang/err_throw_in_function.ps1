# Error: an uncaught throw inside a function also ends the whole script with exit code 1
function Invoke-Deep { 'in function'; throw 'deep failure'; 'not reached' }
'start'
# CHECK: start
Invoke-Deep
# CHECK: in function
# CHECKERR: deep failure
'never printed'
# EXIT: 1
