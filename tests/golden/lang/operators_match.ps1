# -match/-notmatch/-cmatch and $Matches (numbered and named groups), [regex] helpers
'hello world' -match 'o w'
# CHECK: True
'abc123def' -match '(\d+)'
# CHECK: True
$Matches[0]
# CHECK: 123
$Matches[1]
# CHECK: 123
'John Smith' -match '(?<first>\w+) (?<last>\w+)'
# CHECK: True
$Matches.first
# CHECK: John
$Matches['last']
# CHECK: Smith
'no digits' -match '\d'
# CHECK: False
# about_Comparison_Operators: a failed match does not overwrite $Matches
$Matches.first
# CHECK: John
'ABC' -match 'b'
# CHECK: True
$Matches[0]
# CHECK: B
'ABC' -cmatch 'b'
# CHECK: False
'ABC' -imatch 'b'
# CHECK: True
'x' -notmatch 'y'
# CHECK: True
'2024-01-15' -match '^(\d{4})-(\d{2})-(\d{2})$' | Out-Null
"$($Matches[3])/$($Matches[2])/$($Matches[1])"
# CHECK: 15/01/2024
$Matches.Count
# CHECK: 4
if ('server42' -match 'server(\d+)') { "id=$($Matches[1])" }
# CHECK: id=42
$r = [regex]'(\d+)'
$r.Match('abc 77 def').Groups[1].Value
# CHECK: 77
([regex]'\d').Matches('a1b2c3').Count
# CHECK: 3
[regex]::Escape('a.b*c')
# CHECK: a\.b\*c
[regex]::Replace('a-b-c', '-', '+')
# CHECK: a+b+c
