# Error: an unknown command is a statement-terminating error; the script continues with the next statement
'before'
# CHECK: before
Foo-Bar
# CHECKERR: The term 'Foo-Bar' is not recognized as a name of a cmdlet, function, script file, or executable program.
$?
# CHECK: False
'after'
# CHECK: after
