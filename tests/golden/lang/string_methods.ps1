# .NET string methods (case-sensitive, literal) as listed in LANGUAGE.md
$s = 'Hello, World'
$s.Length
# CHECK: 12
$s.Substring(7)
# CHECK: World
$s.Substring(0, 5)
# CHECK: Hello
$s.IndexOf('o')
# CHECK: 4
$s.IndexOf('World')
# CHECK: 7
$s.IndexOf('z')
# CHECK: -1
$s.LastIndexOf('o')
# CHECK: 8
'abc'.IndexOf('c', 1)
# CHECK: 2
$s.Contains('World')
# CHECK: True
$s.Contains('world')
# CHECK: False
$s.StartsWith('Hell')
# CHECK: True
$s.StartsWith('hell')
# CHECK: False
$s.EndsWith('!')
# CHECK: False
$s.EndsWith('World')
# CHECK: True
$s.ToUpper()
# CHECK: HELLO, WORLD
$s.ToLower()
# CHECK: hello, world
$s.Replace('World', 'There')
# CHECK: Hello, There
'hello'.Replace('l', '')
# CHECK: heo
$s.Split(',') -join '|'
# CHECK: Hello| World
'a-b-c'.Split('-')[1]
# CHECK: b
'a,b,,c'.Split(',').Count
# CHECK: 4
"[$('  pad  '.Trim())]"
# CHECK: [pad]
"[$('  pad  '.TrimStart())]"
# CHECK: [pad  ]
"[$('  pad  '.TrimEnd())]"
# CHECK: [  pad]
'xxhixx'.Trim('x')
# CHECK: hi
'007'.TrimStart('0')
# CHECK: 7
# String.TrimEnd(char[]) trims any of the characters, it does not remove a suffix
'bank.bak'.TrimEnd('.bak')
# CHECK: ban
'7'.PadLeft(3, '0')
# CHECK: 007
'ab'.PadRight(5, '.')
# CHECK: ab...
"[$('ab'.PadLeft(4))]"
# CHECK: [  ab]
"[$('ab'.PadRight(4))]"
# CHECK: [ab  ]
'abc'.Equals('abc')
# CHECK: True
'abc'.Equals('ABC')
# CHECK: False
(42).ToString()
# CHECK: 42
(255).ToString('X')
# CHECK: FF
(3.14159).ToString('0.00')
# CHECK: 3.14
'text'.ToString()
# CHECK: text
$s.GetType().Name
# CHECK: String
