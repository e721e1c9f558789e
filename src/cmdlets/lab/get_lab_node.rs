//! Get-LabNode: the lab's machines.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::ops;
use crate::engine::registry::GetLabNodeArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::Power;

#[derive(Default)]
pub struct GetLabNode;

impl Cmdlet for GetLabNode {
    type Args = GetLabNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = util::world(cx)?;
        let patterns = if a.name.is_empty() {
            vec!["*".to_string()]
        } else {
            a.name.clone()
        };
        for p in &patterns {
            let re = ops::wildcard_regex(p, false).map_err(|e| cx.fail(e))?;
            let hits: Vec<_> = w.servers.iter().filter(|s| re.is_match(&s.name)).collect();
            if hits.is_empty() && !p.contains(['*', '?']) {
                cx.write_error(ErrorRecord::new(
                    format!("The lab has no machine named '{}'.", p),
                    "NodeNotFound",
                    ErrorCategory::ObjectNotFound,
                ))?;
            }
            for s in hits {
                let state = match w.cluster_of_node(&s.name).and_then(|c| c.node(&s.name)) {
                    Some(n) => n.state.name().to_string(),
                    None if s.power == Power::On => "On".into(),
                    None => "Off".into(),
                };
                let mut o = PsObject::with_type("Exsh.Lab.Node");
                o.set("Name", Value::string(s.name.clone()));
                o.set("OS", Value::string(s.os.clone()));
                o.set("ServicePack", Value::string(s.service_pack.clone()));
                o.set("DotNetVersion", Value::string(s.dotnet.clone()));
                o.set(
                    "ExchangeVersion",
                    s.exchange_version
                        .clone()
                        .map(Value::string)
                        .unwrap_or(Value::Null),
                );
                o.set(
                    "Roles",
                    Value::array(s.roles.iter().map(|r| Value::string(r.clone())).collect()),
                );
                o.set(
                    "Hotfixes",
                    Value::array(
                        s.hotfixes
                            .iter()
                            .map(|r| Value::string(r.clone()))
                            .collect(),
                    ),
                );
                o.set("PendingReboot", Value::Bool(s.pending_reboot));
                o.set("State", Value::string(state));
                o.set(
                    "Cluster",
                    s.cluster.clone().map(Value::string).unwrap_or(Value::Null),
                );
                cx.write(Value::object(o))?;
            }
        }
        Ok(())
    }
}
