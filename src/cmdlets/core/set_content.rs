//! Set-Content: writes values (one per line) to a file, replacing it; -NoNewline.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::SetContentArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct SetContent {
    lines: Vec<String>,
}

pub fn write_file(path: &str, text: &str, append: bool) -> Result<(), ErrorRecord> {
    let r = if append {
        use std::io::Write;
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
    } else {
        std::fs::write(path, text)
    };
    r.map_err(|e| {
        ErrorRecord::new(
            format!("Could not write to '{}': {}", path, e),
            "FileWriteError",
            ErrorCategory::WriteError,
        )
    })
}

impl Cmdlet for SetContent {
    type Args = SetContentArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let vals: Vec<Value> = match &cx.input {
            Some(v) => vec![v.clone()],
            None => a.value.iter().flat_map(|v| v.enumerate()).collect(),
        };
        for v in vals {
            self.lines.push(cx.interp.stringify(&v));
        }
        Ok(())
    }
    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let sep = if a.no_newline { "" } else { "\n" };
        let mut text = self.lines.join(sep);
        if !a.no_newline && !self.lines.is_empty() {
            text.push('\n');
        }
        for p in &a.path {
            if !cx.should_process(p, "Set Content")? {
                continue;
            }
            write_file(p, &text, false).map_err(|e| cx.fail(e))?;
        }
        Ok(())
    }
}
