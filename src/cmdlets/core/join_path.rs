//! Join-Path: joins a parent path and child paths with one separator.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::JoinPathArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct JoinPath;

/// Joins with the separator the path already uses (`\` for Windows-style paths).
pub fn join(parent: &str, child: &str) -> String {
    let sep = if parent.contains('\\') || child.contains('\\') || parent.ends_with(':') {
        '\\'
    } else {
        '/'
    };
    if parent.is_empty() {
        return child.to_string();
    }
    let p = parent.trim_end_matches(['/', '\\']);
    let c = child.trim_start_matches(['/', '\\']);
    format!("{}{}{}", p, sep, c)
}

impl Cmdlet for JoinPath {
    type Args = JoinPathArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let parents: Vec<String> = match &cx.input {
            Some(v) => vec![v.to_display_string()],
            None => a.path.clone(),
        };
        for p in parents {
            let mut out = join(&p, &a.child_path.clone().unwrap_or_default());
            for extra in &a.additional_child_path {
                out = join(&out, extra);
            }
            cx.write(Value::string(out))?;
        }
        Ok(())
    }
}
