//! Labs as data: the world as JSON with a schema version, the five built-in labs of
//! DOMAIN.md §7 (embedded from `scripts/labs/`), and validation that names the place of
//! any problem in a lab file.

use std::collections::HashSet;

use crate::model::types::*;

/// The built-in labs, in the order Get-Lab lists them.
pub const BUILTIN: &[(&str, &str)] = &[
    ("ccr", include_str!("../../scripts/labs/ccr.json")),
    ("e2k3", include_str!("../../scripts/labs/e2k3.json")),
    ("e2k3-aa", include_str!("../../scripts/labs/e2k3-aa.json")),
    ("e2k0-4node", include_str!("../../scripts/labs/e2k0-4node.json")),
    ("scc", include_str!("../../scripts/labs/scc.json")),
];

/// The default lab.
pub const DEFAULT: &str = "ccr";

pub fn names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}

/// A built-in lab by name (case-insensitive).
pub fn builtin(name: &str) -> Result<World, String> {
    let Some((n, text)) = BUILTIN.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) else {
        return Err(format!(
            "There is no built-in lab named '{}'. The built-in labs are: {}.",
            name,
            names().join(", ")
        ));
    };
    from_json(text).map_err(|e| format!("built-in lab '{}': {}", n, e))
}

/// Serializes the world (pretty JSON).
pub fn to_json(w: &World) -> String {
    serde_json::to_string_pretty(w).unwrap_or_default()
}

/// Reads a lab file: JSON errors give line and column; the schema version and every
/// cross-reference are checked.
pub fn from_json(text: &str) -> Result<World, String> {
    let v: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("the lab file is not valid JSON: {}", e))?;
    match v.get("schema_version").and_then(|x| x.as_u64()) {
        Some(n) if n == u64::from(SCHEMA_VERSION) => {}
        Some(n) => {
            return Err(format!(
                "unknown schema_version {} (this exsh reads version {})",
                n, SCHEMA_VERSION
            ))
        }
        None => return Err("the lab file has no schema_version".into()),
    }
    let w: World = serde_json::from_value(v).map_err(|e| format!("the lab file does not match the schema: {}", e))?;
    validate(&w)?;
    Ok(w)
}

fn dup<'a>(what: &str, place: &str, names: impl Iterator<Item = &'a str>) -> Result<(), String> {
    let mut seen = HashSet::new();
    for n in names {
        if !seen.insert(n.to_ascii_lowercase()) {
            return Err(format!("{}: duplicate {} name '{}'", place, what, n));
        }
    }
    Ok(())
}

/// Checks names and references.
pub fn validate(w: &World) -> Result<(), String> {
    dup("server", "servers", w.servers.iter().map(|s| s.name.as_str()))?;
    dup("cluster", "clusters", w.clusters.iter().map(|c| c.name.as_str()))?;
    dup("account", "accounts", w.accounts.iter().map(|a| a.name.as_str()))?;
    let has_server = |n: &str| w.servers.iter().any(|s| s.name.eq_ignore_ascii_case(n));
    for s in &w.servers {
        if let Some(c) = &s.cluster {
            if !w.clusters.iter().any(|x| x.name.eq_ignore_ascii_case(c)) {
                return Err(format!("server '{}': cluster '{}' does not exist", s.name, c));
            }
        }
    }
    for c in &w.clusters {
        let place = format!("cluster '{}'", c.name);
        dup("node", &place, c.nodes.iter().map(|n| n.name.as_str()))?;
        dup("group", &place, c.groups.iter().map(|g| g.name.as_str()))?;
        dup("resource", &place, c.resources.iter().map(|r| r.name.as_str()))?;
        let mut ids = HashSet::new();
        for n in &c.nodes {
            if !has_server(&n.name) {
                return Err(format!("{}: node '{}' has no server entry", place, n.name));
            }
            if !ids.insert(n.id) {
                return Err(format!("{}: node '{}' repeats node ID {}", place, n.name, n.id));
            }
        }
        let is_node = |n: &str| c.nodes.iter().any(|x| x.name.eq_ignore_ascii_case(n));
        for g in &c.groups {
            if !is_node(&g.owner) {
                return Err(format!("{}, group '{}': owner '{}' is not a node of the cluster", place, g.name, g.owner));
            }
            for p in &g.preferred_owners {
                if !is_node(p) {
                    return Err(format!("{}, group '{}': preferred owner '{}' is not a node of the cluster", place, g.name, p));
                }
            }
        }
        for r in &c.resources {
            let rp = format!("{}, resource '{}'", place, r.name);
            let Some(g) = c.groups.iter().find(|g| g.name.eq_ignore_ascii_case(&r.group)) else {
                return Err(format!("{}: group '{}' does not exist", rp, r.group));
            };
            for o in &r.possible_owners {
                if !is_node(o) {
                    return Err(format!("{}: possible owner '{}' is not a node of the cluster", rp, o));
                }
            }
            for d in &r.dependencies {
                match c.resources.iter().find(|x| x.name.eq_ignore_ascii_case(d)) {
                    None => return Err(format!("{}: dependency '{}' does not exist", rp, d)),
                    Some(p) if !p.group.eq_ignore_ascii_case(&g.name) => {
                        return Err(format!("{}: dependency '{}' is in another group", rp, d))
                    }
                    _ => {}
                }
            }
        }
        if let Some(q) = &c.quorum.resource {
            if !c.resources.iter().any(|r| r.name.eq_ignore_ascii_case(q)) {
                return Err(format!("{}: quorum resource '{}' does not exist", place, q));
            }
        }
    }
    if !w.accounts.is_empty() && !w.accounts.iter().any(|a| a.name.eq_ignore_ascii_case(&w.identity)) {
        return Err(format!("identity '{}' is not an account of the lab", w.identity));
    }
    if !has_server(&w.start_node) {
        return Err(format!("start_node '{}' is not a server of the lab", w.start_node));
    }
    w.check_invariants().map_err(|e| format!("the lab's state is inconsistent: {}", e))?;
    Ok(())
}
