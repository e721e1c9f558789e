# a bare exit ends the script with exit code 0
'first'
# CHECK: first
exit
'never printed'
