# exit inside a function ends the whole script, not just the function
function Stop-Script { 'stopping'; exit 3; 'not reached in function' }
'begin'
# CHECK: begin
Stop-Script
# CHECK: stopping
'not reached in script'
# EXIT: 3
