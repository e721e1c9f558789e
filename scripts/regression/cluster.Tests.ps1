# The project's regression suite for the cluster rules (DOMAIN.md §2), run by `cargo test`
# through `exsh test scripts/regression`.
Describe 'CCR cluster (ccr lab)' {
    BeforeEach { Checkpoint-Lab clean }
    AfterEach { Restore-Lab clean }

    It 'starts with both groups online on NODE1' {
        Get-ClusterGroup | ForEach-Object { $_.OwnerNode } | Should -Be @('NODE1', 'NODE1')
        (Get-ClusterGroup | Where-Object State -ne 'Online') | Should -BeNullOrEmpty
    }
    It 'fails over when NODE1 crashes (C6)' {
        Invoke-LabFault -Node NODE1 -Crash
        (Get-ClusterGroup E2K7CCR).OwnerNode | Should -Be 'NODE2'
        (Get-ClusterGroup E2K7CCR).State | Should -Be 'Online'
        (Get-LabEvent -EventId 1135).Count | Should -Be 1
    }
    It 'refuses a move to a paused node (C4)' {
        Suspend-ClusterNode NODE2 | Out-Null
        { Move-ClusterGroup E2K7CCR -Node NODE2 -ErrorAction Stop } | Should -Throw -ExpectedMessage 'The cluster node is paused.'
        (Get-ClusterGroup E2K7CCR).OwnerNode | Should -Be 'NODE1'
    }
    It 'loses quorum without the witness and a node (C11)' {
        Invoke-LabFault -Witness -Offline
        Invoke-LabFault -Node NODE2 -PowerLoss
        (Get-Cluster).Running | Should -BeFalse
    }
    It 'moves a group at night in a few minutes (calibration)' {
        $t = Get-LabClock
        Move-ClusterGroup E2K7CCR -Node NODE2 | Out-Null
        ((Get-LabClock) - $t).TotalMinutes | Should -BeLessThan 6
    }
}

Describe 'Exchange 2003 cluster (e2k3 lab)' {
    BeforeAll { Import-Lab e2k3 }

    It 'keeps a quorum disk online (C11)' {
        { Stop-ClusterResource 'Disk Q:' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*quorum resource*'
    }
    It 'refuses a node that is not a possible owner (C3)' {
        Set-ClusterOwnerNode -Resource 'Disk S:' -Owners NODE1
        cluster group EVS1 /move:NODE2 2>$null
        $LASTEXITCODE | Should -Be 5016
    }
}
