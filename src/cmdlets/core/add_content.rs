//! Add-Content: appends values (one per line) to a file.

use crate::cmdlets::core::set_content::write_file;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::AddContentArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct AddContent {
    lines: Vec<String>,
}

impl Cmdlet for AddContent {
    type Args = AddContentArgs;
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
        let mut text = self.lines.join("\n");
        if !self.lines.is_empty() {
            text.push('\n');
        }
        for p in &a.path {
            write_file(p, &text, true).map_err(|e| cx.fail(e))?;
        }
        Ok(())
    }
}
