# Advanced functions: [CmdletBinding()], [Parameter(...)], validation attributes, pipeline binding, common parameters
function Get-Thing {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [string]$Name,
        [Parameter(Position = 1)]
        [int]$Count = 1
    )
    "$Name x$Count"
}
Get-Thing widget
# CHECK: widget x1
Get-Thing widget 3
# CHECK: widget x3
Get-Thing -Count 2 -Name gadget
# CHECK: gadget x2
function Set-Mode {
    param([ValidateSet('Fast', 'Slow')][string]$Mode = 'Fast')
    "mode=$Mode"
}
Set-Mode
# CHECK: mode=Fast
Set-Mode slow
# CHECK: mode=slow
try { Set-Mode Medium } catch { $_.Exception.Message -like "Cannot validate argument on parameter 'Mode'*" }
# CHECK: True
function Test-NotEmpty { param([ValidateNotNullOrEmpty()][string]$Text) "text=$Text" }
Test-NotEmpty hi
# CHECK: text=hi
try { Test-NotEmpty -Text '' } catch { 'empty rejected' }
# CHECK: empty rejected
function ConvertTo-Upper {
    param([Parameter(ValueFromPipeline)][string]$Text)
    process { $Text.ToUpper() }
}
'a', 'b' | ConvertTo-Upper
# CHECK: A
# CHECK: B
function Format-Endpoint {
    param(
        [Parameter(ValueFromPipelineByPropertyName)][string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)][int]$Port
    )
    process { "${Name}:$Port" }
}
[pscustomobject]@{ Name = 'web'; Port = 80 }, [pscustomobject]@{ Name = 'db'; Port = 5432 } | Format-Endpoint
# CHECK: web:80
# CHECK: db:5432
function Get-TypeName { param([int]$N) $N.GetType().Name }
Get-TypeName '7'
# CHECK: Int32
function Test-Advanced {
    [CmdletBinding()]
    param()
    Write-Error 'inner problem'
    'still running'
}
Test-Advanced -ErrorAction SilentlyContinue
# CHECK: still running
try { Test-Advanced -ErrorAction Stop } catch { "stopped: $($_.Exception.Message)" }
# CHECK: stopped: inner problem
