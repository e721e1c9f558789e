//! Cluster objects as the FailoverClusters module shows them, and resolving names or
//! pipeline objects to cluster entities.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::Cx;
use crate::engine::error::{Flow, FlowResult};
use crate::engine::ops;
use crate::engine::value::{PsObject, Value};
use crate::model::{Cluster, ModelError, Op, World};

pub const NODE: &str = "Microsoft.FailoverClusters.PowerShell.ClusterNode";
pub const GROUP: &str = "Microsoft.FailoverClusters.PowerShell.ClusterGroup";
pub const RESOURCE: &str = "Microsoft.FailoverClusters.PowerShell.ClusterResource";
pub const CLUSTER: &str = "Microsoft.FailoverClusters.PowerShell.Cluster";

fn int(n: impl TryInto<i32>) -> Value {
    Value::Int(n.try_into().unwrap_or(i32::MAX))
}

pub fn node_object(c: &Cluster, name: &str) -> Value {
    let Some(n) = c.node(name) else {
        return Value::Null;
    };
    let mut o = PsObject::with_type(NODE);
    o.set("Name", Value::string(n.name.clone()));
    o.set("ID", int(n.id));
    o.set("State", Value::str(n.state.name()));
    o.set("Cluster", Value::string(c.name.clone()));
    o.set("NodeName", Value::string(n.name.clone()));
    Value::object(o)
}

pub fn group_object(c: &Cluster, name: &str) -> Value {
    let Some(g) = c.group(name) else {
        return Value::Null;
    };
    let mut o = PsObject::with_type(GROUP);
    let dword = |v: i32| {
        if v < 0 {
            Value::Long(4_294_967_295)
        } else {
            Value::Long(i64::from(v))
        }
    };
    o.set("Name", Value::string(g.name.clone()));
    o.set("OwnerNode", Value::string(g.owner.clone()));
    o.set("State", Value::str(c.group_state(&g.name).name()));
    o.set("Cluster", Value::string(c.name.clone()));
    o.set(
        "IsCoreGroup",
        Value::Bool(g.name.eq_ignore_ascii_case("Cluster Group")),
    );
    o.set("Description", Value::string(g.description.clone()));
    o.set("PersistentState", int(u32::from(g.persistent_state)));
    o.set(
        "FailoverThreshold",
        Value::Long(i64::from(g.failover_threshold)),
    );
    o.set("FailoverPeriod", Value::Long(i64::from(g.failover_period)));
    o.set(
        "AutoFailbackType",
        Value::Long(i64::from(g.auto_failback_type)),
    );
    o.set("FailbackWindowStart", dword(g.failback_window_start));
    o.set("FailbackWindowEnd", dword(g.failback_window_end));
    Value::object(o)
}

pub fn resource_object(c: &Cluster, name: &str) -> Value {
    let Some(r) = c.resource(name) else {
        return Value::Null;
    };
    let mut o = PsObject::with_type(RESOURCE);
    o.set("Name", Value::string(r.name.clone()));
    o.set("State", Value::str(r.state.name()));
    o.set("OwnerGroup", Value::string(r.group.clone()));
    o.set("ResourceType", Value::string(r.kind.clone()));
    o.set("OwnerNode", Value::string(c.resource_owner(r)));
    o.set("Cluster", Value::string(c.name.clone()));
    o.set(
        "IsCoreResource",
        Value::Bool(r.group.eq_ignore_ascii_case("Cluster Group")),
    );
    o.set("RestartAction", Value::Long(i64::from(r.restart_action)));
    o.set(
        "RestartThreshold",
        Value::Long(i64::from(r.restart_threshold)),
    );
    o.set("RestartPeriod", Value::Long(i64::from(r.restart_period)));
    o.set("PendingTimeout", Value::Long(i64::from(r.pending_timeout)));
    Value::object(o)
}

/// The type name of a pipeline object, if it is a cluster object.
pub fn kind_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => Some(o.borrow().type_name().to_string()),
        _ => None,
    }
}

/// The cluster a pipeline object belongs to, if it says.
pub fn cluster_of(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.borrow().get("Cluster").map(|c| c.to_display_string()),
        _ => None,
    }
}

