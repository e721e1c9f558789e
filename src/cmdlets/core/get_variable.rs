//! Get-Variable: variables by name (wildcards), as PSVariable objects or -ValueOnly.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::ops;
use crate::engine::registry::GetVariableArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetVariable;

pub const PS_VARIABLE: &str = "System.Management.Automation.PSVariable";

impl Cmdlet for GetVariable {
    type Args = GetVariableArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let vars = cx.interp.visible_vars();
        let patterns = if a.name.is_empty() {
            vec!["*".to_string()]
        } else {
            a.name.clone()
        };
        for pat in &patterns {
            let re = ops::wildcard_regex(pat, false).map_err(|e| cx.fail(e))?;
            let wild = pat.contains('*') || pat.contains('?');
            let mut found = false;
            for v in &vars {
                if !re.is_match(&v.name) {
                    continue;
                }
                if a.exclude.iter().any(|x| {
                    ops::wildcard_regex(x, false)
                        .map(|r| r.is_match(&v.name))
                        .unwrap_or(false)
                }) {
                    continue;
                }
                found = true;
                if a.value_only {
                    cx.write(v.value.clone())?;
                } else {
                    let mut o = PsObject::with_type(PS_VARIABLE);
                    o.set("Name", Value::Str(v.name.clone()));
                    o.set("Value", v.value.clone());
                    o.set("__ToString", Value::Str(v.name.clone()));
                    cx.write(Value::object(o))?;
                }
            }
            if !found && !wild {
                let e = ErrorRecord::new(
                    format!("Cannot find a variable with the name '{}'.", pat),
                    "VariableNotFound",
                    ErrorCategory::ObjectNotFound,
                )
                .with_target(Value::str(pat));
                cx.write_error(e)?;
            }
        }
        Ok(())
    }
}
