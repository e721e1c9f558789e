# exit N ends the script and sets the process exit code
'start'
# CHECK: start
exit 7
'never printed'
# EXIT: 7
