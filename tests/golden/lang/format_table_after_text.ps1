# Scalars written before a table print first; the table still starts with a blank line
'report'
[pscustomobject]@{ Host = 'n1'; State = 'Up' }
# CHECK: report
# CHECK:
# CHECK: Host State
# CHECK: ---- -----
# CHECK: n1   Up
# CHECK:
