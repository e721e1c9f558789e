# try/catch/finally: error record properties, typed catch, rethrow, finally ordering, $Error
try { throw 'boom' } catch { "caught: $($_.Exception.Message)" }
# CHECK: caught: boom
try { throw 'boom' } catch { "$_" }
# CHECK: boom
# a thrown string becomes both the message and the FullyQualifiedErrorId
try { throw 'boom' } catch { $_.FullyQualifiedErrorId }
# CHECK: boom
try { throw 'boom' } catch { $_.CategoryInfo.Category }
# CHECK: OperationStopped
$zero = 0
try { 1 / $zero } catch { $_.Exception.Message }
# CHECK: Attempted to divide by zero.
try { 1 / $zero } catch { $_.FullyQualifiedErrorId }
# CHECK: RuntimeException
try { 'a'; throw 'x'; 'b' } catch { 'c' } finally { 'f' }
# CHECK: a
# CHECK: c
# CHECK: f
try { 'ok' } finally { 'cleanup' }
# CHECK: ok
# CHECK: cleanup
try { throw 'typed' } catch [System.Management.Automation.RuntimeException] { 'typed catch' }
# CHECK: typed catch
try { 1 / $zero } catch [System.DivideByZeroException] { 'divide catch' }
# CHECK: divide catch
try {
    try { throw 'inner' } catch { 'inner caught'; throw }
} catch {
    "outer: $($_.Exception.Message)"
}
# CHECK: inner caught
# CHECK: outer: inner
function Invoke-Fail { throw 'from function' }
try { Invoke-Fail; 'not here' } catch { "got $_" }
# CHECK: got from function
try { Foo-NotACommand } catch { $_.FullyQualifiedErrorId }
# CHECK: CommandNotFoundException
try { Foo-NotACommand } catch { $_.Exception.Message -like "The term 'Foo-NotACommand' is not recognized*" }
# CHECK: True
$nothing = $null
try { $nothing.Method() } catch { $_.FullyQualifiedErrorId }
# CHECK: InvokeMethodOnNull
try { $nothing[0] } catch { $_.FullyQualifiedErrorId }
# CHECK: NullArray
try { [int]'abc' } catch { $_.FullyQualifiedErrorId }
# CHECK: InvalidCastFromStringToInteger
try { [int]'abc' } catch { $_.Exception.Message -like 'Cannot convert value "abc" to type "System.Int32".*' }
# CHECK: True
try { Write-Error 'write failed' -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: write failed
try { Write-Error 'write failed' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId -like 'Microsoft.PowerShell.Commands.WriteErrorException*' }
# CHECK: True
$Error.Clear()
try { throw 'recorded' } catch { }
$Error.Count
# CHECK: 1
$Error[0].Exception.Message
# CHECK: recorded
function Get-Result { try { return 'result' } finally { 'finally ran' } }
Get-Result
# CHECK: result
# CHECK: finally ran
foreach ($n in 1, 0, 2) {
    try { "10/$n=$(10 / $n)" } catch { "skip $n" }
}
# CHECK: 10/1=10
# CHECK: skip 0
# CHECK: 10/2=5
'end'
# CHECK: end
