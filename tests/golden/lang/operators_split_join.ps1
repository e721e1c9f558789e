# -split (regex, max count, captures, case variants, unary) and -join (binary and unary)
'a,b,c' -split ','
# CHECK: a
# CHECK: b
# CHECK: c
('a,b,c' -split ',').Count
# CHECK: 3
# about_Split: the delimiter is a regular expression, so '.' matches every character
('a.b.c' -split '.').Count
# CHECK: 6
('a.b.c' -split '\.') -join '|'
# CHECK: a|b|c
'a.b.c'.Split('.') -join '|'
# CHECK: a|b|c
('a1b2c3' -split '\d').Count
# CHECK: 4
('a,b,c,d' -split ',', 2) -join '|'
# CHECK: a|b,c,d
('aXbxc' -split 'x') -join '|'
# CHECK: a|b|c
('aXbxc' -csplit 'x') -join '|'
# CHECK: aXb|c
('a1b' -split '(\d)') -join '|'
# CHECK: a|1|b
# about_Split: unary -split splits on whitespace and ignores leading and trailing whitespace
(-split '  one  two   three ') -join '|'
# CHECK: one|two|three
('' -split ',').Count
# CHECK: 1
1, 2, 3 -join '-'
# CHECK: 1-2-3
-join ('a', 'b', 'c')
# CHECK: abc
'a', 'b' -join ', '
# CHECK: a, b
(1..3) -join ''
# CHECK: 123
# about_Join: unary -join binds tighter than the comma, so this is (-join 'a'), 'b'
-join 'a', 'b'
# CHECK: a
# CHECK: b
(-join 'a', 'b').Count
# CHECK: 2
(-split 'x y', 'z').Count
# CHECK: 2
$parts = 'k1=v1;k2=v2' -split ';'
$parts[1] -split '='
# CHECK: k2
# CHECK: v2
