# Recursive fib(25).
function fib([int]$n) { if ($n -lt 2) { return $n } (fib ($n - 1)) + (fib ($n - 2)) }
fib 25
