//! Golden script tests: every `.ps1` under tests/golden states its expected stdout
//! (`# CHECK:` lines), stderr fragments (`# CHECKERR:`) and exit code (`# EXIT:`). Each
//! file runs in-process in a fresh session. A file marked `# KNOWN-FAILING: reason` must
//! still fail; when it passes, the marker must go.

use std::path::{Path, PathBuf};

use exsh::engine::interp::{BufferHost, Interp};

struct Expect {
    out: Vec<String>,
    err: Vec<String>,
    exit: i32,
    known_failing: Option<String>,
}

fn parse_expect(text: &str) -> Expect {
    let mut e = Expect {
        out: Vec::new(),
        err: Vec::new(),
        exit: 0,
        known_failing: None,
    };
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("# CHECK:") {
            e.out.push(
                rest.strip_prefix(' ')
                    .unwrap_or(rest)
                    .trim_end()
                    .to_string(),
            );
        } else if let Some(rest) = t.strip_prefix("# CHECKERR:") {
            e.err.push(rest.trim().to_string());
        } else if let Some(rest) = t.strip_prefix("# EXIT:") {
            e.exit = rest.trim().parse().unwrap_or(0);
        } else if let Some(rest) = t.strip_prefix("# KNOWN-FAILING:") {
            e.known_failing = Some(rest.trim().to_string());
        }
    }
    e
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "ps1") {
            out.push(p);
        }
    }
}

/// Runs one file; Err describes the first difference.
fn run_one(path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let expect = parse_expect(&text);
    let host = BufferHost::default();
    let mut interp = Interp::new(Box::new(host.clone()));
    // `# LAB: e2k3` chooses the lab; the default is the one exsh starts on.
    let lab = text
        .lines()
        .find_map(|l| {
            l.trim()
                .strip_prefix("# LAB:")
                .map(|x| x.trim().to_string())
        })
        .unwrap_or_else(|| exsh::model::labs::DEFAULT.to_string());
    let world = exsh::model::labs::builtin(&lab)?;
    exsh::cmdlets::lab::util::install(&mut interp, world);
    let p = path.to_string_lossy().to_string();
    let code = exsh::host::session::run_file(&mut interp, &p, &[]);
    let stdout = host.out.borrow().clone();
    let stderr = host.err.borrow().clone();
    let actual: Vec<String> = stdout.lines().map(|l| l.trim_end().to_string()).collect();
    let mut actual = actual;
    while actual.last().is_some_and(|l| l.is_empty())
        && expect.out.last().is_none_or(|l| !l.is_empty())
    {
        actual.pop();
    }
    if actual != expect.out {
        let n = actual
            .iter()
            .zip(expect.out.iter())
            .take_while(|(a, b)| a == b)
            .count();
        return Err(format!(
            "stdout differs at line {}:\n  expected: {:?}\n  actual:   {:?}\n--- full stdout ---\n{}--- stderr ---\n{}",
            n + 1,
            expect.out.get(n),
            actual.get(n),
            stdout,
            stderr
        ));
    }
    let mut pos = 0;
    let err_lines: Vec<&str> = stderr.lines().collect();
    for want in &expect.err {
        match err_lines[pos..]
            .iter()
            .position(|l| l.contains(want.as_str()))
        {
            Some(k) => pos += k + 1,
            None => {
                return Err(format!(
                    "stderr lacks {:?} (in order)\n--- stderr ---\n{}",
                    want, stderr
                ))
            }
        }
    }
    if code != expect.exit {
        return Err(format!(
            "exit code {} (expected {})\n--- stderr ---\n{}",
            code, expect.exit, stderr
        ));
    }
    Ok(expect.out.len() + expect.err.len() + 1)
}

/// `tests/golden/known-failing.txt`: `path  # reason` per line, paths relative to
/// tests/golden. Each listed file must still fail.
fn known_list(root: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root.join("known-failing.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once('#') {
            Some((p, r)) => (p.trim().to_string(), r.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

fn main() {
    // Scripts may nest deeply; give the interpreter the stack the binary gives it.
    let code = std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(run_all)
        .map(|h| h.join().unwrap_or(101))
        .unwrap_or(101);
    std::process::exit(code);
}

fn run_all() -> i32 {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden");
    let listed = known_list(&root);
    let mut all = Vec::new();
    files(&root, &mut all);
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let mut passed = 0;
    let mut failed = 0;
    let mut checks = 0;
    let mut failures = Vec::new();
    for f in &all {
        let name = f
            .strip_prefix(&root)
            .unwrap_or(f)
            .to_string_lossy()
            .to_string();
        if let Some(flt) = &filter {
            if !name.contains(flt.as_str()) {
                continue;
            }
        }
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let known = parse_expect(&text).known_failing.or_else(|| {
            listed
                .iter()
                .find(|(p, _)| *p == name)
                .map(|(_, r)| r.clone())
        });
        let result =
            std::panic::catch_unwind(|| run_one(f)).unwrap_or_else(|_| Err("panicked".to_string()));
        match (result, known) {
            (Ok(n), None) => {
                passed += 1;
                checks += n;
                println!("test {} ... ok", name);
            }
            (Err(_), Some(reason)) => {
                passed += 1;
                println!("test {} ... known failing ({})", name, reason);
            }
            (Ok(_), Some(_)) => {
                failed += 1;
                println!("test {} ... FAILED", name);
                failures.push((
                    name,
                    "passes but is listed as known failing: remove it from the list".to_string(),
                ));
            }
            (Err(e), None) => {
                failed += 1;
                println!("test {} ... FAILED", name);
                failures.push((name, e));
            }
        }
    }
    for (name, e) in &failures {
        println!("\n---- {} ----\n{}", name, e);
    }
    if std::env::var("EXSH_LIST_FAILING").is_ok() {
        for (name, _) in &failures {
            println!("FAILING {}", name);
        }
    }
    println!(
        "\ngolden: {} files, {} checks in passing files",
        all.len(),
        checks
    );
    println!(
        "test result: {}. {} passed; {} failed",
        if failed == 0 { "ok" } else { "FAILED" },
        passed,
        failed
    );
    i32::from(failed > 0)
}
