//! The manifests in `cmdlets/` are the one source of truth for each command: this checks
//! that every manifest has a handler and every handler a manifest, that every example
//! in a manifest prints what it says, and that the reference pages in `docs/cmdlets/`
//! are the ones the manifests generate (`EXSH_BLESS=1 cargo test --test manifests`
//! rewrites them).

use std::path::{Path, PathBuf};

use exsh::engine::interp::{BufferHost, Interp};
use exsh::engine::registry::{Registry, COMMANDS};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `Get-ClusterGroup` -> `get_cluster_group` (the rule build.rs uses).
fn snake(name: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '-' || c == '.' {
            out.push('_');
            prev_lower = false;
        } else if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else {
            out.push(c);
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        }
    }
    out
}

#[test]
fn every_handler_has_a_manifest() {
    let names: Vec<(String, String)> = COMMANDS
        .iter()
        .map(|c| (c.family.to_string(), snake(c.name)))
        .collect();
    let src = root().join("src").join("cmdlets");
    let mut orphans = Vec::new();
    for fam in std::fs::read_dir(&src).into_iter().flatten().flatten() {
        if !fam.path().is_dir() {
            continue;
        }
        let family = fam.file_name().to_string_lossy().to_string();
        for f in std::fs::read_dir(fam.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let p = f.path();
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            if p.extension().is_none_or(|e| e != "rs") || stem == "mod" || stem == "util" {
                continue;
            }
            if !names.contains(&(family.clone(), stem.clone())) {
                orphans.push(format!("src/cmdlets/{}/{}.rs", family, stem));
            }
        }
    }
    assert!(
        orphans.is_empty(),
        "handlers without a manifest: {:?}",
        orphans
    );
}

#[test]
fn every_manifest_has_a_handler_module() {
    // build.rs names the handler; this checks the file is where the family says.
    for c in COMMANDS {
        let p = root()
            .join("src")
            .join("cmdlets")
            .join(c.family)
            .join(format!("{}.rs", snake(c.name)));
        assert!(
            p.is_file(),
            "{} has no handler file {}",
            c.name,
            p.display()
        );
    }
}

/// Examples that cannot pass yet, with the reason. Empty this as features land.
const EXAMPLES_PENDING: &[(&str, &str)] = &[];

#[test]
fn manifest_examples_print_what_they_say() {
    let reg = Registry::builtin();
    let mut failures = Vec::new();
    let mut ran = 0;
    for spec in reg.all_specs() {
        for (i, e) in spec.examples.iter().enumerate() {
            let Some(expected) = &e.output else { continue };
            let key = format!("{}#{}", spec.name, i + 1);
            let pending = EXAMPLES_PENDING.iter().any(|(n, _)| *n == key);
            let host = BufferHost::default();
            let mut interp = Interp::new(Box::new(host.clone()));
            let lab = e
                .lab
                .clone()
                .unwrap_or_else(|| exsh::model::labs::DEFAULT.to_string());
            match exsh::model::labs::builtin(&lab) {
                Ok(w) => exsh::cmdlets::lab::util::install(&mut interp, w),
                Err(err) => panic!("{} example {}: {}", spec.name, i + 1, err),
            }
            let _ = exsh::host::session::run_command(&mut interp, &e.code);
            let out = host.out.borrow().clone();
            let norm = |s: &str| -> Vec<String> {
                let mut v: Vec<String> = s.lines().map(|l| l.trim_end().to_string()).collect();
                while v.last().is_some_and(|l| l.is_empty()) {
                    v.pop();
                }
                v
            };
            ran += 1;
            let ok = norm(&out) == norm(expected);
            if ok && pending {
                failures.push(format!(
                    "{} example {} passes: remove it from EXAMPLES_PENDING",
                    spec.name,
                    i + 1
                ));
            } else if !ok && !pending {
                failures.push(format!(
                    "{} example {} ({}):\n--- expected ---\n{}\n--- actual ---\n{}\n--- stderr ---\n{}",
                    spec.name,
                    i + 1,
                    e.title,
                    expected,
                    out,
                    host.err.borrow()
                ));
            }
        }
    }
    assert!(ran > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn write_or_compare(path: &Path, want: &str, stale: &mut Vec<String>) {
    let bless = std::env::var_os("EXSH_BLESS").is_some();
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have != want {
        if bless {
            if let Some(d) = path.parent() {
                let _ = std::fs::create_dir_all(d);
            }
            let _ = std::fs::write(path, want);
        } else {
            stale.push(path.display().to_string());
        }
    }
}

#[test]
fn reference_pages_are_current() {
    let reg = Registry::builtin();
    let dir = root().join("docs").join("cmdlets");
    let mut stale = Vec::new();
    let mut index = String::from(
        "<!-- Generated from cmdlets/ manifests by `EXSH_BLESS=1 cargo test --test manifests`. Do not edit. -->\n# Command reference\n\n| Command | Module | Synopsis |\n|---|---|---|\n",
    );
    let mut expected_files = vec!["README.md".to_string()];
    for spec in reg.all_specs() {
        let file = format!("{}.md", spec.name);
        index.push_str(&format!(
            "| [{}]({}) | {} | {} |\n",
            spec.name, file, spec.module, spec.synopsis
        ));
        write_or_compare(
            &dir.join(&file),
            &exsh::engine::help::markdown(&spec),
            &mut stale,
        );
        expected_files.push(file);
    }
    write_or_compare(&dir.join("README.md"), &index, &mut stale);
    // Pages of commands that no longer exist.
    for f in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = f.file_name().to_string_lossy().to_string();
        if !expected_files.contains(&name) {
            if std::env::var_os("EXSH_BLESS").is_some() {
                let _ = std::fs::remove_file(f.path());
            } else {
                stale.push(format!("{} (no such command)", f.path().display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale reference pages (run `EXSH_BLESS=1 cargo test --test manifests`): {:?}",
        stale
    );
}
