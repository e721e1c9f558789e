# Loops: foreach, for, while, do/while, do/until, break, continue, loops as values
foreach ($i in 1..3) { "i=$i" }
# CHECK: i=1
# CHECK: i=2
# CHECK: i=3
foreach ($c in 'a', 'b') { $c.ToUpper() }
# CHECK: A
# CHECK: B
for ($i = 0; $i -lt 3; $i++) { "for $i" }
# CHECK: for 0
# CHECK: for 1
# CHECK: for 2
for ($i = 10; $i -gt 0; $i -= 4) { $i }
# CHECK: 10
# CHECK: 6
# CHECK: 2
$i = 0
while ($i -lt 3) { $i; $i++ }
# CHECK: 0
# CHECK: 1
# CHECK: 2
$i = 0
do { "do $i"; $i++ } while ($i -lt 2)
# CHECK: do 0
# CHECK: do 1
$i = 5
do { "runs once $i" } while ($false)
# CHECK: runs once 5
$i = 0
do { $i++ } until ($i -ge 3)
$i
# CHECK: 3
foreach ($i in 1..10) { if ($i -eq 3) { break }; $i }
# CHECK: 1
# CHECK: 2
foreach ($i in 1..5) { if ($i % 2 -eq 0) { continue }; $i }
# CHECK: 1
# CHECK: 3
# CHECK: 5
$n = 0
for (;;) { $n++; if ($n -ge 4) { break } }
$n
# CHECK: 4
while ($false) { 'never' }
foreach ($x in @()) { 'never' }
foreach ($x in $null) { 'never' }
foreach ($x in 5) { "scalar $x" }
# CHECK: scalar 5
foreach ($s in 'abc') { "string $s" }
# CHECK: string abc
foreach ($k in 1..3) { }
$k
# CHECK: 3
$squares = foreach ($i in 1..4) { $i * $i }
$squares -join ','
# CHECK: 1,4,9,16
$evens = for ($i = 0; $i -lt 6; $i += 2) { $i }
$evens -join ','
# CHECK: 0,2,4
$sum = 0
for ($i = 1; $i -le 10; $i++) { $sum += $i }
$sum
# CHECK: 55
foreach ($i in 1..2) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { break }
        "$i$j"
    }
}
# CHECK: 11
# CHECK: 21
