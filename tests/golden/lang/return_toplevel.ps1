# return at the top level of a script ends the script with exit code 0
'before return'
# CHECK: before return
return
'never printed'
