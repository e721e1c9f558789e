# The same 100,000 strings built with += on an array.
$parts = @()
foreach ($i in 1..100000) { $parts += "item$i" }
($parts -join ',').Length
