Describe 'Each file gets a fresh lab' {
    BeforeAll { Import-Lab e2k3 }
    BeforeEach { Checkpoint-Lab start }
    AfterEach { Restore-Lab start }
    It 'starts on the e2k3 lab' { (Get-Cluster).Name | Should -Be 'EXCLUS1' }
    It 'moves EVS1' {
        Move-ClusterGroup EVS1 -Node NODE2 | Out-Null
        (Get-ClusterGroup EVS1).OwnerNode | Should -Be 'NODE2'
    }
    It 'is back after the checkpoint' { (Get-ClusterGroup EVS1).OwnerNode | Should -Be 'NODE1' }
}
