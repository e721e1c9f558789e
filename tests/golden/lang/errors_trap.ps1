# trap: a script-level trap with continue resumes after the failing statement; break in a function trap rethrows
trap { "trapped: $($_.Exception.Message)"; continue }
'start'
# CHECK: start
throw 'first failure'
# CHECK: trapped: first failure
'after first'
# CHECK: after first
$zero = 0
$r = 10 / $zero
# CHECK: trapped: Attempted to divide by zero.
'after division'
# CHECK: after division
function Invoke-Throw { throw 'from function'; 'rest of function' }
Invoke-Throw
# CHECK: trapped: from function
'after function call'
# CHECK: after function call
function Invoke-TrapBreak {
    trap { 'function trap'; break }
    'in function'
    throw 'function failure'
    'not reached'
}
try { Invoke-TrapBreak } catch { "caller caught: $($_.Exception.Message)" }
# CHECK: in function
# CHECK: function trap
# CHECK: caller caught: function failure
'end'
# CHECK: end
