//! Get-Content: a file's lines (or -Raw as one string), -TotalCount/-Tail.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::GetContentArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct GetContent;

pub fn path_not_found(p: &str) -> ErrorRecord {
    let mut e = ErrorRecord::new(
        format!("Cannot find path '{}' because it does not exist.", p),
        "PathNotFound",
        ErrorCategory::ObjectNotFound,
    )
    .with_target(Value::str(p));
    e.exception_type = "ItemNotFoundException".into();
    e
}

impl Cmdlet for GetContent {
    type Args = GetContentArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        for p in &a.path {
            let text = match std::fs::read_to_string(p) {
                Ok(t) => t,
                Err(_) => {
                    cx.write_error(path_not_found(p))?;
                    continue;
                }
            };
            if a.raw {
                cx.write(Value::string(text))?;
                continue;
            }
            let mut lines: Vec<&str> = text.lines().collect();
            if let Some(n) = a.total_count {
                if n >= 0 {
                    lines.truncate(n as usize);
                }
            }
            if let Some(n) = a.tail {
                let skip = lines.len().saturating_sub(n.max(0) as usize);
                lines = lines.split_off(skip);
            }
            for l in lines {
                cx.write(Value::str(l))?;
            }
        }
        Ok(())
    }
}
