//! Remove-ClusterResourceDependency.

use crate::cmdlets::cluster::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::RemoveClusterResourceDependencyArgs;
use crate::model::Op;

#[derive(Default)]
pub struct RemoveClusterResourceDependency;

impl Cmdlet for RemoveClusterResourceDependency {
    type Args = RemoveClusterResourceDependencyArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(resource) = util::one_name(&a.resource, &a.input_object) else {
            return Ok(());
        };
        let Some(provider) = a.provider.clone() else {
            return Ok(());
        };
        if cx.should_process(&resource, "Remove-ClusterResourceDependency")? {
            util::apply_or_error(
                cx,
                Op::RemoveDependency {
                    cluster: cl,
                    resource: resource.clone(),
                    provider,
                },
                &resource,
            )?;
        }
        Ok(())
    }
}
