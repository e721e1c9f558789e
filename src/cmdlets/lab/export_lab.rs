//! Export-Lab: the world to a file, atomically (temporary file, sync, rename).

use std::io::Write;

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::ExportLabArgs;
use crate::model::labs;

#[derive(Default)]
pub struct ExportLab;

/// Writes `text` to `path` so that a crash at any point leaves either the old file or
/// the new one, never a torn one.
pub fn write_atomic(path: &std::path::Path, text: &str) -> std::io::Result<()> {
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
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
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
