//! Parsing and evaluation benchmarks (`cargo bench`). Whole-process timings against
//! python3 are in `scripts/bench/run.sh`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use exsh::engine::interp::{BufferHost, Interp};

const SCRIPT: &str = r#"
function Get-Thing {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$Name, [int]$Count = 3, [switch]$Force)
    process {
        foreach ($i in 1..$Count) {
            if ($Force -and $i % 2 -eq 0) { "{0}-{1:D3}" -f $Name, $i } else { $Name.ToUpper() }
        }
    }
}
$groups = @{ EVS1 = 'NODE1'; EVS2 = 'NODE2' }
$groups.GetEnumerator() | Sort-Object Name | ForEach-Object { Get-Thing -Name $_.Key -Count 4 -Force }
switch -regex ($env:COMPUTERNAME) { '^NODE' { 'node' } default { 'other' } }
try { throw 'x' } catch { $_.Exception.Message } finally { 'done' }
"#;

fn run(code: &str) {
    let mut interp = Interp::new(Box::new(BufferHost::default()));
    let _ = exsh::host::session::run_command(&mut interp, code);
}

fn bench(c: &mut Criterion) {
    let big: String = std::iter::repeat_n(SCRIPT, 50).collect();
    c.bench_function("parse 50 x sample script", |b| {
        b.iter(|| exsh::lang::parser::parse_script(black_box(&big)))
    });
    c.bench_function("eval sample script", |b| b.iter(|| run(black_box(SCRIPT))));
    c.bench_function("for loop 100k", |b| {
        b.iter(|| run("$s = 0; for ($i = 1; $i -le 100000; $i++) { $s += $i }; $s"))
    });
    c.bench_function("fib(15)", |b| {
        b.iter(|| run("function fib([int]$n) { if ($n -lt 2) { return $n } (fib ($n - 1)) + (fib ($n - 2)) }; fib 15"))
    });
    c.bench_function("10k records through Where/Sort/Measure", |b| {
        b.iter(|| {
            run("$r = foreach ($i in 1..10000) { [pscustomobject]@{ Id = $i; Size = ($i * 7919) % 1000 } }; ($r | Where-Object { $_.Size -gt 500 } | Sort-Object Size | Measure-Object -Property Size -Sum).Sum")
        })
    });
    c.bench_function("format 1k-row table", |b| {
        b.iter(|| run("1..1000 | ForEach-Object { [pscustomobject]@{ Name = \"n$_\"; Id = $_ } } | Out-String | Out-Null"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
