//! Labs as data: the world as JSON with a schema version, the five built-in labs of
//! DOMAIN.md §7 (embedded from `scripts/labs/`), and validation that names the place of
//! any problem in a lab file.

use std::collections::HashSet;

use crate::model::error::LabError;
use crate::model::types::*;

/// The built-in labs, in the order Get-Lab lists them.
pub const BUILTIN: &[(&str, &str)] = &[
    ("ccr", include_str!("../../scripts/labs/ccr.json")),
    ("e2k3", include_str!("../../scripts/labs/e2k3.json")),
    ("e2k3-aa", include_str!("../../scripts/labs/e2k3-aa.json")),
    (
        "e2k0-4node",
        include_str!("../../scripts/labs/e2k0-4node.json"),
    ),
    ("scc", include_str!("../../scripts/labs/scc.json")),
];

/// The default lab.
pub const DEFAULT: &str = "ccr";

pub fn names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(n, _)| *n).collect()
}

/// A built-in lab by name (case-insensitive); the error lists the built-in names.
pub fn builtin(name: &str) -> Result<World, String> {
    builtin_checked(name).map_err(|e| e.to_string())
}

/// A built-in lab by name (case-insensitive), or None.
pub fn lookup(name: &str) -> Option<World> {
    builtin_checked(name).ok()
}

/// A built-in lab by name with a typed error.
pub fn builtin_checked(name: &str) -> Result<World, LabError> {
    let Some((_, text)) = BUILTIN.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) else {
        return Err(LabError::UnknownLab {
            name: name.to_string(),
            known: names().join(", "),
        });
    };
    World::from_json(text)
}

/// Serializes the world (pretty JSON).
pub fn to_json(w: &World) -> String {
    w.to_json()
}

/// Reads a lab file (see [`World::from_json`]); the error as text.
pub fn from_json(text: &str) -> Result<World, String> {
    World::from_json(text).map_err(|e| e.to_string())
}

impl World {
    /// The world as pretty JSON (a lab file).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a lab file: JSON errors give line and column, schema errors the JSON path;
    /// the schema version, names and every cross-reference are checked. Never panics.
    pub fn from_json(text: &str) -> Result<World, LabError> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| LabError::Json {
            line: e.line(),
            column: e.column(),
            message: json_message(&e),
        })?;
        match v.get("schema_version") {
            None => return Err(LabError::MissingSchemaVersion),
            Some(x) if x.as_u64() == Some(u64::from(SCHEMA_VERSION)) => {}
            Some(x) => {
                return Err(LabError::UnknownSchemaVersion {
                    found: x.to_string(),
                    supported: SCHEMA_VERSION,
                })
            }
        }
        let w: World = serde_path_to_error::deserialize(v).map_err(|e| {
            let path = e.path().to_string();
            LabError::Schema {
                path: if path == "." {
                    "the top level".to_string()
                } else {
                    path
                },
                message: e.into_inner().to_string(),
            }
        })?;
        validate(&w)?;
        Ok(w)
    }
}

/// serde_json's message without its trailing position (the error carries it apart).
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

fn dup<'a>(what: &str, place: &str, names: impl Iterator<Item = &'a str>) -> Result<(), LabError> {
    let mut seen = HashSet::new();
    for n in names {
        if !seen.insert(n.to_ascii_lowercase()) {
            return Err(LabError::Duplicate {
                place: place.to_string(),
                what: what.to_string(),
                name: n.to_string(),
            });
        }
    }
    Ok(())
}

fn dangling(place: impl Into<String>, message: impl Into<String>) -> LabError {
    LabError::Dangling {
        place: place.into(),
        message: message.into(),
    }
}

