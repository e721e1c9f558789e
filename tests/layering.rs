//! The layering rules of ARCHITECTURE.md, checked on the source text, and the rule that
//! every source file opens with a `//!` line saying what it owns.

use std::path::{Path, PathBuf};

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn files_in(sub: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(sub);
    let mut v = Vec::new();
    rs_files(&root, &mut v);
    v.into_iter()
        .map(|p| {
            let t = std::fs::read_to_string(&p).unwrap_or_default();
            (p, t)
        })
        .collect()
}

fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim_start().starts_with("//"))
}

#[test]
fn lang_and_engine_know_no_model() {
    for sub in ["lang", "engine"] {
        for (p, t) in files_in(sub) {
            assert!(
                !code_lines(&t).any(|l| l.contains("crate::model")),
                "{} uses crate::model",
                p.display()
            );
        }
    }
}

#[test]
fn lang_knows_no_other_layer() {
    for (p, t) in files_in("lang") {
        for layer in [
            "crate::engine",
            "crate::cmdlets",
            "crate::host",
            "crate::format",
        ] {
            assert!(
                !code_lines(&t).any(|l| l.contains(layer)),
                "{} uses {}",
                p.display(),
                layer
            );
        }
    }
}

#[test]
fn model_knows_no_engine() {
    for (p, t) in files_in("model") {
        assert!(
            !code_lines(&t).any(|l| l.contains("crate::engine")),
            "{} uses crate::engine",
            p.display()
        );
    }
}

#[test]
fn every_file_says_what_it_owns() {
    for (p, t) in files_in("") {
        assert!(
            t.trim_start().starts_with("//!"),
            "{} does not open with a //! line",
            p.display()
        );
    }
}
