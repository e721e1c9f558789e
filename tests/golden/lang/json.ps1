# ConvertTo-Json (indented, -Compress, -Depth) and ConvertFrom-Json
# indented lines are prefixed with '|' so that no expected line starts with spaces
(@{ a = 1 } | ConvertTo-Json) -split '\r?\n' | ForEach-Object { "|$_" }
# CHECK: |{
# CHECK: |  "a": 1
# CHECK: |}
$j = [ordered]@{ name = 'web'; tags = @('a', 'b'); meta = [ordered]@{ zone = 'east' } } | ConvertTo-Json
$j -split '\r?\n' | ForEach-Object { "|$_" }
# CHECK: |{
# CHECK: |  "name": "web",
# CHECK: |  "tags": [
# CHECK: |    "a",
# CHECK: |    "b"
# CHECK: |  ],
# CHECK: |  "meta": {
# CHECK: |    "zone": "east"
# CHECK: |  }
# CHECK: |}
[ordered]@{ name = 'web'; port = 80; tags = @('a', 'b'); meta = [ordered]@{ zone = 'east' } } | ConvertTo-Json -Compress
# CHECK: {"name":"web","port":80,"tags":["a","b"],"meta":{"zone":"east"}}
[pscustomobject]@{ Name = 'db'; Port = 5432; Enabled = $true; Note = $null } | ConvertTo-Json -Compress
# CHECK: {"Name":"db","Port":5432,"Enabled":true,"Note":null}
1, 2, 3 | ConvertTo-Json -Compress
# CHECK: [1,2,3]
ConvertTo-Json @('x', 'y') -Compress
# CHECK: ["x","y"]
'plain' | ConvertTo-Json
# CHECK: "plain"
42 | ConvertTo-Json
# CHECK: 42
@{ v = 1.5 } | ConvertTo-Json -Compress
# CHECK: {"v":1.5}
@{ q = 'say "hi"' } | ConvertTo-Json -Compress
# CHECK: {"q":"say \"hi\""}
# about ConvertTo-Json: objects nested deeper than -Depth are converted with ToString()
$deep = @{ l1 = @{ l2 = @{ l3 = 'bottom' } } }
$deep | ConvertTo-Json -Compress -Depth 1 -WarningAction SilentlyContinue
# CHECK: {"l1":{"l2":"System.Collections.Hashtable"}}
$deep | ConvertTo-Json -Compress -Depth 5
# CHECK: {"l1":{"l2":{"l3":"bottom"}}}
$obj = '{"name":"web","ports":[80,443],"meta":{"zone":"east"},"ok":true,"none":null}' | ConvertFrom-Json
$obj.name
# CHECK: web
$obj.ports -join ','
# CHECK: 80,443
$obj.ports.Count
# CHECK: 2
$obj.meta.zone
# CHECK: east
$obj.ok
# CHECK: True
$null -eq $obj.none
# CHECK: True
$obj.GetType().Name
# CHECK: PSCustomObject
$obj.ports[0].GetType().Name
# CHECK: Int64
$obj | ConvertTo-Json -Compress
# CHECK: {"name":"web","ports":[80,443],"meta":{"zone":"east"},"ok":true,"none":null}
(('[1,2,3]' | ConvertFrom-Json) | Measure-Object -Sum).Sum
# CHECK: 6
('{"v":2.5}' | ConvertFrom-Json).v
# CHECK: 2.5
