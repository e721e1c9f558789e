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
        let name = util::one_name(&a.name, &a.input_object).unwrap_or_default();
        cms_warning(cx, &name)?;
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

/// X2: a clustered mailbox server moved with the cluster tools skips Exchange's checks;
/// it is allowed, with a warning.
pub fn cms_warning(cx: &mut Cx, group: &str) -> FlowResult<()> {
    let is_cms = crate::cmdlets::lab::util::world(cx)?.cms(group).is_some();
    if is_cms {
        cx.write_warning(&format!(
            "'{}' is an Exchange 2007 clustered mailbox server. Use Move-ClusteredMailboxServer to move it: the cluster tools skip Exchange's replication and health checks.",
            group
        ))?;
    }
    Ok(())
}
