//! Suspend-ClusterNode.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SuspendClusterNodeArgs;
use crate::model::Op;

#[derive(Default)]
pub struct SuspendClusterNode;

impl Cmdlet for SuspendClusterNode {
    type Args = SuspendClusterNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let mut names = a.name.clone();
        if let Some(i) = &a.input_object {
            names.push(lab::name_of(i));
        }
        let Some(c) = w.cluster(&cl) else { return Ok(()) };
        for n in names {
            let Some(node) = c.node(&n) else {
                cx.write_error(util::not_found("node", &n))?;
                continue;
            };
            let n = node.name.clone();
            if !cx.should_process(&n, "Suspend-ClusterNode")? {
                continue;
            }
            if util::apply_or_error(cx, Op::PauseNode { cluster: cl.clone(), node: n.clone() }, &n)? {
                let w = lab::world(cx)?;
                if let Some(c) = w.cluster(&cl) {
                    cx.write(util::node_object(c, &n))?;
                }
            }
        }
        Ok(())
    }
}
