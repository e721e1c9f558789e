//! Get-ClusterOwnerNode: preferred owners of a group, possible owners of a resource.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetClusterOwnerNodeArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetClusterOwnerNode;

pub fn owners_object(object: &str, owners: &[String]) -> Value {
    let mut o = PsObject::with_type("Microsoft.FailoverClusters.PowerShell.ClusterOwnerNodes");
    o.set("ClusterObject", Value::string(object.to_string()));
    o.set(
        "OwnerNodes",
        Value::array(owners.iter().map(|n| Value::string(n.clone())).collect()),
    );
    Value::object(o)
}

impl Cmdlet for GetClusterOwnerNode {
    type Args = GetClusterOwnerNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(c) = w.cluster(&cl) else {
            return Ok(());
        };
        let piped_resource = a
            .input_object
            .as_ref()
            .filter(|i| util::kind_of(i).as_deref() == Some(util::RESOURCE))
            .map(lab::name_of);
        let resource = a.resource.clone().or(piped_resource);
        let group = a.group.clone().or_else(|| {
            a.input_object
                .as_ref()
                .filter(|i| util::kind_of(i).as_deref() == Some(util::GROUP))
                .map(lab::name_of)
        });
        if let Some(r) = resource {
            match c.resource(&r) {
                Some(x) => cx.write(owners_object(&x.name, &x.possible_owners))?,
                None => cx.write_error(util::not_found("resource", &r))?,
            }
        } else if let Some(g) = group {
            match c.group(&g) {
                Some(x) => cx.write(owners_object(&x.name, &x.preferred_owners))?,
                None => cx.write_error(util::not_found("group", &g))?,
            }
        }
        Ok(())
    }
}
