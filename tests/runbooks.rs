//! Every runbook in scripts/runbooks runs end to end on its lab (a `# LAB:` line, default
//! `ccr`): its transcript (stdout), event log and downtime report are compared with the
//! blessed file tests/runbooks/<name>.expected (`EXSH_BLESS=1 cargo test --test runbooks`
//! rewrites them after a reviewed change). Simulated time makes them deterministic.

use std::path::PathBuf;

use exsh::engine::interp::{BufferHost, Interp};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(path: &PathBuf) -> (String, i32) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lab = text
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("# LAB:")
                .map(|x| x.trim().to_string())
        })
        .unwrap_or_else(|| exsh::model::labs::DEFAULT.to_string());
    let host = BufferHost::default();
    let mut interp = Interp::new(Box::new(host.clone()));
    let world = exsh::model::labs::builtin(&lab).unwrap_or_else(|e| panic!("{}", e));
    exsh::cmdlets::lab::util::install(&mut interp, world);
    let code = exsh::host::session::run_file(&mut interp, &path.display().to_string(), &[]);
    let mut out = String::from("--- transcript ---\n");
    out.push_str(&host.out.borrow());
    out.push_str("--- errors ---\n");
    out.push_str(&host.err.borrow());
    // The event log and the downtime report, as scripts read them.
    host.out.borrow_mut().clear();
    let _ = exsh::host::session::run_command(
        &mut interp,
        "Get-LabEvent | ForEach-Object { '{0:yyyy-MM-dd HH:mm:ss} {1} {2} {3} {4} {5}' -f $_.Time, $_.Server, $_.Log, $_.Source, $_.EventId, $_.Message }; '--- downtime ---'; Get-DowntimeReport | ForEach-Object { '{0}|{1}|{2}|{3:HH:mm:ss}|{4}' -f $_.Service, $_.Database, $_.Kind, $_.Start, $_.Duration }",
    );
    out.push_str("--- events ---\n");
    out.push_str(&host.out.borrow());
    (out, code)
}

#[test]
fn runbooks_match_their_blessed_transcripts() {
    let dir = root().join("scripts").join("runbooks");
    let mut books: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ps1"))
        .collect();
    books.sort();
    assert!(!books.is_empty());
    let bless = std::env::var_os("EXSH_BLESS").is_some();
    let mut failures = Vec::new();
    for b in &books {
        let (actual, code) = run(b);
        let stem = b
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let expected_path = root()
            .join("tests")
            .join("runbooks")
            .join(format!("{}.expected", stem));
        if code != 0 {
            failures.push(format!("{} exited with {}:\n{}", stem, code, actual));
            continue;
        }
        if bless {
            let _ = std::fs::write(&expected_path, &actual);
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            let line = expected
                .lines()
                .zip(actual.lines())
                .take_while(|(a, b)| a == b)
                .count();
            failures.push(format!(
                "{} differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}",
                stem,
                expected_path.display(),
                line + 1,
                expected.lines().nth(line),
                actual.lines().nth(line)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
