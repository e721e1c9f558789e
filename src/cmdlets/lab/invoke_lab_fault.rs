//! Invoke-LabFault: injects a fault and returns once the cluster has settled.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::InvokeLabFaultArgs;
use crate::model::{Fault, Op};

#[derive(Default)]
pub struct InvokeLabFault;

impl Cmdlet for InvokeLabFault {
    type Args = InvokeLabFaultArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(n) = a.lag {
            let w = util::world(cx)?;
            let mut targets = Vec::new();
            for c in w
                .exchange
                .clustered_mailbox_servers
                .iter()
                .filter(|c| c.kind.eq_ignore_ascii_case("CCR"))
            {
                for sg in &c.storage_groups {
                    let full = format!("{}\\{}", c.name, sg.name);
                    if a.storage_group.as_ref().is_none_or(|x| {
                        x.eq_ignore_ascii_case(&full) || x.eq_ignore_ascii_case(&sg.name)
                    }) {
                        targets.push(full);
                    }
                }
            }
            for t in targets {
                let op = Op::CopyControl {
                    storage_group: t,
                    action: crate::model::exchange::CopyAction::Lag(u64::try_from(n).unwrap_or(0)),
                };
                util::apply(cx, op).map_err(|e| cx.fail(util::model_error(&e)))?;
            }
            return Ok(());
        }
        let op = if let Some(node) = &a.node {
            let fault = if a.power_loss {
                Fault::PowerLoss
            } else if a.network_loss {
                Fault::NetworkLoss
            } else if a.cluster_service_stop {
                Fault::ClusterServiceStop
            } else {
                Fault::Crash
            };
            Op::NodeFault {
                node: node.clone(),
                fault,
            }
        } else if let Some(r) = &a.resource {
            let cluster = util::cluster_name(cx, &a.cluster)?;
            if a.hang {
                Op::HangResource {
                    cluster,
                    resource: r.clone(),
                }
            } else {
                Op::FailResource {
                    cluster,
                    resource: r.clone(),
                    planned: false,
                }
            }
        } else {
            let cluster = util::cluster_name(cx, &a.cluster)?;
            Op::WitnessOnline {
                cluster,
                online: !a.offline,
            }
        };
        util::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(util::model_error(&e)))
    }
}
