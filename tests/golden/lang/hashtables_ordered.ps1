# Ordered dictionaries: [ordered] keeps insertion order and compares keys case-insensitively
$o = [ordered]@{ z = 1; y = 2; x = 3 }
$o.Keys -join ','
# CHECK: z,y,x
$o.Values -join ','
# CHECK: 1,2,3
$o.GetType().Name
# CHECK: OrderedDictionary
$o.Count
# CHECK: 3
$o['Y']
# CHECK: 2
$o.x
# CHECK: 3
$o.w = 0
$o.Keys -join ','
# CHECK: z,y,x,w
$o.Remove('y')
$o.Keys -join ','
# CHECK: z,x,w
foreach ($k in $o.Keys) { "$k=$($o[$k])" }
# CHECK: z=1
# CHECK: x=3
# CHECK: w=0
