# Static members: [string]::..., [math]::..., [int]::Parse and [int]::MaxValue
[string]::IsNullOrEmpty('')
# CHECK: True
[string]::IsNullOrEmpty($null)
# CHECK: True
[string]::IsNullOrEmpty('a')
# CHECK: False
[string]::IsNullOrWhiteSpace('   ')
# CHECK: True
[string]::IsNullOrWhiteSpace(' x ')
# CHECK: False
[string]::Join(',', @('a', 'b', 'c'))
# CHECK: a,b,c
[string]::Join('-', (1..3))
# CHECK: 1-2-3
[string]::Format('{0}-{1}', 'a', 'b')
# CHECK: a-b
# [math]::Round uses banker's rounding by default
[math]::Round(2.5)
# CHECK: 2
[math]::Round(3.5)
# CHECK: 4
[math]::Round(2.567, 2)
# CHECK: 2.57
[math]::Floor(2.7)
# CHECK: 2
[math]::Floor(-2.5)
# CHECK: -3
[math]::Ceiling(2.1)
# CHECK: 3
[math]::Ceiling(-2.5)
# CHECK: -2
[math]::Max(10, 20)
# CHECK: 20
[math]::Min(-1, 4)
# CHECK: -1
[math]::Abs(-7)
# CHECK: 7
[math]::Abs(-7.5)
# CHECK: 7.5
[math]::Pow(2, 10)
# CHECK: 1024
[math]::Sqrt(81)
# CHECK: 9
[int]::Parse('123') + 1
# CHECK: 124
[int]::MaxValue
# CHECK: 2147483647
[int]::MinValue
# CHECK: -2147483648
[long]::MaxValue
# CHECK: 9223372036854775807
