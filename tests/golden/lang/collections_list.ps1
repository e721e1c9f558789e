# ArrayList and List[T]: resizable collections admins use instead of `+=`.
# ArrayList.Add returns the new index (hence the usual `| Out-Null`); List[T].Add returns
# nothing (System.Collections.ArrayList.Add / List<T>.Add reference pages).
$l = New-Object System.Collections.ArrayList
$l.Add('NODE1') | Out-Null
$i = $l.Add('NODE2')
$i
# CHECK: 1
$l.Count
# CHECK: 2
$l.GetType().Name
# CHECK: ArrayList
$l.Remove('NODE1')
$l -join ','
# CHECK: NODE2
$l.Insert(0, 'NODE0')
$l -join ','
# CHECK: NODE0,NODE2
$l.RemoveAt(1)
$l.Count
# CHECK: 1
$g = [System.Collections.Generic.List[string]]::new()
$g.Add('EVS1')
$g.Add('EVS2')
$g.Count
# CHECK: 2
$g.GetType().Name
# CHECK: List`1
$c = [System.Collections.ArrayList]@(1, 2, 3)
$c.Contains(2)
# CHECK: True
$c.IndexOf(3)
# CHECK: 2
$c.Clear()
$c.Count
# CHECK: 0
# A cast to a typed array keeps the element type.
$sa = [string[]](1, 2)
$sa.GetType().Name
# CHECK: String[]
# `+=` always makes a new Object[] (about_Arrays).
$sa += 3
$sa.GetType().Name
# CHECK: Object[]
$l -is [System.Collections.ArrayList]
# CHECK: True
$l -is [array]
# CHECK: False
# Arrays are fixed size.
try { @(1, 2).Add(3) } catch { $_.Exception.Message }
# CHECK: Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."
$Error.Clear()
$Error.Count
# CHECK: 0
