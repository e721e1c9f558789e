# if / elseif / else, if as a value, assignment in a condition, braces and else on new lines
$n = 5
if ($n -gt 3) { 'big' }
# CHECK: big
if ($n -gt 10) { 'huge' } elseif ($n -gt 3) { 'medium' } else { 'small' }
# CHECK: medium
if ($n -lt 0) { 'negative' } else { 'non-negative' }
# CHECK: non-negative
if ($n -eq 1) { 'one' } elseif ($n -eq 2) { 'two' } elseif ($n -eq 5) { 'five' } else { 'other' }
# CHECK: five
$r = if ($n % 2) { 'odd' } else { 'even' }
$r
# CHECK: odd
if ($null) { 'null is true' }
if (-not $null) { 'null is false' }
# CHECK: null is false
if ($n -gt 1 -and $n -lt 10) { 'in range' }
# CHECK: in range
if ($m = 3) { "assigned $m" }
# CHECK: assigned 3
if ($n) {
    if ($n -gt 4) { 'nested' }
}
# CHECK: nested
if ('') { 'x' } else { 'empty string is false' }
# CHECK: empty string is false
if ($n -gt 3)
{
    'brace on next line'
}
# CHECK: brace on next line
if ($false) {
    'no'
}
elseif ($true) {
    'elseif on its own line'
}
else {
    'no'
}
# CHECK: elseif on its own line
