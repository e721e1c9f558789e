# String expansion: $var, ${var}, $var.Prop is not expanded, $( ), arrays joined with $OFS, hashtables and objects
$name = 'World'
"Hello $name"
# CHECK: Hello World
'Hello $name'
# CHECK: Hello $name
# about_Quoting_Rules: only the variable is expanded, .Length stays literal
"$name.Length"
# CHECK: World.Length
"$($name.Length)"
# CHECK: 5
"${name}s"
# CHECK: Worlds
"$name's"
# CHECK: World's
"Sum: $(1 + 2)"
# CHECK: Sum: 3
"Items: $(1..3 -join '/')"
# CHECK: Items: 1/2/3
$a = 1, 2, 3
"$a"
# CHECK: 1 2 3
"$a[0]"
# CHECK: 1 2 3[0]
"$($a[0])"
# CHECK: 1
$OFS = '-'
"$a"
# CHECK: 1-2-3
$OFS = ' '
$h = @{ k = 'v' }
"$h.k"
# CHECK: System.Collections.Hashtable.k
"$($h.k)"
# CHECK: v
$o = [pscustomobject]@{ Name = 'x'; Port = 80 }
"$o"
# CHECK: @{Name=x; Port=80}
"[$null]"
# CHECK: []
"[$undefinedVariable]"
# CHECK: []
$n = 42
"n=$n, double=$($n * 2)"
# CHECK: n=42, double=84
"$true $false"
# CHECK: True False
"half: $(1 / 2)"
# CHECK: half: 0.5
$e = 'EXSH'
"${e}_suffix"
# CHECK: EXSH_suffix
# the underscore is part of the variable name, and $e_suffix is not defined
"[$e_suffix]"
# CHECK: []
"$e$e"
# CHECK: EXSHEXSH
