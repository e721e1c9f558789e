# Write-Host writes to the console (stdout) in order with pipeline output; -NoNewline, several arguments
Write-Host 'plain'
# CHECK: plain
Write-Host 'no newline, ' -NoNewline
Write-Host 'continued'
# CHECK: no newline, continued
Write-Host 'a' 'b' 'c'
# CHECK: a b c
Write-Host 1, 2, 3
# CHECK: 1 2 3
Write-Host ''
# CHECK:
Write-Host
# CHECK:
'pipeline output'
# CHECK: pipeline output
Write-Host "interleaved $(1 + 1)"
# CHECK: interleaved 2
Write-Output 'output after host'
# CHECK: output after host
echo 'echo is Write-Output'
# CHECK: echo is Write-Output
Write-Output 'x', 'y'
# CHECK: x
# CHECK: y
Write-Output -InputObject 'single'
# CHECK: single
