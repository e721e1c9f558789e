//! Remove-Variable: deletes variables by name.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::RemoveVariableArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct RemoveVariable;

impl Cmdlet for RemoveVariable {
    type Args = RemoveVariableArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        for name in &a.name {
            if !cx.interp.remove_var(&name.to_lowercase()) {
                let e = ErrorRecord::new(
                    format!("Cannot find a variable with the name '{}'.", name),
                    "VariableNotFound",
                    ErrorCategory::ObjectNotFound,
                )
                .with_target(Value::str(name));
                cx.write_error(e)?;
            }
        }
        Ok(())
    }
}
