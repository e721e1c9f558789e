//! ConvertFrom-Json: JSON text to objects (see `format::json`).

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::ConvertFromJsonArgs;
use crate::format::json;

#[derive(Default)]
pub struct ConvertFromJson {
    lines: Vec<String>,
}

impl Cmdlet for ConvertFromJson {
    type Args = ConvertFromJsonArgs;
    fn process(&mut self, a: &Self::Args, _cx: &mut Cx) -> FlowResult<()> {
        self.lines.push(a.input_object.clone());
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let text = self.lines.join("\n");
        if text.trim().is_empty() {
            return Ok(());
        }
        let v = json::from_json(&text, a.as_hashtable).map_err(|e| {
            cx.fail(ErrorRecord::new(
                format!("Conversion from JSON failed with error: {}", e),
                "System.ArgumentException",
                ErrorCategory::NotSpecified,
            ))
        })?;
        if a.no_enumerate {
            cx.write(v)
        } else {
            cx.write_enumerated(v)
        }
    }
}
