//! Get-Alias: aliases by name (wildcards) or by -Definition, as AliasInfo objects
//! (`Name`, `Definition`, `DisplayName` "alias -> target").

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::ops;
use crate::engine::registry::GetAliasArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetAlias;

pub const ALIAS_INFO: &str = "System.Management.Automation.AliasInfo";

impl Cmdlet for GetAlias {
    type Args = GetAliasArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let mut all: Vec<(String, String)> = cx
            .interp
            .aliases
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        all.sort_by(|x, y| x.0.cmp(&y.0));
        let names = if a.name.is_empty() && a.definition.is_empty() {
            vec!["*".to_string()]
        } else {
            a.name.clone()
        };
        let mut emit = Vec::new();
        for pat in &names {
            let re = ops::wildcard_regex(pat, false).map_err(|e| cx.fail(e))?;
            let wild = pat.contains('*') || pat.contains('?');
            let hits: Vec<_> = all
                .iter()
                .filter(|(k, _)| re.is_match(k))
                .cloned()
                .collect();
            if hits.is_empty() && !wild {
                let e = ErrorRecord::new(
                    format!("This command cannot find a matching alias because an alias with the name '{}' does not exist.", pat),
                    "ItemNotFoundException",
                    ErrorCategory::ObjectNotFound,
                )
                .with_target(Value::str(pat));
                cx.write_error(e)?;
            }
            emit.extend(hits);
        }
        for pat in &a.definition {
            let re = ops::wildcard_regex(pat, false).map_err(|e| cx.fail(e))?;
            emit.extend(all.iter().filter(|(_, v)| re.is_match(v)).cloned());
        }
        for (name, target) in emit {
            let mut o = PsObject::with_type(ALIAS_INFO);
            o.type_names.push(std::rc::Rc::from(
                "System.Management.Automation.CommandInfo",
            ));
            o.set("CommandType", Value::str("Alias"));
            o.set("Name", Value::string(name.clone()));
            o.set("Definition", Value::string(target.clone()));
            o.set("ResolvedCommandName", Value::string(target.clone()));
            o.set(
                "DisplayName",
                Value::string(format!("{} -> {}", name, target)),
            );
            o.set("Version", Value::str(""));
            o.set("Source", Value::str(""));
            o.set("__ToString", Value::string(name));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}
