# The project's regression suite for the runbooks in scripts/runbooks: each runs end to
# end on its lab and leaves the cluster where its synopsis says, within the downtime an
# administrator would plan for; its what-if preview changes nothing and predicts the
# same downtime. Run by `cargo test` through `exsh test scripts/regression`.
# Build numbers: DOMAIN.md §4 (Exchange 2003 SP1 6.5.7226.6; Exchange 2007 SP1
# 8.1.240.6, SP2 8.2.176.2).

Describe 'Runbooks' {
    It '<Runbook> runs to the end on <Lab>' -TestCases @(
        @{ Runbook = 'e2k3-sp1-rolling'; Lab = 'e2k3' }
        @{ Runbook = 'e2k3-aa-one-evs-at-a-time'; Lab = 'e2k3-aa' }
        @{ Runbook = 'e2k3-build-evs'; Lab = 'e2k3' }
        @{ Runbook = 'e2k0-cascading-failure'; Lab = 'e2k0-4node' }
        @{ Runbook = 'e2k7-ccr-sp1'; Lab = 'ccr' }
        @{ Runbook = 'e2k7-ccr-unplanned-failover'; Lab = 'ccr' }
        @{ Runbook = 'e2k7-scc-sp2'; Lab = 'scc' }
    ) {
        param($Runbook, $Lab)
        Import-Lab $Lab
        Invoke-Runbook "scripts/runbooks/$Runbook.ps1" *> $null
        $LASTEXITCODE | Should -Be 0
        Get-LabEvent | Where-Object { $_.LogName -eq 'Application' -and $_.EntryType -eq 'Error' -and $_.Source -like 'MSExchange*' -and $Runbook -notlike '*failure*' -and $Runbook -notlike '*failover*' } |
            Should -BeNullOrEmpty
    }

    It '<Runbook> previews without touching the lab and predicts the real downtime' -TestCases @(
        @{ Runbook = 'e2k3-sp1-rolling'; Lab = 'e2k3' }
        @{ Runbook = 'e2k7-ccr-sp1'; Lab = 'ccr' }
        @{ Runbook = 'e2k7-scc-sp2'; Lab = 'scc' }
    ) {
        param($Runbook, $Lab)
        Import-Lab $Lab
        Checkpoint-Lab before
        $clock = Get-LabClock
        $preview = Invoke-Runbook "scripts/runbooks/$Runbook.ps1" -WhatIf | Out-String
        Get-LabClock | Should -Be $clock
        Get-DowntimeReport | Should -BeNullOrEmpty
        Compare-Lab before | Should -BeNullOrEmpty
        Invoke-Runbook "scripts/runbooks/$Runbook.ps1" *> $null
        # The preview's downtime table has a line per service ending with its total.
        $lines = $preview -split "`n"
        $services = Get-DowntimeReport | Where-Object Database -eq '' | Group-Object Service
        $services | Should -Not -BeNullOrEmpty
        foreach ($service in $services) {
            $total = [TimeSpan]::Zero
            $service.Group | ForEach-Object { $total += $_.Duration }
            $line = $lines | Where-Object { $_ -like "$($service.Name) *" } | Select-Object -Last 1
            $line.TrimEnd() | Should -BeLike ('*{0:hh\:mm\:ss}' -f $total)
        }
    }
}

Describe 'Exchange 2003 SP1, rolling (e2k3-sp1-rolling)' {
    BeforeAll {
        Import-Lab e2k3
        Invoke-Runbook scripts/runbooks/e2k3-sp1-rolling.ps1 *> $null
    }
    It 'leaves every node and the EVS on SP1' {
        # DC1 runs no Exchange.
        Get-LabNode | Where-Object ExchangeVersion | ForEach-Object ExchangeVersion | Sort-Object -Unique |
            Should -Be '6.5.7226.6'
        (Get-ExchangeServer EVS1).AdminDisplayVersion | Should -Be 'Version 6.5 (Build 7226.6)'
    }
    It 'moves EVS1 back to NODE1, online' {
        (Get-ClusterGroup EVS1).OwnerNode | Should -Be 'NODE1'
        (Get-ClusterGroup EVS1).State | Should -Be 'Online'
    }
    It 'costs two planned outages of EVS1, each under ten minutes' {
        $outages = Get-DowntimeReport | Where-Object { $_.Service -eq 'EVS1' -and $_.Database -eq '' }
        $outages.Count | Should -Be 2
        $outages | ForEach-Object { $_.Kind | Should -Be 'Planned'; $_.Duration.TotalMinutes | Should -BeLessThan 10 }
    }
    It 'keeps a backup from before and after the service pack' {
        $backups = Get-LabEvent | Where-Object { $_.Source -eq 'NTBackup' -and $_.EventId -eq 8001 }
        $backups.Count | Should -Be 2
        $backups[0].Message | Should -BeLike '*(6.5.6944.4)*completed*'
        $backups[1].Message | Should -BeLike '*(6.5.7226.6)*completed*'
    }
}

