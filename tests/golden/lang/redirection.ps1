# Discarding output (Out-Null, $null =, [void], > $null) and redirecting streams (2> $null, 2>&1, *> $null)
'visible'
# CHECK: visible
'hidden' | Out-Null
$null = 'also hidden'
[void]'cast away'
'redirected' > $null
Write-Error 'gone' 2> $null
'after error redirect'
# CHECK: after error redirect
& { 'out'; Write-Host 'host'; Write-Error 'err' } *> $null
'after all redirect'
# CHECK: after all redirect
$r = Write-Error 'captured' 2>&1
$r.GetType().Name
# CHECK: ErrorRecord
"$r"
# CHECK: captured
$r.Exception.Message
# CHECK: captured
$all = & { 'o1'; Write-Error 'e1'; 'o2' } 2>&1
$all.Count
# CHECK: 3
$all | ForEach-Object { "$_" }
# CHECK: o1
# CHECK: e1
# CHECK: o2
