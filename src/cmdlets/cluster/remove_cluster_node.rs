//! Remove-ClusterNode: evicts a node (high impact: asks unless -Force / -Confirm:$false).

use crate::cmdlets::cluster::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::RemoveClusterNodeArgs;
use crate::model::Op;

#[derive(Default)]
pub struct RemoveClusterNode;

impl Cmdlet for RemoveClusterNode {
    type Args = RemoveClusterNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(name) = util::one_name(&a.name, &a.input_object) else {
            return Ok(());
        };
        let go = if a.force {
            cx.should_process(&name, "Remove-ClusterNode")?
        } else {
            cx.should_process_high(&name, "Remove-ClusterNode")?
        };
        if go {
            util::apply_or_error(
                cx,
                Op::EvictNode {
                    cluster: cl,
                    node: name.clone(),
                },
                &name,
            )?;
        }
        Ok(())
    }
}
