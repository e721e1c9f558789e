# Default formatting: a pscustomobject with fewer than 5 properties prints as a table
# (blank line, header, dashes as long as each header, rows, blank line; one space between columns)
[pscustomobject]@{ A = 1; B = 'x' }
# CHECK:
# CHECK: A B
# CHECK: - -
# CHECK: 1 x
# CHECK:
