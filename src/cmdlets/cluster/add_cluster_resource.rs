//! Add-ClusterResource.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::AddClusterResourceArgs;
use crate::model::Op;

#[derive(Default)]
pub struct AddClusterResource;

impl Cmdlet for AddClusterResource {
    type Args = AddClusterResourceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &None)?;
        let op = Op::AddResource {
            cluster: cl.clone(),
            group: a.group.clone(),
            resource: a.name.clone(),
            kind: a.resource_type.clone(),
            private: Default::default(),
        };
        if cx.should_process(&a.name, "Add-ClusterResource")?
            && util::apply_or_error(cx, op, &a.name)?
        {
            let w = lab::world(cx)?;
            if let Some(c) = w.cluster(&cl) {
                cx.write(util::resource_object(c, &a.name))?;
            }
        }
        Ok(())
    }
}
