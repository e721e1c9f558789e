//! Remove-ClusterResource.

use crate::cmdlets::cluster::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::RemoveClusterResourceArgs;
use crate::model::Op;

#[derive(Default)]
pub struct RemoveClusterResource;

impl Cmdlet for RemoveClusterResource {
    type Args = RemoveClusterResourceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(name) = util::one_name(&a.name, &a.input_object) else {
            return Ok(());
        };
        if cx.should_process(&name, "Remove-ClusterResource")? {
            util::apply_or_error(
                cx,
                Op::RemoveResource {
                    cluster: cl,
                    resource: name.clone(),
                },
                &name,
            )?;
        }
        Ok(())
    }
}
