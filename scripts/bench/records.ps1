# 100,000 [pscustomobject] records through Where-Object, Sort-Object and Measure-Object.
$records = foreach ($i in 1..100000) { [pscustomobject]@{ Id = $i; Size = ($i * 7919) % 1000; Name = "n$i" } }
$records | Where-Object { $_.Size -gt 500 } | Sort-Object Size | Measure-Object -Property Size -Sum | ForEach-Object Sum
