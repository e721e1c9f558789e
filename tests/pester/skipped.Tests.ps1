Describe 'Skipping' {
    It 'is skipped' -Skip { 1 | Should -Be 2 }
    It 'has no body'
    Context 'a skipped context' -Skip {
        It 'inside' { 1 | Should -Be 2 }
    }
    It 'runs' { 1 | Should -Be 1 }
}
