//! Get-ClusterResourceDependency.

use crate::cmdlets::cluster::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetClusterResourceDependencyArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetClusterResourceDependency;

impl Cmdlet for GetClusterResourceDependency {
    type Args = GetClusterResourceDependencyArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(c) = w.cluster(&cl) else {
            return Ok(());
        };
        let names = match util::one_name(&a.resource, &a.input_object) {
            Some(n) => vec![n],
            None => c.resources.iter().map(|r| r.name.clone()).collect(),
        };
        for n in names {
            let Some(r) = c.resource(&n) else {
                cx.write_error(util::not_found("resource", &n))?;
                continue;
            };
            let expr = r
                .dependencies
                .iter()
                .map(|d| format!("[{}]", d))
                .collect::<Vec<_>>()
                .join(" and ");
            let mut o = PsObject::with_type(
                "Microsoft.FailoverClusters.PowerShell.ClusterResourceDependency",
            );
            o.set("Resource", Value::string(r.name.clone()));
            o.set("DependencyExpression", Value::string(expr));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}
