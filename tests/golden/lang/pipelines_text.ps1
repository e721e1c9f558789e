# Select-String (about Select-String): regex by default, case-insensitive, MatchInfo
# objects that print as their line.
'NODE1 Up', 'NODE2 Down', 'node3 up' | Select-String 'up$'
# CHECK: NODE1 Up
# CHECK: node3 up
('NODE1 Up', 'NODE2 Down' | Select-String 'down').LineNumber
# CHECK: 2
('a.b', 'axb' | Select-String '.' -SimpleMatch).Line
# CHECK: a.b
'x1y22' | Select-String '\d+' -AllMatches | ForEach-Object { $_.Matches.Value -join '+' }
# CHECK: 1+22
'abc' | Select-String 'B' -CaseSensitive -Quiet
# CHECK: False
'abc', 'def' | Select-String 'e' -NotMatch -Raw
# CHECK: abc
