//! Stop-ClusterGroup (see `util::act`).

use crate::cmdlets::cluster::util::{self, Kind};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StopClusterGroupArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StopClusterGroup;

impl Cmdlet for StopClusterGroup {
    type Args = StopClusterGroupArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::act(
            cx,
            &a.cluster,
            a.name.clone().into_iter().collect(),
            &a.input_object,
            Kind::Group,
            "Stop-ClusterGroup",
            |cluster, name| Op::OfflineGroup {
                cluster,
                group: name,
            },
        )
    }
}
