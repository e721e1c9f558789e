# switch on values: default, multiple matches, break, continue, array input, $_ and $PSItem, switch as a value
switch (2) { 1 { 'one' } 2 { 'two' } 3 { 'three' } }
# CHECK: two
switch (4) { 1 { 'one' } default { 'other' } }
# CHECK: other
switch ('b') { 'A' { 'a' } 'B' { 'b matched' } }
# CHECK: b matched
switch (1) { 1 { 'first' } 1 { 'second' } }
# CHECK: first
# CHECK: second
switch (1) { 1 { 'first'; break } 1 { 'second' } }
# CHECK: first
switch (1, 2, 3) { 2 { 'two' } default { "d$_" } }
# CHECK: d1
# CHECK: two
# CHECK: d3
switch (1, 2, 3) { 2 { 'stop'; break } default { "d$_" } }
# CHECK: d1
# CHECK: stop
switch (1, 2, 3) { 2 { 'two'; continue } { $_ -ge 2 } { "ge2 $_" } }
# CHECK: two
# CHECK: ge2 3
switch ('x') { default { "got $_ and $PSItem" } }
# CHECK: got x and x
switch ('10') { 10 { 'ten' } }
# CHECK: ten
switch (4) { (2 + 2) { 'four' } }
# CHECK: four
switch (15) {
    { $_ -gt 10 } { 'gt10' }
    { $_ % 5 -eq 0 } { 'div5' }
    { $_ -lt 0 } { 'negative' }
}
# CHECK: gt10
# CHECK: div5
switch (7) { { $_ % 2 } { 'odd' } 7 { 'seven' } }
# CHECK: odd
# CHECK: seven
$r = switch (3) { 1 { 'one' } 3 { 'three' } }
$r
# CHECK: three
$many = switch (1, 2) { default { $_ * 10 } }
$many -join ','
# CHECK: 10,20
switch (@()) { default { 'never' } }
function Get-Kind($v) { switch ($v) { 1 { return 'one' } default { return 'other' } } }
Get-Kind 1
# CHECK: one
Get-Kind 9
# CHECK: other
