# Hashtables: literal, key access, case-insensitive keys, Count/Keys/Values/ContainsKey/Add/Remove, nesting, references
$h = @{ a = 1; b = 'x' }
$h.a
# CHECK: 1
$h['b']
# CHECK: x
$h.A
# CHECK: 1
$h['B']
# CHECK: x
$h.Count
# CHECK: 2
$h.ContainsKey('a')
# CHECK: True
$h.ContainsKey('A')
# CHECK: True
$h.ContainsKey('z')
# CHECK: False
$h.Add('c', 3)
$h.c
# CHECK: 3
$h.Count
# CHECK: 3
$h.Remove('a')
$h.ContainsKey('a')
# CHECK: False
$h.Count
# CHECK: 2
$h.d = 4
$h['e'] = 5
($h.Keys | Sort-Object) -join ','
# CHECK: b,c,d,e
$h.Keys.Count
# CHECK: 4
$null -eq $h.missing
# CHECK: True
$h.GetType().Name
# CHECK: Hashtable
$ci = @{}
$ci['Key'] = 1
$ci['KEY'] = 2
$ci.Count
# CHECK: 1
$ci['key']
# CHECK: 2
@{}.Count
# CHECK: 0
$n = @{ inner = @{ v = 42 } }
$n.inner.v
# CHECK: 42
$n['inner']['v']
# CHECK: 42
$q = @{ 'my key' = 'spaced' }
$q.'my key'
# CHECK: spaced
$q['my key']
# CHECK: spaced
$num = @{ 1 = 'one'; 2 = 'two' }
$num[2]
# CHECK: two
$merged = @{ a = 1 } + @{ b = 2 }
$merged.Count
# CHECK: 2
$ref = $h
$ref.z = 26
$h.ContainsKey('z')
# CHECK: True
$vals = @{ x = 1; y = 2; z = 3 }
($vals.Values | Measure-Object -Sum).Sum
# CHECK: 6
$vals.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }
# CHECK: x=1
# CHECK: y=2
# CHECK: z=3
# GetEnumerator() entries display as Name/Value (the DictionaryEntry view).
$h = @{ b = 2; a = 1 }
$h.GetEnumerator() | Sort-Object Name
# CHECK:
# CHECK: Name                           Value
# CHECK: ----                           -----
# CHECK: a                              1
# CHECK: b                              2
# CHECK:
