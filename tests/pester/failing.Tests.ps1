Describe 'Failures' {
    It 'a wrong number' { 2 + 2 | Should -Be 5 }
    It 'a wrong reason' { 1 | Should -Be 2 -Because 'one is not two' }
    It 'an error' { throw 'unexpected' }
    It 'passes' { $true | Should -BeTrue }
}