Describe 'Exchange 2003 SP1, one EVS at a time (e2k3-aa-one-evs-at-a-time)' {
    BeforeAll {
        Import-Lab e2k3-aa
        Invoke-Runbook scripts/runbooks/e2k3-aa-one-evs-at-a-time.ps1 *> $null
    }
    It 'upgrades both EVSs' {
        (Get-ExchangeServer EVS1).AdminDisplayVersion | Should -Be 'Version 6.5 (Build 7226.6)'
        (Get-ExchangeServer EVS2).AdminDisplayVersion | Should -Be 'Version 6.5 (Build 7226.6)'
    }
    It 'ends active/active again: EVS1 on NODE1, EVS2 on NODE2' {
        (Get-ClusterGroup EVS1).OwnerNode | Should -Be 'NODE1'
        (Get-ClusterGroup EVS2).OwnerNode | Should -Be 'NODE2'
    }
    It 'takes each EVS down only while it is moved or upgraded' {
        $outages = Get-DowntimeReport | Where-Object Database -eq ''
        $outages.Count | Should -Be 4
        $outages | ForEach-Object { $_.Kind | Should -Be 'Planned'; $_.Duration.TotalMinutes | Should -BeLessThan 10 }
    }
}

Describe 'Building a second EVS (e2k3-build-evs)' {
    BeforeAll {
        Import-Lab e2k3
        Invoke-Runbook scripts/runbooks/e2k3-build-evs.ps1 *> $null
    }
    It 'creates EVS2 as an Exchange 2003 virtual server' {
        (Get-ExchangeServer EVS2).AdminDisplayVersion | Should -Be 'Version 6.5 (Build 6944.4)'
        Get-ClusterResource 'Exchange System Attendant (EVS2)' | Should -Not -BeNullOrEmpty
    }
    It 'leaves EVS1 untouched' {
        (Get-ClusterGroup EVS1).State | Should -Be 'Online'
        Get-DowntimeReport | Where-Object Service -eq 'EVS1' | Should -BeNullOrEmpty
    }
}

Describe 'Exchange 2007 SP1 on CCR (e2k7-ccr-sp1)' {
    BeforeAll {
        Import-Lab ccr
        Invoke-Runbook scripts/runbooks/e2k7-ccr-sp1.ps1 *> $null
    }
    It 'upgrades the clustered mailbox server to SP1' {
        (Get-ExchangeServer E2K7CCR).AdminDisplayVersion | Should -Be 'Version 8.1 (Build 240.6)'
    }
    It 'leaves the CMS online on the node upgraded first' {
        (Get-ClusterGroup E2K7CCR).OwnerNode | Should -Be 'NODE2'
        (Get-ClusterGroup E2K7CCR).State | Should -Be 'Online'
    }
    It 'costs one planned outage of under ten minutes' {
        $outages = @(Get-DowntimeReport | Where-Object Database -eq '')
        $outages.Count | Should -Be 1
        $outages[0].Kind | Should -Be 'Planned'
        $outages[0].Duration.TotalMinutes | Should -BeLessThan 10
    }
}

Describe 'Exchange 2007 SP2 on SCC (e2k7-scc-sp2)' {
    BeforeAll {
        Import-Lab scc
        Invoke-Runbook scripts/runbooks/e2k7-scc-sp2.ps1 *> $null
    }
    It 'upgrades both clustered mailbox servers to SP2' {
        (Get-ExchangeServer MBX1).AdminDisplayVersion | Should -Be 'Version 8.2 (Build 176.2)'
        (Get-ExchangeServer MBX2).AdminDisplayVersion | Should -Be 'Version 8.2 (Build 176.2)'
    }
    It 'leaves both online' {
        Get-ClusterGroup MBX1, MBX2 | ForEach-Object State | Should -Be @('Online', 'Online')
    }
}

Describe 'Drills' {
    It 'the cascading failure on Exchange 2000 ends with every EVS back online (e2k0-cascading-failure)' {
        Import-Lab e2k0-4node
        Invoke-Runbook scripts/runbooks/e2k0-cascading-failure.ps1 *> $null
        Get-ClusterGroup EVS* | ForEach-Object State | Sort-Object -Unique | Should -Be 'Online'
        Get-DowntimeReport | Where-Object { $_.Database -eq '' -and $_.Kind -eq 'Unplanned' } | Should -Not -BeNullOrEmpty
    }
    It 'the unplanned CCR failover brings the CMS up on NODE2 within minutes (e2k7-ccr-unplanned-failover)' {
        Import-Lab ccr
        Invoke-Runbook scripts/runbooks/e2k7-ccr-unplanned-failover.ps1 *> $null
        (Get-ClusterGroup E2K7CCR).OwnerNode | Should -Be 'NODE2'
        $outage = @(Get-DowntimeReport | Where-Object Database -eq '')[0]
        $outage.Kind | Should -Be 'Unplanned'
        $outage.Duration.TotalMinutes | Should -BeLessThan 5
    }
}
