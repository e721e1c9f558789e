//! Get-Lab: the loaded lab, or the built-in ones.

use crate::cmdlets::lab::util::{self, LabSession};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetLabArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::labs;

#[derive(Default)]
pub struct GetLab;

impl Cmdlet for GetLab {
    type Args = GetLabArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if a.list_available {
            for (name, _) in labs::BUILTIN {
                let Ok(w) = labs::builtin(name) else { continue };
                let mut o = PsObject::with_type("Exsh.Lab.Available");
                o.set("Name", Value::str(name));
                o.set("Description", Value::string(w.description.clone()));
                cx.write(Value::object(o))?;
            }
            return Ok(());
        }
        let s: &LabSession = util::session(cx)?;
        let w = &s.world;
        let mut o = PsObject::with_type("Exsh.Lab.Lab");
        o.set("Name", Value::string(w.name.clone()));
        o.set("Description", Value::string(w.description.clone()));
        o.set("Clock", util::time(w.clock));
        o.set(
            "Seed",
            Value::Long(i64::try_from(w.seed).unwrap_or(i64::MAX)),
        );
        o.set("Identity", Value::string(w.identity.clone()));
        o.set("CurrentNode", Value::string(s.current_node.clone()));
        o.set(
            "Clusters",
            Value::array(
                w.clusters
                    .iter()
                    .map(|c| Value::string(c.name.clone()))
                    .collect(),
            ),
        );
        o.set(
            "Events",
            Value::Int(i32::try_from(w.events.len()).unwrap_or(i32::MAX)),
        );
        let v = Value::object(o);
        cx.write(v)
    }
}
