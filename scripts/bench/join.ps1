# 100,000 strings built in a foreach and -joined.
$parts = foreach ($i in 1..100000) { "item$i" }
($parts -join ',').Length
