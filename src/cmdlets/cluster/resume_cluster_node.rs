//! Resume-ClusterNode (see `util::act`).

use crate::cmdlets::cluster::util::{self, Kind};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ResumeClusterNodeArgs;
use crate::model::Op;

#[derive(Default)]
pub struct ResumeClusterNode;

impl Cmdlet for ResumeClusterNode {
    type Args = ResumeClusterNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::act(
            cx,
            &a.cluster,
            a.name.clone(),
            &a.input_object,
            Kind::Node,
            "Resume-ClusterNode",
            |cluster, name| Op::ResumeNode {
                cluster,
                node: name,
            },
        )
    }
}
