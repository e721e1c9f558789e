//! Move-ClusterGroup (see `util::act`).

use crate::cmdlets::cluster::util::{self, Kind};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::MoveClusterGroupArgs;
use crate::model::Op;

#[derive(Default)]
pub struct MoveClusterGroup;

impl Cmdlet for MoveClusterGroup {
    type Args = MoveClusterGroupArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::act(
            cx,
            &a.cluster,
            a.name.clone().into_iter().collect(),
            &a.input_object,
            Kind::Group,
            "Move-ClusterGroup",
            |cluster, name| Op::MoveGroup {
                cluster,
                group: name,
                node: a.node.clone(),
            },
        )
    }
}
