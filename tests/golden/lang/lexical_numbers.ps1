# Lexical: integer, hex, real, exponent and KB/MB/GB/TB multiplier literals and their types
42
# CHECK: 42
0x2A
# CHECK: 42
0xff
# CHECK: 255
3.14
# CHECK: 3.14
1e3
# CHECK: 1000
1.5e2
# CHECK: 150
-7
# CHECK: -7
1KB
# CHECK: 1024
1kb + 1
# CHECK: 1025
1MB
# CHECK: 1048576
1GB
# CHECK: 1073741824
1TB
# CHECK: 1099511627776
2.5KB
# CHECK: 2560
(42).GetType().Name
# CHECK: Int32
(0x2A).GetType().Name
# CHECK: Int32
(3.14).GetType().Name
# CHECK: Double
(1e3).GetType().Name
# CHECK: Double
(1GB).GetType().Name
# CHECK: Int32
(1TB).GetType().Name
# CHECK: Int64
(2.5KB).GetType().Name
# CHECK: Double
# about_Numeric_Literals: a literal too large for Int32 is an Int64
(2147483648).GetType().Name
# CHECK: Int64
(42L).GetType().Name
# CHECK: Int64
