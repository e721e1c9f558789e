Describe 'Arithmetic' -Tag 'fast' {
    It 'adds' { 1 + 1 | Should -Be 2 }
    It 'compares strings without case' { 'NODE1' | Should -Be 'node1' }
    It 'compares strings with case' { 'NODE1' | Should -Not -BeExactly 'node1' }
    It 'counts' { 1, 2, 3 | Should -HaveCount 3 }
    It 'contains' { @('a', 'b') | Should -Contain 'b' }
    It 'matches' { 'Version 8.1 (Build 240.6)' | Should -Match 'Build \d+' }
    It 'is like' { 'E2K7CCR' | Should -BeLike 'e2k7*' }
    It 'is in' { 'NODE2' | Should -BeIn @('NODE1', 'NODE2') }
    It 'is greater' { 5 | Should -BeGreaterThan 3 }
    It 'is less' { 2 | Should -BeLessThan 3 }
    It 'is true' { $true | Should -BeTrue }
    It 'is false' { 0 | Should -BeFalse }
    It 'is empty' { @() | Should -BeNullOrEmpty }
    It 'throws' { { throw 'boom' } | Should -Throw -ExpectedMessage 'bo*' }
    It 'does not throw' { { 1 } | Should -Not -Throw }
}
