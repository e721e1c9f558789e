Describe 'Broken setup' {
    BeforeAll { throw 'setup failed' }
    It 'never runs' { 1 | Should -Be 1 }
}