/// Checks names and references.
pub fn validate(w: &World) -> Result<(), LabError> {
    dup(
        "server",
        "servers",
        w.servers.iter().map(|s| s.name.as_str()),
    )?;
    dup(
        "cluster",
        "clusters",
        w.clusters.iter().map(|c| c.name.as_str()),
    )?;
    dup(
        "account",
        "accounts",
        w.accounts.iter().map(|a| a.name.as_str()),
    )?;
    let has_server = |n: &str| w.servers.iter().any(|s| s.name.eq_ignore_ascii_case(n));
    for s in &w.servers {
        dup(
            "service",
            &format!("server '{}'", s.name),
            s.services.iter().map(|x| x.name.as_str()),
        )?;
        if let Some(c) = &s.cluster {
            if !w.clusters.iter().any(|x| x.name.eq_ignore_ascii_case(c)) {
                return Err(dangling(
                    format!("server '{}'", s.name),
                    format!("cluster '{}' does not exist", c),
                ));
            }
        }
    }
    for c in &w.clusters {
        let place = format!("cluster '{}'", c.name);
        dup("node", &place, c.nodes.iter().map(|n| n.name.as_str()))?;
        dup("group", &place, c.groups.iter().map(|g| g.name.as_str()))?;
        dup(
            "resource",
            &place,
            c.resources.iter().map(|r| r.name.as_str()),
        )?;
        let mut ids = HashSet::new();
        for n in &c.nodes {
            if !has_server(&n.name) {
                return Err(dangling(
                    &place,
                    format!("node '{}' has no server entry", n.name),
                ));
            }
            if !ids.insert(n.id) {
                return Err(LabError::Duplicate {
                    place: place.clone(),
                    what: "node ID".into(),
                    name: format!("{} ({})", n.id, n.name),
                });
            }
        }
        let is_node = |n: &str| c.nodes.iter().any(|x| x.name.eq_ignore_ascii_case(n));
        for g in &c.groups {
            let gp = format!("{}, group '{}'", place, g.name);
            if !is_node(&g.owner) {
                return Err(dangling(
                    gp,
                    format!("owner '{}' is not a node of the cluster", g.owner),
                ));
            }
            for p in &g.preferred_owners {
                if !is_node(p) {
                    return Err(dangling(
                        gp,
                        format!("preferred owner '{}' is not a node of the cluster", p),
                    ));
                }
            }
        }
        for r in &c.resources {
            let rp = format!("{}, resource '{}'", place, r.name);
            let Some(g) = c
                .groups
                .iter()
                .find(|g| g.name.eq_ignore_ascii_case(&r.group))
            else {
                return Err(dangling(rp, format!("group '{}' does not exist", r.group)));
            };
            for o in &r.possible_owners {
                if !is_node(o) {
                    return Err(dangling(
                        rp,
                        format!("possible owner '{}' is not a node of the cluster", o),
                    ));
                }
            }
            for d in &r.dependencies {
                match c.resources.iter().find(|x| x.name.eq_ignore_ascii_case(d)) {
                    None => return Err(dangling(rp, format!("dependency '{}' does not exist", d))),
                    Some(p) if !p.group.eq_ignore_ascii_case(&g.name) => {
                        return Err(dangling(
                            rp,
                            format!("dependency '{}' is in another group", d),
                        ))
                    }
                    _ => {}
                }
            }
        }
        if let Some(cycle) = c.dependency_cycle() {
            return Err(dangling(
                format!("{}, resource '{}'", place, cycle),
                "its dependencies form a cycle",
            ));
        }
        if let Some(q) = &c.quorum.resource {
            if !c.resources.iter().any(|r| r.name.eq_ignore_ascii_case(q)) {
                return Err(dangling(
                    &place,
                    format!("quorum resource '{}' does not exist", q),
                ));
            }
        }
    }
    if !w.accounts.is_empty()
        && !w
            .accounts
            .iter()
            .any(|a| a.name.eq_ignore_ascii_case(&w.identity))
    {
        return Err(dangling(
            "identity",
            format!("'{}' is not an account of the lab", w.identity),
        ));
    }
    if !has_server(&w.start_node) {
        return Err(dangling(
            "start_node",
            format!("'{}' is not a server of the lab", w.start_node),
        ));
    }
    w.check_invariants().map_err(LabError::Inconsistent)?;
    Ok(())
}
