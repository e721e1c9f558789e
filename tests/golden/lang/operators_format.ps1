# The -f format operator: indexes, alignment {0,5}, format strings {0:N2} {0:D3}, escaped braces
'{0} and {1}' -f 'a', 'b'
# CHECK: a and b
'{1}{0}' -f 'x', 'y'
# CHECK: yx
'{0}{0}' -f 'r'
# CHECK: rr
'[{0,5}]' -f 42
# CHECK: [   42]
'[{0,-5}]' -f 42
# CHECK: [42   ]
'[{0,6}]' -f 'ab'
# CHECK: [    ab]
'{0:N2}' -f 1234.5
# CHECK: 1,234.50
'{0:N0}' -f 1234567
# CHECK: 1,234,567
'{0:D3}' -f 7
# CHECK: 007
'{0:D5}' -f 42
# CHECK: 00042
'{0:F2}' -f 2
# CHECK: 2.00
'{0:F1}' -f 3.14159
# CHECK: 3.1
'{0:0.00}' -f 3.14159
# CHECK: 3.14
'{0:X}' -f 255
# CHECK: FF
'{0:x4}' -f 255
# CHECK: 00ff
'[{0,8:N2}]' -f 3.5
# CHECK: [    3.50]
'{{0}} is {0}' -f 'literal'
# CHECK: {0} is literal
'Name: {0}' -f $null
# CHECK: Name:
'{0:yyyy-MM-dd}' -f [datetime]'2024-01-15'
# CHECK: 2024-01-15
$fmt = '{0}-{1}'
$fmt -f 1, 2
# CHECK: 1-2
"{0}" -f 'double quoted'
# CHECK: double quoted
[string]::Format('{0} of {1}', 3, 10)
# CHECK: 3 of 10
