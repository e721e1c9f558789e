# return: leaves a function or script block; earlier output is kept; arrays are unrolled on output
function Get-Two { 'a'; return 'b'; 'c' }
Get-Two
# CHECK: a
# CHECK: b
function Get-Nothing { return }
$null -eq (Get-Nothing)
# CHECK: True
function Test-Early($x) { if ($x) { return 'yes' }; 'no' }
Test-Early 1
# CHECK: yes
Test-Early 0
# CHECK: no
function Get-Many { 1; 2; 3 }
(Get-Many).Count
# CHECK: 3
function Get-Mixed { Write-Output 1; 2; return 3 }
(Get-Mixed) -join ','
# CHECK: 1,2,3
function Get-Single { @(5) }
$s = Get-Single
$s.GetType().Name
# CHECK: Int32
function Get-Empty { @() }
$e = Get-Empty
$null -eq $e
# CHECK: True
function Get-Pair { 1, 2 }
(Get-Pair | Measure-Object).Count
# CHECK: 2
function Get-Wrapped { , @(1, 2) }
(Get-Wrapped | Measure-Object).Count
# CHECK: 1
& { 'x'; return; 'y' }
# CHECK: x
function Get-WithFinally { try { return 'result' } finally { 'finally ran' } }
Get-WithFinally
# CHECK: result
# CHECK: finally ran
