# Non-terminating errors are written to stderr and the script goes on; $?, $Error and $ErrorActionPreference
'before'
# CHECK: before
Write-Error 'first problem'
# CHECKERR: first problem
$?
# CHECK: False
'continues'
# CHECK: continues
'x' | Out-Null
$?
# CHECK: True
function Write-Soft { Write-Error 'soft failure'; 'function continues' }
Write-Soft
# CHECKERR: soft failure
# CHECK: function continues
$Error[0].Exception.Message
# CHECK: soft failure
$ErrorActionPreference = 'SilentlyContinue'
Write-Error 'silenced'
'after silenced'
# CHECK: after silenced
$ErrorActionPreference = 'Continue'
$Error[0].Exception.Message
# CHECK: silenced
$ErrorActionPreference = 'Stop'
try { Write-Error 'now terminating'; 'not reached' } catch { "caught: $($_.Exception.Message)" }
# CHECK: caught: now terminating
$ErrorActionPreference = 'Continue'
try { Write-Error 'still non-terminating'; 'reached' } catch { 'not caught' }
# CHECKERR: still non-terminating
# CHECK: reached
'end'
# CHECK: end
