//! Group-Object: groups input by property values (case-insensitive unless
//! -CaseSensitive) into GroupInfo objects (Count, Name, Group), sorted by name as
//! PowerShell 7 does; -NoElement, -AsHashTable, -AsString.

use crate::cmdlets::core::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{Flow, FlowResult};
use crate::engine::registry::GroupObjectArgs;
use crate::engine::value::{Hashtable, Value};

#[derive(Default)]
pub struct GroupObject {
    items: Vec<Value>,
}

pub const GROUP_INFO: &str = "Microsoft.PowerShell.Commands.GroupInfo";

impl Cmdlet for GroupObject {
    type Args = GroupObjectArgs;

    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(item) = util::input_of(cx, &a.input_object) {
            self.items.push(item);
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let sels = util::selectors(&a.property).map_err(Flow::error)?;
        // (name, key values, members)
        let mut groups: Vec<(String, Vec<Value>, Vec<Value>)> = Vec::new();
        for it in std::mem::take(&mut self.items) {
            let mut keys = Vec::new();
            if sels.is_empty() {
                keys.push(it.clone());
            } else {
                for s in &sels {
                    keys.push(util::select_value(cx, s, &it)?);
                }
            }
            let name = keys
                .iter()
                .map(|k| cx.interp.stringify(k))
                .collect::<Vec<_>>()
                .join(", ");
            let found = groups.iter_mut().find(|g| {
                if a.case_sensitive {
                    g.0 == name
                } else {
                    g.0.to_lowercase() == name.to_lowercase()
                }
            });
            match found {
                Some(g) => g.2.push(it),
                None => groups.push((name, keys, vec![it])),
            }
        }
        groups.sort_by(|x, y| {
            for (p, q) in x.1.iter().zip(y.1.iter()) {
                let o = util::compare_keys(p, q, a.case_sensitive);
                if o != std::cmp::Ordering::Equal {
                    return o;
                }
            }
            std::cmp::Ordering::Equal
        });
        if a.as_hash_table {
            let mut h = Hashtable::new(false);
            for (name, keys, members) in groups {
                let key = if a.as_string || keys.len() != 1 {
                    Value::string(name)
                } else {
                    keys[0].clone()
                };
                h.insert(key, Value::array(members));
            }
            return cx.write(Value::hashtable(h));
        }
        for (name, keys, members) in groups {
            let count = Value::from(members.len());
            let mut pairs = vec![("Count", count), ("Name", Value::string(name))];
            if !a.no_element {
                pairs.push(("Group", Value::array(members)));
            }
            pairs.push(("Values", Value::array(keys)));
            cx.write(util::typed_object(GROUP_INFO, pairs))?;
        }
        Ok(())
    }
}
