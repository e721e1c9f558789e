//! Start-ClusterGroup (see `util::act`).

use crate::cmdlets::cluster::util::{self, Kind};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StartClusterGroupArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StartClusterGroup;

impl Cmdlet for StartClusterGroup {
    type Args = StartClusterGroupArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::act(
            cx,
            &a.cluster,
            a.name.clone().into_iter().collect(),
            &a.input_object,
            Kind::Group,
            "Start-ClusterGroup",
            |cluster, name| Op::OnlineGroup {
                cluster,
                group: name,
            },
        )
    }
}
