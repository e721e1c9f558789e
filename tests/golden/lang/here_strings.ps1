# Here-strings: literal @' '@ and expanding @" "@
$name = 'World'
$lit = @'
Hello $name
'single' and "double" quotes
'@
$lit
# CHECK: Hello $name
# CHECK: 'single' and "double" quotes
$exp = @"
Hello $name
Sum: $(1 + 1)
Quote: "inner" and 'single'
"@
$exp
# CHECK: Hello World
# CHECK: Sum: 2
# CHECK: Quote: "inner" and 'single'
$exp.StartsWith('Hello')
# CHECK: True
$lines = @'
one
two
three
'@
($lines -split "`n").Count
# CHECK: 3
$esc = @"
Literal `$name here
"@
$esc
# CHECK: Literal $name here
$empty = @'
'@
$empty.Length
# CHECK: 0
