# switch modes: -Wildcard, -Regex (fills $Matches), -Exact, -CaseSensitive
switch -Wildcard ('server01') { 'web*' { 'web' } 'server*' { 'server' } '*01' { 'ends in 01' } }
# CHECK: server
# CHECK: ends in 01
switch -Wildcard ('DB-1') { 'db-?' { 'db wildcard' } }
# CHECK: db wildcard
switch -Regex ('abc123') { '^\d+$' { 'all digits' } '\d+' { "digits: $($Matches[0])" } }
# CHECK: digits: 123
switch -Regex ('a1', 'b2', 'c') { '\d' { "num: $_" } default { "none: $_" } }
# CHECK: num: a1
# CHECK: num: b2
# CHECK: none: c
switch -Exact ('a*') { 'a*' { 'literal match' } }
# CHECK: literal match
switch -Exact ('abc') { 'a*' { 'wildcard' } default { 'no wildcard in -Exact' } }
# CHECK: no wildcard in -Exact
switch ('abc') { 'a*' { 'wildcard' } default { 'plain switch is exact' } }
# CHECK: plain switch is exact
switch -CaseSensitive ('b') { 'B' { 'upper' } 'b' { 'lower' } }
# CHECK: lower
switch -Wildcard -CaseSensitive ('ABC') { 'a*' { 'lower' } 'A*' { 'upper' } }
# CHECK: upper
switch -Regex -CaseSensitive ('Hello') { '^h' { 'lower h' } '^H' { 'upper H' } }
# CHECK: upper H
