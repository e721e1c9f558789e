//! Get-ClusterNode.

use crate::cmdlets::cluster::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetClusterNodeArgs;

#[derive(Default)]
pub struct GetClusterNode;

impl Cmdlet for GetClusterNode {
    type Args = GetClusterNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(c) = w.cluster(&cl) else {
            return Ok(());
        };
        let names = util::matching(c.nodes.iter().map(|n| n.name.as_str()), &a.name)
            .map_err(|e| cx.fail(e))?;
        for p in &a.name {
            if !p.contains(['*', '?']) && c.node(p).is_none() {
                cx.write_error(util::not_found("node", p))?;
            }
        }
        for n in names {
            cx.write(util::node_object(c, &n))?;
        }
        Ok(())
    }
}
