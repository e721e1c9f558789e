//! Stop-ClusterResource (see `util::act`).

use crate::cmdlets::cluster::util::{self, Kind};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StopClusterResourceArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StopClusterResource;

impl Cmdlet for StopClusterResource {
    type Args = StopClusterResourceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::act(
            cx,
            &a.cluster,
            a.name.clone().into_iter().collect(),
            &a.input_object,
            Kind::Resource,
            "Stop-ClusterResource",
            |cluster, name| Op::OfflineResource {
                cluster,
                resource: name,
            },
        )
    }
}
