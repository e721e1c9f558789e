# Built-in aliases: ? where % foreach select sort group measure ft fl echo cls gcm gm sleep
# (sort and sleep are aliases in Windows PowerShell 7, the platform exsh simulates)
(Get-Alias | Where-Object Name -eq '?').Definition
# CHECK: Where-Object
(Get-Alias where).Definition
# CHECK: Where-Object
(Get-Alias %).Definition
# CHECK: ForEach-Object
(Get-Alias foreach).Definition
# CHECK: ForEach-Object
(Get-Alias select).Definition
# CHECK: Select-Object
(Get-Alias sort).Definition
# CHECK: Sort-Object
(Get-Alias group).Definition
# CHECK: Group-Object
(Get-Alias measure).Definition
# CHECK: Measure-Object
(Get-Alias ft).Definition
# CHECK: Format-Table
(Get-Alias fl).Definition
# CHECK: Format-List
(Get-Alias echo).Definition
# CHECK: Write-Output
(Get-Alias cls).Definition
# CHECK: Clear-Host
(Get-Alias gcm).Definition
# CHECK: Get-Command
(Get-Alias gm).Definition
# CHECK: Get-Member
(Get-Alias sleep).Definition
# CHECK: Start-Sleep
1..6 | ? { $_ -gt 4 }
# CHECK: 5
# CHECK: 6
1..3 | % { $_ * 2 }
# CHECK: 2
# CHECK: 4
# CHECK: 6
1..6 | where { $_ % 3 -eq 0 }
# CHECK: 3
# CHECK: 6
1..2 | foreach { "f$_" }
# CHECK: f1
# CHECK: f2
1..5 | select -First 2
# CHECK: 1
# CHECK: 2
3, 1, 2 | sort
# CHECK: 1
# CHECK: 2
# CHECK: 3
('a', 'b', 'a' | group).Count
# CHECK: 2
(1..4 | measure).Count
# CHECK: 4
echo 'echoed'
# CHECK: echoed
(gcm Write-Output).Name
# CHECK: Write-Output
('text' | gm -Name Length).Name
# CHECK: Length
sleep -Milliseconds 1
'slept'
# CHECK: slept
