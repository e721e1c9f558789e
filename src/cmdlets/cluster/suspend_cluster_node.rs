//! Suspend-ClusterNode (see `util::act`).

use crate::cmdlets::cluster::util::{self, Kind};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SuspendClusterNodeArgs;
use crate::model::Op;

#[derive(Default)]
pub struct SuspendClusterNode;

impl Cmdlet for SuspendClusterNode {
    type Args = SuspendClusterNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::act(
            cx,
            &a.cluster,
            a.name.clone(),
            &a.input_object,
            Kind::Node,
            "Suspend-ClusterNode",
            |cluster, name| Op::PauseNode {
                cluster,
                node: name,
            },
        )
    }
}
