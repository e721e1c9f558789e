# Lexical: line and block comments, backtick continuation, implicit continuation, statement separators
# a full-line comment
Write-Output 'one' # trailing comment
# CHECK: one
<# a block comment
   spanning two lines #>
Write-Output 'two'
# CHECK: two
Write-Output <# inline block comment #> 'three'
# CHECK: three
# '#' only starts a comment at the start of a token
Write-Output a#b
# CHECK: a#b
'hash # inside a string'
# CHECK: hash # inside a string
'x'; 'y'
# CHECK: x
# CHECK: y
$sum = 1 +
    2
$sum
# CHECK: 3
Write-Output `
    'continued'
# CHECK: continued
$list = 1,
    2,
    3
$list.Count
# CHECK: 3
$doubled = 1, 2, 3 |
    ForEach-Object { $_ * 2 }
$doubled -join ','
# CHECK: 2,4,6
$h = @{
    a = 1
    b = 2
}
$h.a + $h.b
# CHECK: 3
$g = (
    40 + 2
)
$g
# CHECK: 42
$arr = @(
    'p'
    'q'
)
$arr -join '+'
# CHECK: p+q
