//! Set-Variable: sets (or creates) a variable in the caller's scope, or in -Scope.

use std::rc::Rc;

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetVariableArgs;
use crate::engine::value::Value;
use crate::lang::ast::VarScope;

#[derive(Default)]
pub struct SetVariable;

pub fn scope_of(s: Option<&str>) -> VarScope {
    match s.map(|x| x.to_ascii_lowercase()).as_deref() {
        Some("global") => VarScope::Global,
        Some("script") => VarScope::Script,
        Some("local") => VarScope::Local,
        _ => VarScope::Local,
    }
}

impl Cmdlet for SetVariable {
    type Args = SetVariableArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let value = cx
            .input
            .clone()
            .or_else(|| a.value.clone())
            .unwrap_or(Value::Null);
        for name in &a.name {
            let target = format!("Name: {} Value: {}", name, cx.interp.stringify(&value));
            if !cx.should_process(&target, "Set variable")? {
                continue;
            }
            let key: Rc<str> = Rc::from(name.to_lowercase());
            let text: Rc<str> = Rc::from(name.as_str());
            cx.interp
                .assign_var(
                    &key,
                    &text,
                    &scope_of(a.scope.as_deref()),
                    value.clone(),
                    None,
                )
                .map_err(|e| cx.fail(e))?;
            if a.pass_thru {
                cx.write(value.clone())?;
            }
        }
        Ok(())
    }
}
