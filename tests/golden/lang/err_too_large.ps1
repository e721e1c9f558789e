# An operation asked for an enormous array or string is an error, not a crash (found by
# the eval fuzz target): the statement fails and the script goes on. Ordinary sizes work.
,1 * 3333333 * 333333333
# CHECKERR: The result is too large: exsh limits an array or string made by one operation to 50,000,000 elements.
'x' * 99999999999
# CHECKERR: The result is too large
[string]::new('ab', 1e12)
# CHECKERR: The result is too large
# .NET's String.PadLeft refuses a negative width (ArgumentOutOfRangeException).
'a'.PadLeft(-1)
# CHECKERR: Exception calling "PadLeft" with "1" argument(s): "Non-negative number required. (Parameter 'totalWidth')"
'still running'
# CHECK: still running
(,1 * 3).Count
# CHECK: 3
'ab' * 3
# CHECK: ababab
'a'.PadLeft(3, '-')
# CHECK: --a
