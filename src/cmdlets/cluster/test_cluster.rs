//! Test-Cluster: validation of the cluster as it is now.

use crate::cmdlets::cluster::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::TestClusterArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::{GroupState, NodeState};

#[derive(Default)]
pub struct TestCluster;

fn result(test: &str, ok: bool, warn_only: bool, detail: String) -> Value {
    let mut o = PsObject::with_type("Exsh.Cluster.ValidationResult");
    o.set("Test", Value::string(test.to_string()));
    o.set(
        "Result",
        Value::str(if ok {
            "Passed"
        } else if warn_only {
            "Warning"
        } else {
            "Failed"
        }),
    );
    o.set("Detail", Value::string(detail));
    Value::object(o)
}

impl Cmdlet for TestCluster {
    type Args = TestClusterArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &None)?;
        let Some(c) = w.cluster(&cl) else {
            return Ok(());
        };
        let nodes: Vec<&crate::model::Node> = c
            .nodes
            .iter()
            .filter(|n| a.node.is_empty() || a.node.iter().any(|x| x.eq_ignore_ascii_case(&n.name)))
            .collect();
        let bad: Vec<String> = nodes
            .iter()
            .filter(|n| n.state != NodeState::Up)
            .map(|n| format!("{} is {}", n.name, n.state.name()))
            .collect();
        let detail = if bad.is_empty() {
            "Every node is up.".to_string()
        } else {
            bad.join("; ")
        };
        cx.write(result(
            "Validate Node Status",
            bad.is_empty(),
            false,
            detail,
        ))?;
        cx.write(result(
            "Validate Quorum",
            c.running,
            false,
            if c.running {
                "The cluster has quorum.".into()
            } else {
                "The cluster lost quorum and is stopped.".into()
            },
        ))?;
        let offline: Vec<String> = c
            .groups
            .iter()
            .filter(|g| c.group_state(&g.name) != GroupState::Online)
            .map(|g| format!("{} is {}", g.name, c.group_state(&g.name).name()))
            .collect();
        let detail = if offline.is_empty() {
            "Every group is online.".to_string()
        } else {
            offline.join("; ")
        };
        cx.write(result(
            "Validate Group Status",
            offline.is_empty(),
            true,
            detail,
        ))?;
        let mut narrow = Vec::new();
        for r in &c.resources {
            let missing: Vec<&str> = c
                .nodes
                .iter()
                .filter(|n| {
                    !r.possible_owners
                        .iter()
                        .any(|o| o.eq_ignore_ascii_case(&n.name))
                })
                .map(|n| n.name.as_str())
                .collect();
            if !missing.is_empty() {
                narrow.push(format!("{} cannot run on {}", r.name, missing.join(", ")));
            }
        }
        let detail = if narrow.is_empty() {
            "Every resource can run on every node.".to_string()
        } else {
            narrow.join("; ")
        };
        cx.write(result(
            "Validate Possible Owners",
            narrow.is_empty(),
            true,
            detail,
        ))?;
        Ok(())
    }
}
