# Member enumeration: a property or method used on an array is collected from each element
$servers = @(
    [pscustomobject]@{ Name = 'web01'; Port = 80 }
    [pscustomobject]@{ Name = 'db01'; Port = 5432 }
)
$servers.Name -join ','
# CHECK: web01,db01
$servers.Port
# CHECK: 80
# CHECK: 5432
$servers.Count
# CHECK: 2
# about_Member-Access_Enumeration: the array's own Length wins over enumeration
('abc', 'de').Length
# CHECK: 2
('abc', 'de') | ForEach-Object Length
# CHECK: 3
# CHECK: 2
('ab', 'c').ToUpper() -join ','
# CHECK: AB,C
(@{ a = 1 }, @{ a = 2 }).a -join ','
# CHECK: 1,2
@($servers | Where-Object Port -gt 100).Name
# CHECK: db01
$nested = [pscustomobject]@{ Inner = [pscustomobject]@{ Value = 'deep' } }
$nested.Inner.Value
# CHECK: deep
