# [pscustomobject]: property access, order kept from the literal, string form, assignment, New-Object PSObject
$p = [pscustomobject]@{ Name = 'web01'; Port = 80 }
$p.Name
# CHECK: web01
$p.Port
# CHECK: 80
$p.name
# CHECK: web01
$p.GetType().Name
# CHECK: PSCustomObject
"$p"
# CHECK: @{Name=web01; Port=80}
$p.Port = 8080
$p.Port
# CHECK: 8080
$null -eq $p.Missing
# CHECK: True
$q = [pscustomobject]@{ z = 1; a = 2; m = 3 }
"$q"
# CHECK: @{z=1; a=2; m=3}
# Get-Member sorts members by name
($q | Get-Member -MemberType NoteProperty).Name -join ','
# CHECK: a,m,z
$n = New-Object PSObject -Property ([ordered]@{ A = 1; B = 'two' })
"$n"
# CHECK: @{A=1; B=two}
$n.B
# CHECK: two
$list = @(
    [pscustomobject]@{ N = 1 }
    [pscustomobject]@{ N = 2 }
)
($list | ForEach-Object { $_.N * 10 }) -join ','
# CHECK: 10,20
$copy = $p
$copy.Name = 'renamed'
$p.Name
# CHECK: renamed
