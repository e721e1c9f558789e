//! The regression runner behind `exsh test [PATH...]`: finds `*.Tests.ps1` files, runs
//! each in a fresh session on its own lab (the default `ccr`; a file may `Import-Lab`),
//! in parallel (`--jobs N`), and prints Pester's summary. The exit code is the number of
//! failed tests (at most 255).
//!
//! Options: `-Tag T`, `-ExcludeTag T`, `-FullNameFilter PATTERN` (wildcards on
//! `Describe.Context.It`), `--junit FILE`, `--jobs N`, `--shard K/N`.

use std::path::{Path, PathBuf};

use crate::cmdlets::pester::util::{Filter, Outcome, PesterRun, TestResult};
use crate::engine::interp::{BufferHost, Interp};

/// The results of one file.
#[derive(Clone, Debug)]
pub struct FileResult {
    pub path: String,
    pub tests: Vec<TestResult>,
    /// Failures outside any It (a BeforeAll that threw, a parse error).
    pub block_failures: Vec<(String, String)>,
    pub seconds: f64,
}

impl FileResult {
    pub fn failed(&self) -> usize {
        self.tests
            .iter()
            .filter(|t| matches!(t.outcome, Outcome::Failed { .. }))
            .count()
            + self.block_failures.len()
    }
    pub fn passed(&self) -> usize {
        self.tests
            .iter()
            .filter(|t| t.outcome == Outcome::Passed)
            .count()
    }
    pub fn skipped(&self) -> usize {
        self.tests
            .iter()
            .filter(|t| t.outcome == Outcome::Skipped)
            .count()
    }
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub paths: Vec<String>,
    pub filter: Filter,
    pub junit: Option<String>,
    pub jobs: usize,
    /// (K, N): this run takes the files whose index is K-1 modulo N.
    pub shard: Option<(usize, usize)>,
}

pub fn parse(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        jobs: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        ..Default::default()
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("Missing the argument for {}.", name))
        };
        match a.to_ascii_lowercase().as_str() {
            "-tag" | "--tag" => o
                .filter
                .tags
                .extend(value(a)?.split(',').map(|s| s.trim().to_string())),
            "-excludetag" | "--excludetag" | "--exclude-tag" => o
                .filter
                .exclude_tags
                .extend(value(a)?.split(',').map(|s| s.trim().to_string())),
            "-fullnamefilter" | "--fullnamefilter" | "--full-name-filter" => {
                o.filter.full_name.push(value(a)?)
            }
            "--junit" | "-junit" => o.junit = Some(value(a)?),
            "--jobs" | "-jobs" | "-j" => {
                let v = value(a)?;
                o.jobs = v
                    .parse::<usize>()
                    .map_err(|_| format!("--jobs takes a number, not '{}'.", v))?
                    .max(1);
            }
            "--shard" | "-shard" => {
                let v = value(a)?;
                let (k, n) = v
                    .split_once('/')
                    .ok_or_else(|| format!("--shard takes K/N, not '{}'.", v))?;
                let (k, n): (usize, usize) = (
                    k.parse()
                        .map_err(|_| format!("--shard takes K/N, not '{}'.", v))?,
                    n.parse()
                        .map_err(|_| format!("--shard takes K/N, not '{}'.", v))?,
                );
                if n == 0 || k == 0 || k > n {
                    return Err(format!("--shard K/N needs 1 <= K <= N, not '{}'.", v));
                }
                o.shard = Some((k, n));
            }
            s if s.starts_with('-') => return Err(format!("Unknown option for exsh test: {}", a)),
            _ => o.paths.push(a.clone()),
        }
    }
    if o.paths.is_empty() {
        o.paths.push(".".into());
    }
    Ok(o)
}

fn collect(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_file() {
        out.push(p.to_path_buf());
        return;
    }
    let Ok(rd) = std::fs::read_dir(p) else { return };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            if e.file_name()
                .is_some_and(|n| n == "target" || n.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            collect(&e, out);
        } else if e.file_name().is_some_and(|n| {
            n.to_string_lossy()
                .to_ascii_lowercase()
                .ends_with(".tests.ps1")
        }) {
            out.push(e);
        }
    }
}

/// The test files of the given paths, sorted, after sharding.
pub fn files(o: &Options) -> Vec<PathBuf> {
    let mut all = Vec::new();
    for p in &o.paths {
        collect(Path::new(p), &mut all);
    }
    all.sort();
    all.dedup();
    match o.shard {
        Some((k, n)) => all
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, f)| f)
            .collect(),
        None => all,
    }
}

/// Runs one file in a fresh session.
pub fn run_file(path: &Path, filter: &Filter) -> FileResult {
    let started = std::time::Instant::now();
    let name = path.display().to_string();
    let host = BufferHost::default();
    let mut interp = Interp::new(Box::new(host.clone()));
    if let Ok(w) = crate::model::labs::builtin(crate::model::labs::DEFAULT) {
        crate::cmdlets::lab::util::install(&mut interp, w);
    }
    interp.set_ext(PesterRun {
        filter: filter.clone(),
        ..Default::default()
    });
    let code = crate::host::session::run_file(&mut interp, &name, &[]);
    let (tests, mut block_failures) = match interp.ext_mut::<PesterRun>() {
        Some(r) => (
            std::mem::take(&mut r.results),
            std::mem::take(&mut r.block_failures),
        ),
        None => (Vec::new(), Vec::new()),
    };
    if code != 0 && tests.is_empty() && block_failures.is_empty() {
        // The file could not run (a parse error, an error outside Describe).
        let err = host.err.borrow().clone();
        block_failures.push((
            name.clone(),
            err.lines()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" "),
        ));
    }
    FileResult {
        path: name,
        tests,
        block_failures,
        seconds: started.elapsed().as_secs_f64(),
    }
}

/// Runs the files on `jobs` threads; results in file order.
pub fn run_all(files: &[PathBuf], filter: &Filter, jobs: usize) -> Vec<FileResult> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: std::sync::Mutex<Vec<(usize, FileResult)>> = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1).min(files.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(f) = files.get(i) else { break };
                // Each file gets a big stack, as the binary's main thread does.
                let f2 = f.clone();
                let fl = filter.clone();
                let r = std::thread::Builder::new()
                    .stack_size(64 * 1024 * 1024)
                    .spawn(move || run_file(&f2, &fl))
                    .ok()
                    .and_then(|h| h.join().ok())
                    .unwrap_or_else(|| FileResult {
                        path: f.display().to_string(),
                        tests: Vec::new(),
                        block_failures: vec![(
                            f.display().to_string(),
                            "the test file crashed the runner".into(),
                        )],
                        seconds: 0.0,
                    });
                if let Ok(mut v) = results.lock() {
                    v.push((i, r));
                }
            });
        }
    });
    let mut v = results.into_inner().unwrap_or_default();
    v.sort_by_key(|(i, _)| *i);
    v.into_iter().map(|(_, r)| r).collect()
}

/// The report Pester prints: each file, each failure with its path and message, the
/// totals, and `N passed, N failed` alone on the last line.
pub fn report(results: &[FileResult], seconds: f64) -> String {
    let mut s = String::new();
    for f in results {
        s.push_str(&format!("Running tests from '{}'\n", f.path));
        for t in &f.tests {
            if let Outcome::Failed { message, at } = &t.outcome {
                s.push_str(&format!("[-] {} {}ms\n", t.full_name(), t.millis));
                for l in message.lines() {
                    s.push_str(&format!(" {}\n", l));
                }
                if !at.is_empty() {
                    s.push_str(&format!(" {}\n", at));
                }
            }
        }
        for (path, msg) in &f.block_failures {
            s.push_str(&format!("[-] {} failed\n {}\n", path, msg));
        }
    }
    let passed: usize = results.iter().map(FileResult::passed).sum();
    let failed: usize = results.iter().map(FileResult::failed).sum();
    let skipped: usize = results.iter().map(FileResult::skipped).sum();
    s.push_str(&format!("Tests completed in {:.2}s\n", seconds));
    s.push_str(&format!(
        "Tests Passed: {}, Failed: {}, Skipped: {}\n",
        passed, failed, skipped
    ));
    s.push_str(&format!("{} passed, {} failed\n", passed, failed));
    s
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// JUnit XML, as CI systems read it.
pub fn junit(results: &[FileResult], seconds: f64) -> String {
    let total: usize = results
        .iter()
        .map(|f| f.tests.len() + f.block_failures.len())
        .sum();
    let failed: usize = results.iter().map(FileResult::failed).sum();
    let skipped: usize = results.iter().map(FileResult::skipped).sum();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    s.push_str(&format!(
        "<testsuites name=\"exsh\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{:.3}\">\n",
        total, failed, skipped, seconds
    ));
    for f in results {
        s.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{:.3}\">\n",
            xml(&f.path),
            f.tests.len() + f.block_failures.len(),
            f.failed(),
            f.skipped(),
            f.seconds
        ));
        for t in &f.tests {
            s.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
                xml(&f.path),
                xml(&t.full_name()),
                t.millis as f64 / 1000.0
            ));
            match &t.outcome {
                Outcome::Passed => s.push_str(" />\n"),
                Outcome::Skipped => s.push_str(">\n      <skipped />\n    </testcase>\n"),
                Outcome::Failed { message, at } => s.push_str(&format!(
                    ">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                    xml(message),
                    xml(&format!("{}\n{}", message, at))
                )),
            }
        }
        for (path, msg) in &f.block_failures {
            s.push_str(&format!(
                "    <testcase classname=\"{}\" name=\"{}\" time=\"0\">\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n",
                xml(&f.path),
                xml(path),
                xml(msg),
                xml(msg)
            ));
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}

/// `exsh test ...`: prints the report, writes JUnit if asked, returns the exit code.
pub fn main(args: &[String]) -> i32 {
    let o = match parse(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("exsh test: {}", e);
            return 255;
        }
    };
    let started = std::time::Instant::now();
    let list = files(&o);
    let results = run_all(&list, &o.filter, o.jobs);
    let secs = started.elapsed().as_secs_f64();
    print!("{}", report(&results, secs));
    if let Some(path) = &o.junit {
        let text = junit(&results, secs);
        if let Err(e) = crate::cmdlets::lab::export_lab::write_atomic(Path::new(path), &text) {
            eprintln!("exsh test: cannot write {}: {}", path, e);
            return 255;
        }
    }
    let failed: usize = results.iter().map(FileResult::failed).sum();
    i32::try_from(failed.min(255)).unwrap_or(255)
}
