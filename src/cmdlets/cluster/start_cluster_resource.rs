//! Start-ClusterResource (see `util::act`).

use crate::cmdlets::cluster::util::{self, Kind};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StartClusterResourceArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StartClusterResource;

impl Cmdlet for StartClusterResource {
    type Args = StartClusterResourceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::act(
            cx,
            &a.cluster,
            a.name.clone().into_iter().collect(),
            &a.input_object,
            Kind::Resource,
            "Start-ClusterResource",
            |cluster, name| Op::OnlineResource {
                cluster,
                resource: name,
            },
        )
    }
}
