# Sum of 1..1,000,000 in a for loop.
$sum = 0
for ($i = 1; $i -le 1000000; $i++) { $sum += $i }
$sum
