# ForEach-Object: script block, -Begin/-Process/-End, several positional blocks, member-name form, -MemberName/-ArgumentList
1..3 | ForEach-Object { $_ * 10 }
# CHECK: 10
# CHECK: 20
# CHECK: 30
1..3 | ForEach-Object -Process { "p$_" }
# CHECK: p1
# CHECK: p2
# CHECK: p3
1..3 | ForEach-Object -Begin { $sum = 0 } -Process { $sum += $_ } -End { "sum=$sum" }
# CHECK: sum=6
# about ForEach-Object: with three script blocks the first is begin and the last is end
1..2 | ForEach-Object { 'begin' } { "process $_" } { 'end' }
# CHECK: begin
# CHECK: process 1
# CHECK: process 2
# CHECK: end
'a', 'b' | ForEach-Object ToUpper
# CHECK: A
# CHECK: B
[pscustomobject]@{ Name = 'web' }, [pscustomobject]@{ Name = 'db' } | ForEach-Object Name
# CHECK: web
# CHECK: db
'a.b' | ForEach-Object -MemberName Split -ArgumentList '.'
# CHECK: a
# CHECK: b
'x' | ForEach-Object { $PSItem + $_ }
# CHECK: xx
$null | ForEach-Object { 'ran once for $null' }
# CHECK: ran once for $null
@() | ForEach-Object { 'never' }
1..4 | ForEach-Object { if ($_ -eq 3) { return }; $_ }
# CHECK: 1
# CHECK: 2
# CHECK: 4
(1..3 | ForEach-Object { $_ }).GetType().Name
# CHECK: Object[]
