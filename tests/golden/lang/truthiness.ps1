# Truthiness: $null, 0, '', empty arrays and one-element arrays of a falsy value are false; everything else true
if ($null) { 'true' } else { 'false' }
# CHECK: false
if (0) { 'true' } else { 'false' }
# CHECK: false
if (0.0) { 'true' } else { 'false' }
# CHECK: false
if (1) { 'true' } else { 'false' }
# CHECK: true
if (-1) { 'true' } else { 'false' }
# CHECK: true
if ('') { 'true' } else { 'false' }
# CHECK: false
if (' ') { 'true' } else { 'false' }
# CHECK: true
if ('0') { 'true' } else { 'false' }
# CHECK: true
if ('False') { 'true' } else { 'false' }
# CHECK: true
if (@()) { 'true' } else { 'false' }
# CHECK: false
if (@(0)) { 'true' } else { 'false' }
# CHECK: false
if (@('')) { 'true' } else { 'false' }
# CHECK: false
if (@($null)) { 'true' } else { 'false' }
# CHECK: false
if (@(1)) { 'true' } else { 'false' }
# CHECK: true
if (@(0, 0)) { 'true' } else { 'false' }
# CHECK: true
if (@{}) { 'true' } else { 'false' }
# CHECK: true
[bool]$null
# CHECK: False
[bool]0
# CHECK: False
[bool]''
# CHECK: False
[bool]'0'
# CHECK: True
[bool]'False'
# CHECK: True
[bool]@()
# CHECK: False
[bool]@(1, 2)
# CHECK: True
[bool]1.5
# CHECK: True
$null.Count
# CHECK: 0
(5).Count
# CHECK: 1
$x = $null
if (-not $x) { 'not x' }
# CHECK: not x
