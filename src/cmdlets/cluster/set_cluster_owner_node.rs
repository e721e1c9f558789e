//! Set-ClusterOwnerNode: preferred owners of a group, possible owners of a resource.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetClusterOwnerNodeArgs;
use crate::model::Op;

#[derive(Default)]
pub struct SetClusterOwnerNode;

impl Cmdlet for SetClusterOwnerNode {
    type Args = SetClusterOwnerNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        // `-Owners NODE1,NODE2` may come as one comma-separated string.
        let owners: Vec<String> = a
            .owners
            .iter()
            .flat_map(|o| o.split(',').map(|s| s.trim().to_string()))
            .filter(|s| !s.is_empty())
            .collect();
        let piped = a
            .input_object
            .as_ref()
            .map(|i| (util::kind_of(i), lab::name_of(i)));
        let (op, target) = if let Some(r) = a.resource.clone().or_else(|| {
            piped
                .clone()
                .filter(|(k, _)| k.as_deref() == Some(util::RESOURCE))
                .map(|(_, n)| n)
        }) {
            (
                Op::SetPossibleOwners {
                    cluster: cl.clone(),
                    resource: r.clone(),
                    nodes: owners,
                },
                r,
            )
        } else if let Some(g) = a.group.clone().or_else(|| piped.map(|(_, n)| n)) {
            (
                Op::SetPreferredOwners {
                    cluster: cl.clone(),
                    group: g.clone(),
                    nodes: owners,
                },
                g,
            )
        } else {
            return Err(cx.fail(crate::engine::error::ErrorRecord::new(
                "Specify the group (-Group) or the resource (-Resource), or pipe one in.",
                "MissingParameter",
                crate::engine::error::ErrorCategory::InvalidArgument,
            )));
        };
        if cx.should_process(&target, "Set-ClusterOwnerNode")? {
            util::apply_or_error(cx, op, &target)?;
        }
        Ok(())
    }
}
