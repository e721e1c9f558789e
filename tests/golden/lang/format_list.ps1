# Default formatting: a pscustomobject with 5 or more properties prints as a list
# (names padded to the longest name, then ' : ', blank line before and after)
[pscustomobject]@{ Name = 'web01'; Port = 80; Role = 'frontend'; Enabled = $true; Zone = 'east' }
# CHECK:
# CHECK: Name    : web01
# CHECK: Port    : 80
# CHECK: Role    : frontend
# CHECK: Enabled : True
# CHECK: Zone    : east
# CHECK:
