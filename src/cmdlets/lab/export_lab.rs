//! Export-Lab: the world to a file, atomically (temporary file, sync, rename).

use std::io::Write;

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::ExportLabArgs;
use crate::model::labs;

#[derive(Default)]
pub struct ExportLab;

/// The steps of an atomic write, for tests that interrupt it at each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Create,
    Write,
    Sync,
    Rename,
}

/// Writes `text` to `path` so that a crash at any point leaves either the old file or
/// the new one, never a torn one.
pub fn write_atomic(path: &std::path::Path, text: &str) -> std::io::Result<()> {
    write_atomic_failing(path, text, None)
}

/// `write_atomic`, failing at `fail_at` as a crash there would.
pub fn write_atomic_failing(
    path: &std::path::Path,
    text: &str,
    fail_at: Option<Step>,
) -> std::io::Result<()> {
    let crash = |s: Step| -> std::io::Result<()> {
        if fail_at == Some(s) {
            Err(std::io::Error::other(format!("interrupted at {:?}", s)))
        } else {
            Ok(())
        }
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "lab".into());
    let tmp = dir.join(format!(".{}.tmp-{}", name, std::process::id()));
    let result = (|| {
        crash(Step::Create)?;
        let mut f = std::fs::File::create(&tmp)?;
        // A crash in the middle of the write leaves half the text in the temporary file.
        let half = text.len() / 2;
        f.write_all(&text.as_bytes()[..half])?;
        crash(Step::Write)?;
        f.write_all(&text.as_bytes()[half..])?;
        crash(Step::Sync)?;
        f.sync_all()?;
        crash(Step::Rename)?;
        std::fs::rename(&tmp, path)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

impl Cmdlet for ExportLab {
    type Args = ExportLabArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = util::world(cx)?;
        let text = labs::to_json(&w);
        write_atomic(std::path::Path::new(&a.path), &text).map_err(|e| {
            cx.fail(ErrorRecord::new(
                format!("Cannot write lab file '{}': {}", a.path, e),
                "LabWriteError",
                ErrorCategory::WriteError,
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interrupted_export_leaves_the_previous_file_intact() {
        let dir = std::env::temp_dir().join(format!("exsh-export-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("lab.json");
        assert!(write_atomic(&path, "old lab").is_ok());
        for step in [Step::Create, Step::Write, Step::Sync, Step::Rename] {
            assert!(
                write_atomic_failing(&path, "new lab, longer than the old", Some(step)).is_err()
            );
            assert_eq!(
                std::fs::read_to_string(&path).unwrap_or_default(),
                "old lab",
                "{:?}",
                step
            );
            let leftovers = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
            assert_eq!(leftovers, 1, "a temporary file was left after {:?}", step);
        }
        assert!(write_atomic(&path, "new lab").is_ok());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            "new lab"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
