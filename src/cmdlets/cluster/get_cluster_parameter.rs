//! Get-ClusterParameter: a resource's private properties.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::ops;
use crate::engine::registry::GetClusterParameterArgs;
use crate::engine::value::{PsObject, Value};

pub const PARAMETER: &str = "Microsoft.FailoverClusters.PowerShell.ClusterParameter";

#[derive(Default)]
pub struct GetClusterParameter;

impl Cmdlet for GetClusterParameter {
    type Args = GetClusterParameterArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let input = Some(a.input_object.clone().unwrap_or_default());
        let (w, cl) = util::target(cx, &a.cluster, &input)?;
        let name = input.as_ref().map(lab::name_of).unwrap_or_default();
        let Some(r) = w.cluster(&cl).and_then(|c| c.resource(&name)) else {
            return cx.write_error(util::not_found("resource", &name));
        };
        let mut patterns = Vec::new();
        for p in &a.name {
            patterns.push(ops::wildcard_regex(p, false).map_err(|e| cx.fail(e))?);
        }
        for (k, v) in &r.private {
            if !patterns.is_empty() && !patterns.iter().any(|p| p.is_match(k)) {
                continue;
            }
            let mut o = PsObject::with_type(PARAMETER);
            o.set("ClusterObject", Value::string(r.name.clone()));
            o.set("Name", Value::string(k.clone()));
            o.set("IsReadOnly", Value::Bool(false));
            o.set("ParameterType", Value::str("String"));
            o.set("Value", Value::string(v.clone()));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}
