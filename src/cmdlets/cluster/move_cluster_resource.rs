//! Move-ClusterResource: to another group.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::MoveClusterResourceArgs;
use crate::model::Op;

#[derive(Default)]
pub struct MoveClusterResource;

impl Cmdlet for MoveClusterResource {
    type Args = MoveClusterResourceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(name) = util::one_name(&a.name, &a.input_object) else {
            return Ok(());
        };
        let op = Op::MoveResource {
            cluster: cl.clone(),
            resource: name.clone(),
            group: a.group.clone(),
        };
        if cx.should_process(&name, "Move-ClusterResource")? && util::apply_or_error(cx, op, &name)?
        {
            let w = lab::world(cx)?;
            if let Some(c) = w.cluster(&cl) {
                cx.write(util::resource_object(c, &name))?;
            }
        }
        Ok(())
    }
}
