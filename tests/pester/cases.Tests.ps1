Describe 'Data-driven' {
    It '<a> plus <b> is <sum>' -TestCases @(
        @{ a = 1; b = 2; sum = 3 }
        @{ a = 2; b = 2; sum = 4 }
        @{ a = 2; b = 2; sum = 5 }
    ) {
        $a + $b | Should -Be $sum
    }
    It 'ForEach works too: <_>' -ForEach 1, 2 {
        $_ | Should -BeGreaterThan 0
    }
}
