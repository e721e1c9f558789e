# Script blocks: & (child scope), . (current scope), .Invoke(), param blocks, $args, process blocks
$sb = { 'hello from block' }
& $sb
# CHECK: hello from block
$sb.Invoke()
# CHECK: hello from block
. $sb
# CHECK: hello from block
$add = { param($a, $b) $a + $b }
& $add 2 3
# CHECK: 5
$add.Invoke(4, 5)
# CHECK: 9
$twice = { $args[0] * 2 }
& $twice 21
# CHECK: 42
$sq = { param([int]$n = 3) $n * $n }
& $sq
# CHECK: 9
& $sq 5
# CHECK: 25
$x = 1
& { $x = 2 }
$x
# CHECK: 1
. { $x = 3 }
$x
# CHECK: 3
1, 2 | & { process { $_ * 10 } }
# CHECK: 10
# CHECK: 20
# ForEach-Object runs its script block in the caller's scope
$total = 0
1..4 | ForEach-Object { $total += $_ }
$total
# CHECK: 10
$r = { 1; 2; 3 }.Invoke()
$r.Count
# CHECK: 3
$blocks = @{ greet = { param($n) "hi $n" } }
$greet = $blocks.greet
& $greet 'bob'
# CHECK: hi bob
