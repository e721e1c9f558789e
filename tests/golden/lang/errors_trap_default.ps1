# trap without break/continue: the trap runs, the error is still written, and execution continues
function Test-DefaultTrap {
    trap { 'trap ran' }
    'before'
    throw 'unhandled in trap'
    'after'
}
Test-DefaultTrap
# CHECK: before
# CHECK: trap ran
# CHECKERR: unhandled in trap
# CHECK: after
'script continues'
# CHECK: script continues
