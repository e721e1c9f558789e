//! Set-ClusterParameter: a resource's private properties.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::SetClusterParameterArgs;
use crate::engine::value::Value;
use crate::model::Op;

#[derive(Default)]
pub struct SetClusterParameter;

impl Cmdlet for SetClusterParameter {
    type Args = SetClusterParameterArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let input = Some(a.input_object.clone().unwrap_or_default());
        let (_, cl) = util::target(cx, &a.cluster, &input)?;
        let resource = input.as_ref().map(lab::name_of).unwrap_or_default();
        let mut pairs: Vec<(String, String)> = Vec::new();
        if let Some(n) = &a.name {
            let v = a
                .value
                .as_ref()
                .map(|v| v.to_display_string())
                .unwrap_or_default();
            pairs.push((n.clone(), v));
        }
        if let Some(Value::Hashtable(h)) = &a.multiple {
            for (k, v) in h.borrow().iter() {
                pairs.push((k.to_display_string(), v.to_display_string()));
            }
        }
        if pairs.is_empty() {
            return Err(cx.fail(ErrorRecord::new(
                "Specify -Name and -Value, or -Multiple.",
                "MissingParameter",
                ErrorCategory::InvalidArgument,
            )));
        }
        if !cx.should_process(&resource, "Set-ClusterParameter")? {
            return Ok(());
        }
        for (name, value) in pairs {
            let op = Op::SetPrivateProperty {
                cluster: cl.clone(),
                resource: resource.clone(),
                name,
                value,
            };
            if !util::apply_or_error(cx, op, &resource)? {
                break;
            }
        }
        Ok(())
    }
}
