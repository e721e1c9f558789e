# -replace/-creplace/-ireplace: regular expressions, $1 and ${name} substitutions, chaining; .Replace() is literal
'hello' -replace 'l', 'L'
# CHECK: heLLo
'Hello' -replace 'h', 'J'
# CHECK: Jello
'Hello' -creplace 'h', 'J'
# CHECK: Hello
'Hello' -ireplace 'H', 'J'
# CHECK: Jello
'John Smith' -replace '(\w+) (\w+)', '$2, $1'
# CHECK: Smith, John
'2024-01-15' -replace '(?<y>\d+)-(?<m>\d+)-(?<d>\d+)', '${d}/${m}/${y}'
# CHECK: 15/01/2024
'abc' -replace '(b)', '[$1]'
# CHECK: a[b]c
'abc' -replace 'b', '$0$0'
# CHECK: abbc
'a.b.c' -replace '\.', '-'
# CHECK: a-b-c
# about_Comparison_Operators: '.' is a regex matching any character
'a.b.c' -replace '.', '-'
# CHECK: -----
'abc' -replace 'b'
# CHECK: ac
'a   b  c' -replace '\s+', ' '
# CHECK: a b c
'abc' -replace 'a', '1' -replace 'b', '2'
# CHECK: 12c
'price' -replace 'price', '$$9'
# CHECK: $9
'a.b' -replace [regex]::Escape('.'), '!'
# CHECK: a!b
'a.b'.Replace('.', '!')
# CHECK: a!b
'aaa' -replace 'a', 'bb'
# CHECK: bbbbbb
'server01' -replace '\d+$', ''
# CHECK: server
