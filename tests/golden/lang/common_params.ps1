# Common parameters: -OutVariable, -ErrorVariable, -ErrorAction, -WarningAction, -WhatIf, -Confirm:$false
Write-Output 'kept' -OutVariable ov | Out-Null
$ov
# CHECK: kept
Write-Error 'quiet' -ErrorAction SilentlyContinue -ErrorVariable ev
$ev.Count
# CHECK: 1
$ev[0].Exception.Message
# CHECK: quiet
Write-Warning 'warned' -WarningAction SilentlyContinue
'after warning'
# CHECK: after warning
Write-Verbose 'not shown without -Verbose'
'after verbose'
# CHECK: after verbose
Set-Variable -Name wi -Value 1 -WhatIf
# CHECK: What if: Performing the operation "Set variable" on target "Name: wi Value: 1".
$null -eq $wi
# CHECK: True
Set-Variable -Name wc -Value 2 -Confirm:$false
$wc
# CHECK: 2
try { Write-Error 'promoted' -ErrorAction Stop } catch { "caught: $($_.Exception.Message)" }
# CHECK: caught: promoted
$Error.Clear()
Write-Error 'ignored' -ErrorAction Ignore
$Error.Count
# CHECK: 0
Write-Error 'silent' -ErrorAction SilentlyContinue
$Error.Count
# CHECK: 1
$Error[0].Exception.Message
# CHECK: silent
