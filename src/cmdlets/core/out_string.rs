//! Out-String: the input rendered as the console shows it, as one string (or one per
//! line with -Stream).

use crate::cmdlets::core::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::OutStringArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct OutString {
    items: Vec<Value>,
}

impl Cmdlet for OutString {
    type Args = OutStringArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(item) = util::input_of(cx, &a.input_object) {
            self.items.push(item);
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let mut f = cx.interp.formatter.fresh();
        if let Some(w) = a.width {
            f.width = usize::try_from(w).unwrap_or(1).max(1);
        }
        let mut text = String::new();
        for v in &self.items {
            text.push_str(&f.push(v));
        }
        text.push_str(&f.finish());
        if a.stream {
            for line in text.lines() {
                cx.write(Value::string(line.to_string()))?;
            }
            return Ok(());
        }
        cx.write(Value::string(text))
    }
}
