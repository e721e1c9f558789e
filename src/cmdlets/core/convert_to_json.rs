//! ConvertTo-Json: the input as JSON text (see `format::json`).

use crate::cmdlets::core::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ConvertToJsonArgs;
use crate::engine::value::Value;
use crate::format::json::{self, JsonOptions};

#[derive(Default)]
pub struct ConvertToJson {
    items: Vec<Value>,
}

impl Cmdlet for ConvertToJson {
    type Args = ConvertToJsonArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(v) = util::input_of(cx, &a.input_object) {
            self.items.push(v);
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let mut items = std::mem::take(&mut self.items);
        let value = if items.len() == 1 && !a.as_array {
            items.pop().unwrap_or(Value::Null)
        } else if items.len() == 1 {
            match items.pop().unwrap_or(Value::Null) {
                v @ Value::Array(_) => v,
                v => Value::array(vec![v]),
            }
        } else {
            Value::array(items)
        };
        let depth = a.depth.unwrap_or(2).clamp(0, 100) as usize;
        let (text, truncated) = json::to_json(
            &value,
            JsonOptions {
                depth,
                compress: a.compress,
            },
        );
        if truncated {
            cx.write_warning(&format!(
                "Resulting JSON is truncated as serialization has exceeded the set depth of {}.",
                depth
            ))?;
        }
        cx.write(Value::string(text))
    }
}
