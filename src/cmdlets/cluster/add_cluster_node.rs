//! Add-ClusterNode.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::AddClusterNodeArgs;
use crate::model::Op;

#[derive(Default)]
pub struct AddClusterNode;

impl Cmdlet for AddClusterNode {
    type Args = AddClusterNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &None)?;
        for n in &a.name {
            if !cx.should_process(n, "Add-ClusterNode")? {
                continue;
            }
            if util::apply_or_error(
                cx,
                Op::AddNode {
                    cluster: cl.clone(),
                    node: n.clone(),
                },
                n,
            )? {
                let w = lab::world(cx)?;
                if let Some(c) = w.cluster(&cl) {
                    cx.write(util::node_object(c, n))?;
                }
            }
        }
        Ok(())
    }
}
