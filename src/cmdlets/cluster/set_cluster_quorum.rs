//! Set-ClusterQuorum.

use crate::cmdlets::cluster::get_cluster::quorum_type;
use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetClusterQuorumArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::{Op, QuorumKind};

#[derive(Default)]
pub struct SetClusterQuorum;

impl Cmdlet for SetClusterQuorum {
    type Args = SetClusterQuorumArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &None)?;
        let (kind, resource, witness) = if let Some(d) = &a.node_and_disk_majority {
            (QuorumKind::NodeAndDiskMajority, Some(d.clone()), None)
        } else if let Some(w) = &a.node_and_file_share_majority {
            (QuorumKind::NodeAndFileShareMajority, None, Some(w.clone()))
        } else if let Some(d) = &a.disk_only {
            (QuorumKind::DiskOnly, Some(d.clone()), None)
        } else {
            (QuorumKind::NodeMajority, None, None)
        };
        if !cx.should_process(&cl, "Set-ClusterQuorum")? {
            return Ok(());
        }
        if util::apply_or_error(
            cx,
            Op::SetQuorum {
                cluster: cl.clone(),
                kind,
                resource,
                witness,
            },
            &cl,
        )? {
            let w = lab::world(cx)?;
            if let Some(c) = w.cluster(&cl) {
                let mut o = PsObject::with_type(
                    "Microsoft.FailoverClusters.PowerShell.ClusterQuorumSettings",
                );
                o.set("Cluster", Value::string(c.name.clone()));
                o.set(
                    "QuorumResource",
                    Value::string(
                        c.quorum
                            .resource
                            .clone()
                            .or_else(|| c.quorum.witness.clone())
                            .unwrap_or_default(),
                    ),
                );
                o.set("QuorumType", Value::str(quorum_type(c.quorum.kind)));
                cx.write(Value::object(o))?;
            }
        }
        Ok(())
    }
}
