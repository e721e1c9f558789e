//! Test-ClusterResourceFailure (see `util::act`).

use crate::cmdlets::cluster::util::{self, Kind};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::TestClusterResourceFailureArgs;
use crate::model::Op;

#[derive(Default)]
pub struct TestClusterResourceFailure;

impl Cmdlet for TestClusterResourceFailure {
    type Args = TestClusterResourceFailureArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        util::act(
            cx,
            &a.cluster,
            a.name.clone().into_iter().collect(),
            &a.input_object,
            Kind::Resource,
            "Test-ClusterResourceFailure",
            |cluster, name| Op::FailResource {
                cluster,
                resource: name,
                planned: true,
            },
        )
    }
}
