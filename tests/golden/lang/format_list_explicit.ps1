# Format-List on a small object
[pscustomobject]@{ A = 1; Bb = 'two' } | Format-List
# CHECK:
# CHECK: A  : 1
# CHECK: Bb : two
# CHECK:
