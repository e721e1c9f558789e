# .GetType().Name of common values
(1).GetType().Name
# CHECK: Int32
(1L).GetType().Name
# CHECK: Int64
(1.5).GetType().Name
# CHECK: Double
'a'.GetType().Name
# CHECK: String
$true.GetType().Name
# CHECK: Boolean
@().GetType().Name
# CHECK: Object[]
@(1, 2).GetType().FullName
# CHECK: System.Object[]
@{}.GetType().Name
# CHECK: Hashtable
([ordered]@{}).GetType().Name
# CHECK: OrderedDictionary
([pscustomobject]@{ a = 1 }).GetType().Name
# CHECK: PSCustomObject
$sb = { 1 }
$sb.GetType().Name
# CHECK: ScriptBlock
(Get-Date).GetType().Name
# CHECK: DateTime
([char]'a').GetType().Name
# CHECK: Char
('abc'[0]).GetType().Name
# CHECK: Char
(1..3).GetType().Name
# CHECK: Object[]
([timespan]'00:01:00').GetType().Name
# CHECK: TimeSpan
([regex]'x').GetType().Name
# CHECK: Regex
