Describe 'Tagged' -Tag 'cluster' {
    It 'slow one' -Tag 'slow' { 1 | Should -Be 1 }
    It 'quick one' { 1 | Should -Be 1 }
}
