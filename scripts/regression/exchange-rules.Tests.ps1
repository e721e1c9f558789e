# The project's regression suite for the Exchange rules (DOMAIN.md §3 E1-E11 and the
# Exchange 2007 rules X1-X9), run by `cargo test` through `exsh test scripts/regression`.
# Each file runs in a fresh session; each Describe picks its lab.

Describe 'Exchange 2000 on four nodes (e2k0-4node lab)' {
    BeforeAll { Import-Lab e2k0-4node }
    BeforeEach { Checkpoint-Lab clean }
    AfterEach { Restore-Lab clean }

    It 'lets a node run two EVSs of two storage groups each (E4, E5)' {
        (Move-ClusterGroup EVS1 -Node 2-MOE).OwnerNode | Should -Be '2-MOE'
    }
    It 'refuses a fifth storage group on a node (E4)' {
        Move-ClusterGroup EVS1 -Node 2-MOE | Out-Null
        { Move-ClusterGroup EVS3 -Node 2-MOE -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*the node would run 6 storage groups*an Exchange server runs at most 4."
        (Get-ClusterGroup EVS3).OwnerNode | Should -Be '3-LARRY'
    }
    It 'leaves an EVS down when no node can take its storage groups, and logs why (E4)' {
        Invoke-LabFault -Node 1-CURLY -Crash
        Start-Sleep -Seconds 600
        Invoke-LabFault -Node 2-MOE -Crash
        Start-Sleep -Seconds 600
        Invoke-LabFault -Node 3-LARRY -Crash
        (Get-ClusterGroup EVS* | Where-Object State -eq 'Online').Count | Should -Be 2
        $errors = Get-LabEvent | Where-Object { $_.Source -eq 'MSExchangeCluster' -and $_.EntryType -eq 'Error' }
        $errors.Count | Should -BeGreaterThan 0
        $errors[0].Message | Should -BeLike '*runs at most 4.'
    }
    It 'has no virtual-server upgrade step in Exchange 2000 (E8)' {
        Enter-PSSession 4-JERRY
        Stop-ClusterResource 'Exchange System Attendant (EVS4)' | Out-Null
        { Update-ExchangeVirtualServer EVS4 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*upgrade only the binaries on each node*'
    }
}

Describe 'Exchange 2003 active/passive (e2k3 lab)' {
    BeforeAll { Import-Lab e2k3 }
    BeforeEach { Checkpoint-Lab clean }
    AfterEach { Restore-Lab clean }

    It 'starts with EVS1 online on NODE1 at RTM' {
        (Get-ClusterGroup EVS1).OwnerNode | Should -Be 'NODE1'
        (Get-ExchangeServer EVS1).AdminDisplayVersion | Should -Be 'Version 6.5 (Build 6944.4)'
    }
    It 'refuses update.exe on the node that runs the EVS' {
        $out = update.exe /passive
        $LASTEXITCODE | Should -Be 1
        $out[-1] | Should -BeLike "*owns the Exchange Virtual Server 'EVS1', which is running*"
    }
    It 'refuses the EVS upgrade from a node without the new binaries (E6)' {
        Stop-ClusterResource 'Exchange System Attendant (EVS1)' | Out-Null
        { Update-ExchangeVirtualServer EVS1 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*the upgrade files are not on this node*'
        (Get-ExchangeServer EVS1).AdminDisplayVersion | Should -Be 'Version 6.5 (Build 6944.4)'
    }
    It 'needs hotfix 831464 and its restart before SP1 (E6)' {
        Enter-PSSession NODE2
        (update.exe /passive)[-1] | Should -BeLike '*requires the Windows Server 2003 hotfix 831464*'
        WindowsServer2003-KB831464-x86-ENU.exe /quiet /norestart
        $LASTEXITCODE | Should -Be 3010
        (update.exe /passive)[-1] | Should -BeLike '*A restart from a previous installation is pending*'
    }
    It 'upgrades the EVS from its owner with the System Attendant offline, then refuses the RTM node (E6, E7)' {
        Enter-PSSession NODE2
        WindowsServer2003-KB831464-x86-ENU.exe /quiet /norestart
        Restart-Computer -Wait
        update.exe /passive | Out-Null
        $LASTEXITCODE | Should -Be 0
        Restart-Computer -Wait
        Stop-ClusterResource 'Exchange System Attendant (EVS1)' | Out-Null
        Move-ClusterGroup EVS1 -Node NODE2 | Out-Null
        { Update-ExchangeVirtualServer EVS1 -ErrorAction Stop } | Should -Not -Throw
        (Get-ExchangeServer EVS1).AdminDisplayVersion | Should -Be 'Version 6.5 (Build 7226.6)'
        Start-ClusterGroup EVS1 | Out-Null
        { Move-ClusterGroup EVS1 -Node NODE1 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage 'Version of Exchange on this machine does not match the version of Exchange server NODE1.'
        (Get-ClusterGroup EVS1).OwnerNode | Should -Be 'NODE2'
    }
    It 'refuses a restore of a backup taken before the databases were mounted by a newer build (E10)' {
        ntbackup backup "\\EVS1\Microsoft Information Store" /f "\\DC1\Backup\pre.bkf" | Out-Null
        $LASTEXITCODE | Should -Be 0
        Enter-PSSession NODE2
        WindowsServer2003-KB831464-x86-ENU.exe /quiet /norestart
        Restart-Computer -Wait
        update.exe /passive | Out-Null
        Restart-Computer -Wait
        Stop-ClusterResource 'Exchange System Attendant (EVS1)' | Out-Null
        Move-ClusterGroup EVS1 -Node NODE2 | Out-Null
        Update-ExchangeVirtualServer EVS1 | Out-Null
        Start-ClusterGroup EVS1 | Out-Null
        { Restore-ExchangeBackup "\\DC1\Backup\pre.bkf" -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*was written by Exchange 6.5.6944.4*'
    }
    It 'keeps the EVS from a node that is not a possible owner (C3)' {
        Get-ClusterResource | Where-Object OwnerGroup -eq 'EVS1' | Set-ClusterOwnerNode -Owners NODE1
        { Move-ClusterGroup EVS1 -Node NODE2 -ErrorAction Stop } | Should -Throw
        (Get-ClusterGroup EVS1).OwnerNode | Should -Be 'NODE1'
    }
}

Describe 'Exchange 2003 active/active (e2k3-aa lab)' {
    BeforeAll { Import-Lab e2k3-aa }
    BeforeEach { Checkpoint-Lab clean }
    AfterEach { Restore-Lab clean }

    It 'lets two EVSs share a node of a two-node cluster (E5)' {
        (Move-ClusterGroup EVS2 -Node NODE1).OwnerNode | Should -Be 'NODE1'
    }
    It 'allows one EVS per node once a third node joins (E5)' {
        Add-ClusterNode FE1 | Out-Null
        Get-ClusterResource | Where-Object { $_.OwnerGroup -like 'EVS*' } | Set-ClusterOwnerNode -Owners NODE1, NODE2, FE1
        { Move-ClusterGroup EVS2 -Node NODE1 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*a node can host only one Exchange Virtual Server at a time.'
        (Move-ClusterGroup EVS2 -Node FE1).OwnerNode | Should -Be 'FE1'
    }
    It 'refuses an EVS upgrade to an account without Exchange Full Administrator' {
        Set-LabIdentity CONTOSO\junior
        { Update-ExchangeVirtualServer EVS1 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage 'Insufficient access rights to perform the operation.'
    }
}

Describe 'Exchange 2007 CCR (ccr lab)' {
    BeforeAll { Import-Lab ccr }
    BeforeEach { Checkpoint-Lab clean }
    AfterEach { Restore-Lab clean }

    It 'moves the clustered mailbox server only from the active node to a passive one (X3)' {
        { Move-ClusteredMailboxServer -Identity E2K7CCR -TargetMachine NODE1 -MoveComment 'test' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*A clustered mailbox server can only be moved from the active node to a passive node.'
        Move-ClusteredMailboxServer -Identity E2K7CCR -TargetMachine NODE2 -MoveComment 'test' -Confirm:$false
        (Get-ClusteredMailboxServerStatus -Identity E2K7CCR).OperationalMachines |
            Where-Object { $_ -like '*Active*' } | Should -BeLike 'NODE2*'
    }
    It 'refuses setup.exe on a clustered mailbox server node (X8)' {
        Enter-PSSession NODE2
        $text = setup.exe /mode:upgrade 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 1
        $text | Should -BeLike '*Setup.exe cannot upgrade a clustered mailbox server node.*'
    }
    It 'refuses to move the CMS to a node with a restart pending (X8)' {
        Enter-PSSession NODE2
        # setup's prerequisite check wants the Windows Firewall/ICS service running.
        Set-Service SharedAccess -StartupType Manual
        Start-Service SharedAccess
        setup.com /mode:upgrade | Out-Null
        $LASTEXITCODE | Should -Be 0
        Exit-PSSession
        { Move-ClusteredMailboxServer E2K7CCR -TargetMachine NODE2 -MoveComment 'SP1' -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*must be restarted before it can host clustered mailbox server 'E2K7CCR'*"
    }
    It 'fails over to the passive node when the active node crashes (X4)' {
        Invoke-LabFault -Node NODE1 -Crash
        (Get-ClusterGroup E2K7CCR).OwnerNode | Should -Be 'NODE2'
        (Get-ClusterGroup E2K7CCR).State | Should -Be 'Online'
    }
}
