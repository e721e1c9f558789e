//! Get-Cluster.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetClusterArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::QuorumKind;

#[derive(Default)]
pub struct GetCluster;

pub fn quorum_type(k: QuorumKind) -> &'static str {
    match k {
        QuorumKind::Disk => "Disk",
        QuorumKind::MajorityNodeSet => "MajorityNodeSet",
        QuorumKind::MajorityNodeSetWithWitness | QuorumKind::NodeAndFileShareMajority => {
            "NodeAndFileShareMajority"
        }
        QuorumKind::NodeMajority => "NodeMajority",
        QuorumKind::NodeAndDiskMajority => "NodeAndDiskMajority",
        QuorumKind::DiskOnly => "DiskOnly",
    }
}

impl Cmdlet for GetCluster {
    type Args = GetClusterArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let given = a
            .name
            .clone()
            .or_else(|| a.input_object.as_ref().map(lab::name_of));
        let name = lab::cluster_name(cx, &given)?;
        let w = lab::world(cx)?;
        let Some(c) = w.cluster(&name) else {
            return Ok(());
        };
        let mut o = PsObject::with_type(util::CLUSTER);
        o.set("Name", Value::string(c.name.clone()));
        o.set("Domain", Value::string(w.domain.clone()));
        o.set("QuorumType", Value::str(quorum_type(c.quorum.kind)));
        o.set(
            "Nodes",
            Value::Int(i32::try_from(c.nodes.len()).unwrap_or(0)),
        );
        o.set("IPAddress", Value::string(c.ip.clone()));
        o.set("Running", Value::Bool(c.running));
        o.set("__ToString", Value::string(c.name.clone()));
        cx.write(Value::object(o))
    }
}
