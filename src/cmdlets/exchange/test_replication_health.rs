//! Test-ReplicationHealth (DOMAIN.md §9): read-only checks of a CCR CMS and its cluster.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::TestReplicationHealthArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::exchange::copy_status;
use crate::model::{GroupState, NodeState, Power, ServiceStatus};

#[derive(Default)]
pub struct TestReplicationHealth;

fn outcome(server: &str, check: &str, result: &str, error: String) -> Value {
    let mut o = PsObject::with_type(
        "Microsoft.Exchange.Management.SystemConfigurationTasks.ReplicationCheckOutcome",
    );
    o.set("Server", Value::string(server.to_string()));
    o.set("Check", Value::string(check.to_string()));
    o.set("Result", Value::string(result.to_string()));
    o.set("Error", Value::string(error));
    Value::object(o)
}

impl Cmdlet for TestReplicationHealth {
    type Args = TestReplicationHealthArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = lab::world(cx)?;
        for cms in w
            .exchange
            .clustered_mailbox_servers
            .iter()
            .filter(|c| c.kind.eq_ignore_ascii_case("CCR"))
            .filter(|c| {
                a.identity
                    .as_ref()
                    .is_none_or(|i| c.name.eq_ignore_ascii_case(i))
            })
        {
            let Some(c) = w.cluster(&cms.cluster) else {
                continue;
            };
            let owner = c
                .group(&cms.name)
                .map(|g| g.owner.clone())
                .unwrap_or_default();
            let passive: Vec<&String> = cms
                .redundant_machines
                .iter()
                .filter(|m| !m.eq_ignore_ascii_case(&owner))
                .collect();
            let node_up = |n: &str| c.node(n).is_some_and(|x| x.state == NodeState::Up);
            let mut out: Vec<(&str, bool, bool, String)> = Vec::new();
            let down: Vec<String> = passive
                .iter()
                .filter(|p| !node_up(p))
                .map(|p| p.to_string())
                .collect();
            out.push((
                "PassiveNodeUp",
                down.is_empty(),
                false,
                if down.is_empty() {
                    String::new()
                } else {
                    format!("The passive node {} is not up.", down.join(", "))
                },
            ));
            let net_down: Vec<String> = c
                .networks
                .iter()
                .filter(|n| !n.state.eq_ignore_ascii_case("Up"))
                .map(|n| n.name.clone())
                .collect();
            out.push((
                "ClusterNetwork",
                net_down.is_empty(),
                false,
                if net_down.is_empty() {
                    String::new()
                } else {
                    format!("Cluster networks not up: {}.", net_down.join(", "))
                },
            ));
            let q = c.group("Cluster Group").map(|g| c.group_state(&g.name));
            out.push((
                "QuorumGroup",
                q == Some(GroupState::Online),
                false,
                if q == Some(GroupState::Online) {
                    String::new()
                } else {
                    "The cluster group holding the quorum is not online.".into()
                },
            ));
            let fsw_ok = match &c.quorum.witness {
                None => true,
                Some(path) => {
                    let host = path
                        .trim_start_matches('\\')
                        .split('\\')
                        .next()
                        .unwrap_or("");
                    c.quorum.witness_online && w.server(host).is_none_or(|s| s.power == Power::On)
                }
            };
            out.push((
                "FileShareQuorum",
                fsw_ok,
                false,
                if fsw_ok {
                    String::new()
                } else {
                    format!(
                        "The file share witness {} is not reachable.",
                        c.quorum.witness.clone().unwrap_or_default()
                    )
                },
            ));
            let cms_state = c.group_state(&cms.name);
            out.push((
                "CmsGroup",
                cms_state == GroupState::Online,
                false,
                if cms_state == GroupState::Online {
                    String::new()
                } else {
                    format!(
                        "The clustered mailbox server group is {}.",
                        cms_state.name()
                    )
                },
            ));
            let paused: Vec<String> = c
                .nodes
                .iter()
                .filter(|n| n.state == NodeState::Paused)
                .map(|n| n.name.clone())
                .collect();
            out.push((
                "NodePaused",
                paused.is_empty(),
                true,
                if paused.is_empty() {
                    String::new()
                } else {
                    format!("Paused nodes: {}.", paused.join(", "))
                },
            ));
            out.push(("DnsRegistrationStatus", true, false, String::new()));
            let repl_down: Vec<String> = cms
                .redundant_machines
                .iter()
                .filter(|m| {
                    w.server(m).is_some_and(|s| {
                        s.power == Power::On
                            && s.services.iter().any(|x| {
                                x.name.eq_ignore_ascii_case("MSExchangeRepl")
                                    && x.status == ServiceStatus::Stopped
                            })
                    })
                })
                .cloned()
                .collect();
            out.push((
                "ReplayService",
                repl_down.is_empty(),
                false,
                if repl_down.is_empty() {
                    String::new()
                } else {
                    format!(
                        "The Microsoft Exchange Replication service is not running on {}.",
                        repl_down.join(", ")
                    )
                },
            ));
            let statuses: Vec<(String, &str, u64, u64)> = cms
                .storage_groups
                .iter()
                .map(|sg| {
                    (
                        sg.name.clone(),
                        copy_status(&w, cms, sg),
                        sg.copy_queue(),
                        sg.replay_queue(),
                    )
                })
                .collect();
            let with = |st: &str| {
                statuses
                    .iter()
                    .filter(|s| s.1 == st)
                    .map(|s| s.0.clone())
                    .collect::<Vec<_>>()
            };
            let suspended = with("Suspended");
            out.push((
                "SGCopySuspended",
                suspended.is_empty(),
                true,
                if suspended.is_empty() {
                    String::new()
                } else {
                    format!("Suspended copies: {}.", suspended.join(", "))
                },
            ));
            let failed = with("Failed");
            out.push((
                "SGCopyFailed",
                failed.is_empty(),
                false,
                if failed.is_empty() {
                    String::new()
                } else {
                    format!("Failed copies: {}.", failed.join(", "))
                },
            ));
            let init = with("Initializing");
            out.push(("SGInitializing", init.is_empty(), true, String::new()));
            let long: Vec<String> = statuses
                .iter()
                .filter(|s| s.2 > 6)
                .map(|s| format!("{} ({})", s.0, s.2))
                .collect();
            out.push((
                "SGCopyQueueLength",
                long.is_empty(),
                true,
                if long.is_empty() {
                    String::new()
                } else {
                    format!("Copy queues over 6 logs: {}.", long.join(", "))
                },
            ));
            let replay: Vec<String> = statuses
                .iter()
                .filter(|s| s.3 > 6)
                .map(|s| format!("{} ({})", s.0, s.3))
                .collect();
            out.push((
                "SGReplayQueueLength",
                replay.is_empty(),
                true,
                if replay.is_empty() {
                    String::new()
                } else {
                    format!("Replay queues over 6 logs: {}.", replay.join(", "))
                },
            ));
            let server = lab::session(cx)?.current_node.clone();
            for (check, ok, warn_only, error) in out {
                let result = if ok {
                    "Passed"
                } else if warn_only {
                    "Warning"
                } else {
                    "Failed"
                };
                cx.write(outcome(&server, check, result, error))?;
            }
        }
        Ok(())
    }
}
