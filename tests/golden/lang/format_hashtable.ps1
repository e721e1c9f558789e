# Default formatting of a dictionary: Name/Value table, Name column 30 characters wide
[ordered]@{ a = 1; bb = 'two' }
# CHECK:
# CHECK: Name                           Value
# CHECK: ----                           -----
# CHECK: a                              1
# CHECK: bb                             two
# CHECK:
