//! `exsh test` tests itself: files with known outcomes under tests/pester, the summary,
//! the exit code, the JUnit XML, tags and name filters, sharding; and the project's own
//! regression suite in scripts/regression passes.

use std::path::PathBuf;

use exsh::testing::{self, FileResult};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (Vec<FileResult>, i32) {
    let mut a: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    for x in a.iter_mut() {
        if x.starts_with("tests/") || x.starts_with("scripts/") {
            *x = root().join(&*x).display().to_string();
        }
    }
    let o = testing::parse(&a).unwrap_or_else(|e| panic!("{}", e));
    let files = testing::files(&o);
    let results = testing::run_all(&files, &o.filter, o.jobs);
    let failed: usize = results.iter().map(FileResult::failed).sum();
    (results, i32::try_from(failed.min(255)).unwrap_or(255))
}

fn counts(r: &[FileResult]) -> (usize, usize, usize) {
    (
        r.iter().map(FileResult::passed).sum(),
        r.iter().map(FileResult::failed).sum(),
        r.iter().map(FileResult::skipped).sum(),
    )
}

#[test]
fn known_outcomes_per_file() {
    let cases = [
        ("passing.Tests.ps1", (15, 0, 0)),
        ("failing.Tests.ps1", (1, 3, 0)),
        ("skipped.Tests.ps1", (1, 0, 3)),
        ("before_all_throws.Tests.ps1", (0, 1, 0)),
        ("tags.Tests.ps1", (2, 0, 0)),
        ("cases.Tests.ps1", (4, 1, 0)),
        ("lab.Tests.ps1", (3, 0, 0)),
    ];
    for (file, want) in cases {
        let (r, code) = run(&[&format!("tests/pester/{}", file)]);
        assert_eq!(counts(&r), want, "{}", file);
        assert_eq!(code as usize, want.1, "{}", file);
    }
}

#[test]
fn the_summary_has_pesters_shape() {
    let (r, _) = run(&["tests/pester/failing.Tests.ps1"]);
    let text = testing::report(&r, 1.25);
    assert!(text.contains("[-] Failures.a wrong number"), "{}", text);
    assert!(text.contains(" Expected 5, but got 4."), "{}", text);
    assert!(
        text.contains(" Expected 2, because one is not two, but got 1."),
        "{}",
        text
    );
    assert!(text.contains("failing.Tests.ps1:2"), "{}", text);
    assert!(text.contains("Tests completed in 1.25s\n"));
    assert!(text.contains("Tests Passed: 1, Failed: 3, Skipped: 0\n"));
    assert!(text.ends_with("\n1 passed, 3 failed\n"), "{}", text);
    let (r, _) = run(&["tests/pester/cases.Tests.ps1"]);
    let text = testing::report(&r, 0.0);
    assert!(text.contains("[-] Data-driven.2 plus 2 is 5"), "{}", text);
}

#[test]
fn junit_is_well_formed_and_counts_match() {
    let (r, _) = run(&["tests/pester"]);
    let xml = testing::junit(&r, 0.5);
    let (p, f, s) = counts(&r);
    assert!(xml.starts_with("<?xml"));
    assert!(
        xml.contains(&format!(
            "tests=\"{}\" failures=\"{}\" skipped=\"{}\"",
            p + f + s,
            f,
            s
        )),
        "{}",
        xml
    );
    assert_eq!(xml.matches("<testcase ").count(), p + f + s);
    assert_eq!(xml.matches("<failure ").count(), f);
    assert_eq!(xml.matches("<skipped />").count(), s);
    // Balanced elements, no raw markup from messages.
    for tag in ["testsuites", "testsuite"] {
        assert_eq!(
            xml.matches(&format!("<{} ", tag)).count(),
            xml.matches(&format!("</{}>", tag)).count()
        );
    }
    let open_cases = xml.matches("<testcase ").count();
    let self_closed = xml.matches("\" />").count();
    assert_eq!(
        open_cases - self_closed + xml.matches("<skipped />").count(),
        xml.matches("</testcase>").count() + xml.matches("<skipped />").count()
    );
}

#[test]
fn tags_and_name_filters() {
    let (r, _) = run(&["tests/pester/tags.Tests.ps1", "-Tag", "slow"]);
    assert_eq!(counts(&r), (1, 0, 0));
    let (r, _) = run(&["tests/pester/tags.Tests.ps1", "-ExcludeTag", "slow"]);
    assert_eq!(counts(&r), (1, 0, 0));
    let (r, _) = run(&["tests/pester/tags.Tests.ps1", "-Tag", "cluster"]);
    assert_eq!(counts(&r), (2, 0, 0));
    let (r, _) = run(&[
        "tests/pester/passing.Tests.ps1",
        "-FullNameFilter",
        "*.is *",
    ]);
    assert_eq!(counts(&r).0, 7);
}

#[test]
fn shards_cover_every_file_exactly_once() {
    let all = testing::files(
        &testing::parse(&[root().join("tests/pester").display().to_string()]).unwrap_or_default(),
    );
    for n in 1..=4 {
        let mut seen = Vec::new();
        for k in 1..=n {
            let o = testing::parse(&[
                root().join("tests/pester").display().to_string(),
                "--shard".into(),
                format!("{}/{}", k, n),
            ])
            .unwrap_or_default();
            seen.extend(testing::files(&o));
        }
        seen.sort();
        assert_eq!(seen, all, "N = {}", n);
    }
    assert!(testing::parse(&["--shard".into(), "3/2".into()]).is_err());
}

#[test]
fn jobs_give_the_same_results_as_one_thread() {
    let (a, _) = run(&["tests/pester", "--jobs", "1"]);
    let (b, _) = run(&["tests/pester", "--jobs", "4"]);
    assert_eq!(counts(&a), counts(&b));
}

#[test]
fn the_projects_regression_suite_passes() {
    let (r, code) = run(&["scripts/regression"]);
    assert!(!r.is_empty());
    let text = testing::report(&r, 0.0);
    assert_eq!(code, 0, "{}", text);
}
