# Labeled break and continue across nested loops and out of a switch
:outer foreach ($i in 1..3) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { continue outer }
        if ($i -eq 3) { break outer }
        "$i-$j"
    }
}
'done'
# CHECK: 1-1
# CHECK: 2-1
# CHECK: done
$k = 0
:spin while ($true) {
    $k++
    if ($k -ge 3) { break spin }
}
$k
# CHECK: 3
:rows for ($r = 0; $r -lt 3; $r++) {
    switch ($r) {
        1 { break rows }
        default { "row $r" }
    }
}
'after rows'
# CHECK: row 0
# CHECK: after rows
:a foreach ($i in 1..2) {
    :b foreach ($j in 1..3) {
        if ($j -eq 3) { continue a }
        "$i/$j"
    }
    'not reached'
}
# CHECK: 1/1
# CHECK: 1/2
# CHECK: 2/1
# CHECK: 2/2
$count = 0
:retry do {
    $count++
    foreach ($x in 1..5) {
        if ($x -eq 2) { continue retry }
    }
} while ($count -lt 3)
$count
# CHECK: 3
