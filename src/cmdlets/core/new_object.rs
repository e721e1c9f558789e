//! New-Object: `New-Object PSObject -Property @{...}` (and PSCustomObject, Hashtable,
//! System.Collections.ArrayList and List[T] as resizable arrays); other .NET types are not simulated.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::NewObjectArgs;
use crate::engine::value::{ArrayKind, Hashtable, PsObject, Value};

#[derive(Default)]
pub struct NewObject;

impl Cmdlet for NewObject {
    type Args = NewObjectArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let t = a.type_name.to_ascii_lowercase();
        let t = t.strip_prefix("system.").unwrap_or(&t).to_string();
        let mut v = match t.as_str() {
            "psobject" | "management.automation.psobject" | "pscustomobject" | "object" => Value::object(PsObject::new()),
            "collections.hashtable" | "hashtable" => Value::hashtable(Hashtable::new(false)),
            "collections.arraylist" => Value::array_of(Vec::new(), ArrayKind::ArrayList),
            l if l.starts_with("collections.generic.list[") && l.ends_with(']') => {
                Value::array_of(Vec::new(), ArrayKind::List)
            }
            "datetime" => {
                let parts: Vec<i64> = a.argument_list.iter().filter_map(|v| crate::engine::convert::to_i64(v).ok()).collect();
                let c = crate::format::datetime::Civil {
                    year: parts.first().copied().unwrap_or(1),
                    month: parts.get(1).copied().unwrap_or(1) as u32,
                    day: parts.get(2).copied().unwrap_or(1) as u32,
                    hour: parts.get(3).copied().unwrap_or(0) as u32,
                    minute: parts.get(4).copied().unwrap_or(0) as u32,
                    second: parts.get(5).copied().unwrap_or(0) as u32,
                    frac: 0,
                };
                Value::DateTime(crate::format::datetime::from_civil(c))
            }
            _ => {
                return Err(cx.fail(ErrorRecord::new(
                    format!("Cannot find type [{}]: verify that the assembly containing this type is loaded.", a.type_name),
                    "TypeNotFound",
                    ErrorCategory::InvalidType,
                )))
            }
        };
        if let (Some(Value::Hashtable(props)), Value::Object(o)) = (&a.property, &mut v) {
            let mut o = o.borrow_mut();
            for (k, val) in props.borrow().iter() {
                o.set(&k.to_display_string(), val.clone());
            }
        }
        cx.write(v)
    }
}