/// The world and the cluster a command acts on.
///
/// Decision: the console reaches the cluster over RPC through any of its nodes, so the
/// cluster commands work while the console's own node is down; with no node of the
/// cluster up they fail with `The RPC server is unavailable.`
pub fn target(
    cx: &mut Cx,
    given: &Option<String>,
    input: &Option<Value>,
) -> Result<(World, String), Flow> {
    let given = given
        .clone()
        .or_else(|| input.as_ref().and_then(cluster_of));
    let name = lab::cluster_name(cx, &given)?;
    let w = lab::world(cx)?;
    let reachable = w.cluster(&name).is_some_and(|c| {
        c.nodes.iter().any(|n| {
            n.state != crate::model::NodeState::Down
                || w.server(&n.name)
                    .is_some_and(|s| s.power == crate::model::Power::On && !c.running)
        })
    });
    if !reachable {
        return Err(cx.fail(lab::model_error(&ModelError::win32(1722))));
    }
    Ok((w, name))
}

/// Names matching patterns (wildcards); a plain name that matches nothing is an error
/// written by the caller.
pub fn matching<'a>(
    names: impl Iterator<Item = &'a str>,
    patterns: &[String],
) -> Result<Vec<String>, crate::engine::error::ErrorRecord> {
    let names: Vec<&str> = names.collect();
    if patterns.is_empty() {
        return Ok(names.iter().map(|s| s.to_string()).collect());
    }
    let mut out = Vec::new();
    for p in patterns {
        let re = ops::wildcard_regex(p, false)?;
        for n in &names {
            if re.is_match(n) && !out.iter().any(|o: &String| o == n) {
                out.push(n.to_string());
            }
        }
    }
    Ok(out)
}

/// The error a missing object gives (as the FailoverClusters cmdlets word it).
pub fn not_found(kind: &str, name: &str) -> crate::engine::error::ErrorRecord {
    let e = match kind {
        "node" => ModelError::win32(5042),
        "group" => ModelError::win32(5013),
        _ => ModelError::win32(5007),
    };
    lab::model_error(&e).with_target(Value::string(name.to_string()))
}

/// The one object a command acts on: -Name, else the pipeline object (or string).
pub fn one_name(name: &Option<String>, input: &Option<Value>) -> Option<String> {
    name.clone()
        .or_else(|| input.as_ref().map(lab::name_of))
        .filter(|s| !s.is_empty())
}

/// Applies an operation; a refusal is a non-terminating error naming the object.
pub fn apply_or_error(cx: &mut Cx, op: Op, target: &str) -> FlowResult<bool> {
    match lab::apply(cx, op) {
        Ok(_) => Ok(true),
        Err(e) => {
            cx.write_error(lab::model_error(&e).with_target(Value::string(target.to_string())))?;
            Ok(false)
        }
    }
}

/// What a one-object cluster command acts on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Group,
    Resource,
    Node,
}

/// The shared body of Move-/Start-/Stop-ClusterGroup, Start-/Stop-ClusterResource,
/// Test-ClusterResourceFailure and Suspend-/Resume-ClusterNode: resolve the object
/// (by name or from the pipeline), ShouldProcess, apply the operation built for it,
/// and output the object as it is afterwards. A refusal is a non-terminating error.
pub fn act(
    cx: &mut Cx,
    cluster: &Option<String>,
    names: Vec<String>,
    input: &Option<Value>,
    kind: Kind,
    command: &str,
    op: impl Fn(String, String) -> Op,
) -> FlowResult<()> {
    let (w, cl) = target(cx, cluster, input)?;
    let mut names = names;
    if let Some(i) = input {
        names.push(lab::name_of(i));
    }
    let Some(c) = w.cluster(&cl) else {
        return Ok(());
    };
    for n in names.into_iter().filter(|n| !n.is_empty()) {
        let found = match kind {
            Kind::Group => c.group(&n).map(|x| x.name.clone()),
            Kind::Resource => c.resource(&n).map(|x| x.name.clone()),
            Kind::Node => c.node(&n).map(|x| x.name.clone()),
        };
        let Some(name) = found else {
            let k = match kind {
                Kind::Group => "group",
                Kind::Resource => "resource",
                Kind::Node => "node",
            };
            cx.write_error(not_found(k, &n))?;
            continue;
        };
        if !cx.should_process(&name, command)? {
            continue;
        }
        if apply_or_error(cx, op(cl.clone(), name.clone()), &name)? {
            let w = lab::world(cx)?;
            if let Some(c) = w.cluster(&cl) {
                let obj = match kind {
                    Kind::Group => group_object(c, &name),
                    Kind::Resource => resource_object(c, &name),
                    Kind::Node => node_object(c, &name),
                };
                cx.write(obj)?;
            }
        }
    }
    Ok(())
}
