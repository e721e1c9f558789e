//! cluster.exe (Windows Server 2003 syntax and output), on the lab's clusters.
//! Layouts follow reference/domain-sources.md §5.6-5.7: printf-style columns (names
//! longer than a column push the next ones right, as printf does).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ClusterExeArgs;
use crate::engine::value::Value;
use crate::model::{Cluster, ModelError, Op, World};

#[derive(Default)]
pub struct ClusterExe;

/// A parsed command line.
#[derive(Debug, Default)]
struct Line {
    cluster: Option<String>,
    object: Option<String>,
    name: Option<String>,
    /// Options in order: (name lowercased without `/`, value).
    options: Vec<(String, Option<String>)>,
    /// `Name=Value` pairs after /prop (setting common properties).
    assignments: Vec<(String, String)>,
}

fn parse(args: &[String]) -> Result<Line, String> {
    let mut l = Line::default();
    for a in args {
        if let Some(opt) = a.strip_prefix('/').or_else(|| a.strip_prefix('-')) {
            let (k, v) = match opt.split_once(':') {
                Some((k, v)) => (k.to_ascii_lowercase(), Some(v.to_string())),
                None => (opt.to_ascii_lowercase(), None),
            };
            if k == "cluster" || k == "c" {
                l.cluster = v;
                continue;
            }
            l.options.push((k, v));
            continue;
        }
        if l.object.is_none() {
            let lower = a.to_ascii_lowercase();
            let obj = match lower.as_str() {
                "group" | "resourcegroup" | "resgroup" => Some("group"),
                "res" | "resource" => Some("res"),
                "node" => Some("node"),
                "restype" | "resourcetype" | "type" => Some("restype"),
                "net" | "network" => Some("net"),
                _ => None,
            };
            match obj {
                Some(o) => l.object = Some(o.to_string()),
                // `cluster . group`: the dot names the local cluster.
                None if l.cluster.is_none() && a == "." => {}
                None if l.cluster.is_none() => l.cluster = Some(a.clone()),
                None => return Err(format!("Unrecognized object type '{}'.", a)),
            }
            continue;
        }
        if let (Some((k, v)), Some(_)) = (
            a.split_once('='),
            l.options
                .last()
                .filter(|(o, _)| o.starts_with("prop") || o.starts_with("priv")),
        ) {
            l.assignments
                .push((k.trim().to_string(), v.trim().to_string()));
            continue;
        }
        if l.name.is_none() {
            l.name = Some(a.clone());
        } else {
            return Err(format!("Unexpected parameter '{}'.", a));
        }
    }
    Ok(l)
}

/// The canonical option for an abbreviation.
fn canonical(k: &str) -> &str {
    match k {
        "stat" | "state" | "status" => "status",
        "move" | "moveto" => "move",
        "on" | "online" => "online",
        "off" | "offline" => "offline",
        "prop" | "props" | "properties" => "prop",
        "priv" | "privprop" | "privprops" | "privproperties" => "priv",
        "listdep" | "listdependencies" => "listdep",
        "adddep" | "adddependency" => "adddep",
        "removedep" | "removedependency" => "removedep",
        "remowner" | "removeowner" => "removeowner",
        "ren" | "rename" => "rename",
        "ver" | "version" => "version",
        other => other,
    }
}

fn group_table(c: &Cluster, groups: &[String]) -> Vec<String> {
    let mut v = vec![
        "Group                Node            Status".to_string(),
        "-------------------- --------------- ------".to_string(),
    ];
    for g in groups {
        if let Some(x) = c.group(g) {
            v.push(
                format!(
                    "{:<20} {:<15} {}",
                    x.name,
                    x.owner,
                    c.group_state(&x.name).cluster_exe()
                )
                .trim_end()
                .to_string(),
            );
        }
    }
    v
}

fn res_table(c: &Cluster, res: &[String]) -> Vec<String> {
    let mut v = vec![
        "Resource             Group                Node            Status".to_string(),
        "-------------------- -------------------- --------------- ------".to_string(),
    ];
    for r in res {
        if let Some(x) = c.resource(r) {
            v.push(
                format!(
                    "{:<20} {:<20} {:<15} {}",
                    x.name,
                    x.group,
                    c.resource_owner(x),
                    x.state.cluster_exe()
                )
                .trim_end()
                .to_string(),
            );
        }
    }
    v
}

fn node_table(c: &Cluster, nodes: &[String]) -> Vec<String> {
    let mut v = vec![
        "Node           Node ID Status".to_string(),
        "-------------- ------- ---------------------".to_string(),
    ];
    for n in nodes {
        if let Some(x) = c.node(n) {
            v.push(format!("{:<15}{:>7} {}", x.name, x.id, x.state.name()));
        }
    }
    v
}

fn dword(v: i64) -> String {
    let u = if v < 0 { u64::from(u32::MAX) } else { v as u64 };
    format!("{} (0x{:x})", u, u)
}

fn prop_rows(rows: &[(&str, &str, String)]) -> Vec<String> {
    let mut v = vec![
        "T  Name                           Value".to_string(),
        "-- ------------------------------ --------------------------------------".to_string(),
    ];
    for (t, n, val) in rows {
        v.push(format!("{}  {:<30} {}", t, n, val).trim_end().to_string());
    }
    v
}

enum Outcome {
    Lines(Vec<String>),
    Refused(ModelError),
    Usage(String),
}

impl ClusterExe {
    fn run(&self, cx: &mut Cx, args: &[String]) -> Result<Outcome, crate::engine::error::Flow> {
        let line = match parse(args) {
            Ok(l) => l,
            Err(e) => return Ok(Outcome::Usage(e)),
        };
        let cname = lab::cluster_name(cx, &line.cluster)?;
        let w: World = lab::world(cx)?;
        let Some(c) = w.cluster(&cname) else {
            return Ok(Outcome::Usage(format!(
                "The cluster '{}' was not found.",
                cname
            )));
        };
        let c = c.clone();
        let opts: Vec<(String, Option<String>)> = line
            .options
            .iter()
            .map(|(k, v)| (canonical(k).to_string(), v.clone()))
            .collect();
        let first = opts.first().map(|(k, _)| k.as_str()).unwrap_or("status");
        let value = opts.first().and_then(|(_, v)| v.clone());
        let get = |k: &str| {
            opts.iter()
                .find(|(x, _)| x == k)
                .and_then(|(_, v)| v.clone())
        };
        let Some(object) = line.object.clone() else {
            // Top-level options.
            return Ok(match first {
                "version" => Outcome::Lines(vec![
                    format!("Cluster Name:     {}", c.name),
                    format!(
                        "Cluster Version:  {}",
                        if c.os_generation >= 2008 {
                            "6.0 (Build 6001: Service Pack 1)"
                        } else if c.os_generation == 2003 {
                            "5.2 (Build 3790: Service Pack 2)"
                        } else {
                            "5.0 (Build 2195: Service Pack 4)"
                        }
                    ),
                    "Cluster Vendor:   Microsoft(R) Cluster service".to_string(),
                ]),
                "quorum" | "quorumresource" => Outcome::Lines(vec![
                    "Quorum Resource Name Device                                   Max Log Size"
                        .to_string(),
                    "-------------------- ---------------------------------------- ------------"
                        .to_string(),
                    format!(
                        "{:<20} {:<40} {}",
                        c.quorum.resource.clone().unwrap_or_default(),
                        c.quorum
                            .witness
                            .clone()
                            .unwrap_or_else(|| "Q:\\MSCS\\".into()),
                        "4096"
                    ),
                ]),
                "status" => Outcome::Usage(
                    "The option '/status' requires an object type (group, resource or node)."
                        .into(),
                ),
                other => Outcome::Usage(format!("Invalid option '/{}'.", other)),
            });
        };
        let name = line.name.clone();
        let apply = |cx: &mut Cx, op: Op| lab::apply(cx, op);
        match object.as_str() {
            "group" => {
                let gname = match &name {
                    Some(n) => match c.group(n) {
                        Some(g) => Some(g.name.clone()),
                        None if first == "create" => Some(n.clone()),
                        None => return Ok(Outcome::Refused(ModelError::win32(5013))),
                    },
                    None => None,
                };
                match (first, gname) {
                    ("status", None) => {
                        let all: Vec<String> = match get("node") {
                            Some(n) => c
                                .groups
                                .iter()
                                .filter(|g| g.owner.eq_ignore_ascii_case(&n))
                                .map(|g| g.name.clone())
                                .collect(),
                            None => c.groups.iter().map(|g| g.name.clone()).collect(),
                        };
                        let title = match get("node") {
                            Some(n) => {
                                format!("Listing status of resource group for node '{}':", n)
                            }
                            None => "Listing status for all available resource groups:".to_string(),
                        };
                        let mut v = vec![title, String::new()];
                        v.extend(group_table(&c, &all));
                        Ok(Outcome::Lines(v))
                    }
                    ("node", None) => {
                        let n = value.unwrap_or_default();
                        let all: Vec<String> = c
                            .groups
                            .iter()
                            .filter(|g| g.owner.eq_ignore_ascii_case(&n))
                            .map(|g| g.name.clone())
                            .collect();
                        let mut v = vec![
                            format!("Listing status of resource group for node '{}':", n),
                            String::new(),
                        ];
                        v.extend(group_table(&c, &all));
                        Ok(Outcome::Lines(v))
                    }
                    ("status", Some(g)) => {
                        let mut v = vec![
                            format!("Listing status for resource group '{}':", g),
                            String::new(),
                        ];
                        v.extend(group_table(&c, &[g]));
                        Ok(Outcome::Lines(v))
                    }
                    (action @ ("move" | "online" | "offline"), Some(g)) => {
                        if action == "move" {
                            crate::cmdlets::cluster::move_cluster_group::cms_warning(cx, &g)?;
                        }
                        let (verb, op) = match action {
                            "move" => (
                                "Moving resource group '{}'...",
                                Op::MoveGroup {
                                    cluster: cname.clone(),
                                    group: g.clone(),
                                    node: value.clone(),
                                },
                            ),
                            "online" => (
                                "Bringing resource group '{}' online...",
                                Op::OnlineGroup {
                                    cluster: cname.clone(),
                                    group: g.clone(),
                                },
                            ),
                            _ => (
                                "Bringing resource group '{}' offline...",
                                Op::OfflineGroup {
                                    cluster: cname.clone(),
                                    group: g.clone(),
                                },
                            ),
                        };
                        if action == "online" {
                            if let Some(n) = &value {
                                if let Err(e) = apply(
                                    cx,
                                    Op::MoveGroup {
                                        cluster: cname.clone(),
                                        group: g.clone(),
                                        node: Some(n.clone()),
                                    },
                                ) {
                                    return Ok(Outcome::Refused(e));
                                }
                            }
                        }
                        let head = vec![String::new(), verb.replace("{}", &g), String::new()];
                        match apply(cx, op) {
                            Ok(_) => {
                                let w = lab::world(cx)?;
                                let c2 = w.cluster(&cname).cloned().unwrap_or(c);
                                let mut v = head;
                                v.extend(group_table(&c2, &[g]));
                                Ok(Outcome::Lines(v))
                            }
                            Err(e) => Ok(Outcome::Refused(e)),
                        }
                    }
                    ("listowners", Some(g)) => {
                        let mut v = vec![
                            format!("Listing preferred owners for resource group '{}':", g),
                            String::new(),
                            "Preferred Owner Nodes".into(),
                            "---------------------".into(),
                        ];
                        v.extend(
                            c.group(&g)
                                .map(|x| x.preferred_owners.clone())
                                .unwrap_or_default(),
                        );
                        Ok(Outcome::Lines(v))
                    }
                    ("setowners", Some(g)) => {
                        let nodes: Vec<String> = value
                            .unwrap_or_default()
                            .split(',')
                            .map(|s| s.trim().to_string())
                            .filter(|s| !s.is_empty())
                            .collect();
                        match apply(
                            cx,
                            Op::SetPreferredOwners {
                                cluster: cname.clone(),
                                group: g.clone(),
                                nodes,
                            },
                        ) {
                            Ok(_) => Ok(Outcome::Lines(vec![])),
                            Err(e) => Ok(Outcome::Refused(e)),
                        }
                    }
                    ("create", Some(g)) => match apply(
                        cx,
                        Op::AddGroup {
                            cluster: cname.clone(),
                            group: g.clone(),
                        },
                    ) {
                        Ok(_) => {
                            let w = lab::world(cx)?;
                            let c2 = w.cluster(&cname).cloned().unwrap_or(c);
                            let mut v = vec![
                                String::new(),
                                format!("Creating resource group '{}'...", g),
                                String::new(),
                            ];
                            v.extend(group_table(&c2, &[g]));
                            Ok(Outcome::Lines(v))
                        }
                        Err(e) => Ok(Outcome::Refused(e)),
                    },
                    ("delete", Some(g)) => match apply(
                        cx,
                        Op::RemoveGroup {
                            cluster: cname.clone(),
                            group: g.clone(),
                        },
                    ) {
                        Ok(_) => Ok(Outcome::Lines(vec![
                            String::new(),
                            format!("Deleting resource group '{}'", g),
                        ])),
                        Err(e) => Ok(Outcome::Refused(e)),
                    },
                    ("prop", Some(g)) if !line.assignments.is_empty() => {
                        for (k, v) in &line.assignments {
                            let Ok(n) = v.parse::<i64>() else {
                                return Ok(Outcome::Refused(ModelError::win32(87)));
                            };
                            let op = Op::SetGroupProperty {
                                cluster: cname.clone(),
                                group: g.clone(),
                                name: k.clone(),
                                value: n,
                            };
                            if let Err(e) = apply(cx, op) {
                                return Ok(Outcome::Refused(e));
                            }
                        }
                        Ok(Outcome::Lines(vec![]))
                    }
                    ("prop", Some(g)) => {
                        let Some(x) = c.group(&g) else {
                            return Ok(Outcome::Refused(ModelError::win32(5013)));
                        };
                        let mut v = vec![format!("Listing properties for '{}':", g), String::new()];
                        v.extend(prop_rows(&[
                            ("S", "Name", x.name.clone()),
                            ("S", "Description", x.description.clone()),
                            ("D", "PersistentState", dword(i64::from(x.persistent_state))),
                            (
                                "D",
                                "FailoverThreshold",
                                dword(i64::from(x.failover_threshold)),
                            ),
                            ("D", "FailoverPeriod", dword(i64::from(x.failover_period))),
                            (
                                "D",
                                "AutoFailbackType",
                                dword(i64::from(x.auto_failback_type)),
                            ),
                            (
                                "D",
                                "FailbackWindowStart",
                                dword(i64::from(x.failback_window_start)),
                            ),
                            (
                                "D",
                                "FailbackWindowEnd",
                                dword(i64::from(x.failback_window_end)),
                            ),
                        ]));
                        Ok(Outcome::Lines(v))
                    }
                    (_, None) => Ok(Outcome::Usage("A group name must be specified.".into())),
                    (other, _) => Ok(Outcome::Usage(format!("Invalid option '/{}'.", other))),
                }
            }
            "res" => {
                let rname = match &name {
                    Some(n) => match c.resource(n) {
                        Some(r) => Some(r.name.clone()),
                        None if first == "create" => Some(n.clone()),
                        None => return Ok(Outcome::Refused(ModelError::win32(5007))),
                    },
                    None => None,
                };
                let table_after = |cx: &mut Cx,
                                   head: Vec<String>,
                                   r: &str|
                 -> Result<Outcome, crate::engine::error::Flow> {
                    let w = lab::world(cx)?;
                    let c2 = w.cluster(&cname).cloned().unwrap_or_else(|| c.clone());
                    let mut v = head;
                    v.extend(res_table(&c2, &[r.to_string()]));
                    Ok(Outcome::Lines(v))
                };
                match (first, rname) {
                    ("status", None) => {
                        let all: Vec<String> = match get("node") {
                            Some(n) => c
                                .resources
                                .iter()
                                .filter(|r| c.resource_owner(r).eq_ignore_ascii_case(&n))
                                .map(|r| r.name.clone())
                                .collect(),
                            None => c.resources.iter().map(|r| r.name.clone()).collect(),
                        };
                        let mut v = vec![
                            "Listing status for all available resources:".to_string(),
                            String::new(),
                        ];
                        v.extend(res_table(&c, &all));
                        Ok(Outcome::Lines(v))
                    }
                    ("status", Some(r)) => {
                        let mut v = vec![
                            format!("Listing status for resource '{}':", r),
                            String::new(),
                        ];
                        v.extend(res_table(&c, &[r]));
                        Ok(Outcome::Lines(v))
                    }
                    (action @ ("online" | "offline" | "fail"), Some(r)) => {
                        let (text, op) = match action {
                            "online" => (
                                "Bringing resource '{}' online...",
                                Op::OnlineResource {
                                    cluster: cname.clone(),
                                    resource: r.clone(),
                                },
                            ),
                            "offline" => (
                                "Taking resource '{}' offline...",
                                Op::OfflineResource {
                                    cluster: cname.clone(),
                                    resource: r.clone(),
                                },
                            ),
                            _ => (
                                "Failing resource '{}'...",
                                Op::FailResource {
                                    cluster: cname.clone(),
                                    resource: r.clone(),
                                    planned: true,
                                },
                            ),
                        };
                        match apply(cx, op) {
                            Ok(_) => table_after(
                                cx,
                                vec![String::new(), text.replace("{}", &r), String::new()],
                                &r,
                            ),
                            Err(e) => Ok(Outcome::Refused(e)),
                        }
                    }
                    ("listowners", Some(r)) => {
                        let mut v = vec![
                            format!("Listing possible owners for resource '{}':", r),
                            String::new(),
                            "Possible Owner Nodes".into(),
                            "--------------------".into(),
                        ];
                        v.extend(
                            c.resource(&r)
                                .map(|x| x.possible_owners.clone())
                                .unwrap_or_default(),
                        );
                        Ok(Outcome::Lines(v))
                    }
                    (action @ ("addowner" | "removeowner"), Some(r)) => {
                        let node = value.unwrap_or_default();
                        let mut owners = c
                            .resource(&r)
                            .map(|x| x.possible_owners.clone())
                            .unwrap_or_default();
                        if action == "addowner" {
                            if c.node(&node).is_none() {
                                return Ok(Outcome::Refused(ModelError::win32(5042)));
                            }
                            if !owners.iter().any(|o| o.eq_ignore_ascii_case(&node)) {
                                owners.push(node.clone());
                            }
                        } else {
                            owners.retain(|o| !o.eq_ignore_ascii_case(&node));
                        }
                        match apply(
                            cx,
                            Op::SetPossibleOwners {
                                cluster: cname.clone(),
                                resource: r.clone(),
                                nodes: owners,
                            },
                        ) {
                            Ok(_) => Ok(Outcome::Lines(vec![
                                String::new(),
                                if action == "addowner" {
                                    format!("Adding '{}' to possible owners of '{}'...", node, r)
                                } else {
                                    format!(
                                        "Removing '{}' from possible owners of '{}'...",
                                        node, r
                                    )
                                },
                            ])),
                            Err(e) => Ok(Outcome::Refused(e)),
                        }
                    }
                    ("listdep", Some(r)) => {
                        let deps = c
                            .resource(&r)
                            .map(|x| x.dependencies.clone())
                            .unwrap_or_default();
                        let mut v = vec![
                            format!("Listing resource dependencies for '{}':", r),
                            String::new(),
                        ];
                        v.extend(res_table(&c, &deps));
                        Ok(Outcome::Lines(v))
                    }
                    (action @ ("adddep" | "removedep"), Some(r)) => {
                        let p = value.unwrap_or_default();
                        let op = if action == "adddep" {
                            Op::AddDependency {
                                cluster: cname.clone(),
                                resource: r.clone(),
                                provider: p.clone(),
                            }
                        } else {
                            Op::RemoveDependency {
                                cluster: cname.clone(),
                                resource: r.clone(),
                                provider: p.clone(),
                            }
                        };
                        match apply(cx, op) {
                            Ok(_) => Ok(Outcome::Lines(vec![
                                String::new(),
                                if action == "adddep" {
                                    format!("Making resource '{}' depend on resource '{}'...", r, p)
                                } else {
                                    format!(
                                        "Removing dependency of resource '{}' on resource '{}'...",
                                        r, p
                                    )
                                },
                            ])),
                            Err(e) => Ok(Outcome::Refused(e)),
                        }
                    }
                    ("create", Some(r)) => {
                        let (Some(g), Some(t)) = (get("group"), get("type")) else {
                            return Ok(Outcome::Usage(format!(
                                "Required parameter '{}' is missing.",
                                if get("group").is_none() {
                                    "/group"
                                } else {
                                    "/type"
                                }
                            )));
                        };
                        match apply(
                            cx,
                            Op::AddResource {
                                cluster: cname.clone(),
                                group: g,
                                resource: r.clone(),
                                kind: t,
                                private: Default::default(),
                            },
                        ) {
                            Ok(_) => table_after(
                                cx,
                                vec![
                                    String::new(),
                                    format!("Creating resource '{}'...", r),
                                    String::new(),
                                ],
                                &r,
                            ),
                            Err(e) => Ok(Outcome::Refused(e)),
                        }
                    }
                    ("delete", Some(r)) => match apply(
                        cx,
                        Op::RemoveResource {
                            cluster: cname.clone(),
                            resource: r.clone(),
                        },
                    ) {
                        Ok(_) => Ok(Outcome::Lines(vec![
                            String::new(),
                            format!("Deleting resource '{}'...", r),
                        ])),
                        Err(e) => Ok(Outcome::Refused(e)),
                    },
                    ("move", Some(r)) => {
                        let g = value.unwrap_or_default();
                        match apply(
                            cx,
                            Op::MoveResource {
                                cluster: cname.clone(),
                                resource: r.clone(),
                                group: g.clone(),
                            },
                        ) {
                            Ok(_) => table_after(
                                cx,
                                vec![
                                    String::new(),
                                    format!("Moving resource '{}' to group '{}'...", r, g),
                                    String::new(),
                                ],
                                &r,
                            ),
                            Err(e) => Ok(Outcome::Refused(e)),
                        }
                    }
                    ("prop", Some(r)) if !line.assignments.is_empty() => {
                        for (k, v) in &line.assignments {
                            let Ok(n) = v.parse::<i64>() else {
                                return Ok(Outcome::Refused(ModelError::win32(87)));
                            };
                            let op = Op::SetResourceProperty {
                                cluster: cname.clone(),
                                resource: r.clone(),
                                name: k.clone(),
                                value: n,
                            };
                            if let Err(e) = apply(cx, op) {
                                return Ok(Outcome::Refused(e));
                            }
                        }
                        Ok(Outcome::Lines(vec![]))
                    }
                    ("prop", Some(r)) => {
                        let Some(x) = c.resource(&r) else {
                            return Ok(Outcome::Refused(ModelError::win32(5007)));
                        };
                        let mut v = vec![format!("Listing properties for '{}':", r), String::new()];
                        v.extend(prop_rows(&[
                            ("S", "Name", x.name.clone()),
                            ("S", "Type", x.kind.clone()),
                            ("D", "RestartAction", dword(i64::from(x.restart_action))),
                            (
                                "D",
                                "RestartThreshold",
                                dword(i64::from(x.restart_threshold)),
                            ),
                            ("D", "RestartPeriod", dword(i64::from(x.restart_period))),
                            ("D", "PendingTimeout", dword(i64::from(x.pending_timeout))),
                        ]));
                        Ok(Outcome::Lines(v))
                    }
                    ("priv", Some(r)) if !line.assignments.is_empty() => {
                        for (k, v) in &line.assignments {
                            let op = Op::SetPrivateProperty {
                                cluster: cname.clone(),
                                resource: r.clone(),
                                name: k.clone(),
                                value: v.clone(),
                            };
                            if let Err(e) = apply(cx, op) {
                                return Ok(Outcome::Refused(e));
                            }
                        }
                        Ok(Outcome::Lines(vec![]))
                    }
                    ("priv", Some(r)) => {
                        let Some(x) = c.resource(&r) else {
                            return Ok(Outcome::Refused(ModelError::win32(5007)));
                        };
                        let mut v = vec![
                            format!("Listing private properties for '{}':", r),
                            String::new(),
                        ];
                        let rows: Vec<(&str, &str, String)> = x
                            .private
                            .iter()
                            .map(|(k, val)| ("S", k.as_str(), val.clone()))
                            .collect();
                        v.extend(prop_rows(&rows));
                        Ok(Outcome::Lines(v))
                    }
                    (_, None) => Ok(Outcome::Usage("A resource name must be specified.".into())),
                    (other, _) => Ok(Outcome::Usage(format!("Invalid option '/{}'.", other))),
                }
            }
            "node" => {
                let nname = match &name {
                    Some(n) => match c.node(n) {
                        Some(x) => Some(x.name.clone()),
                        None => return Ok(Outcome::Refused(ModelError::win32(5042))),
                    },
                    None => None,
                };
                match (first, nname) {
                    ("status", None) => {
                        let all: Vec<String> = c.nodes.iter().map(|n| n.name.clone()).collect();
                        let mut v = vec![
                            "Listing status for all available nodes:".to_string(),
                            String::new(),
                        ];
                        v.extend(node_table(&c, &all));
                        Ok(Outcome::Lines(v))
                    }
                    ("status", Some(n)) => {
                        let mut v =
                            vec![format!("Listing status for node '{}':", n), String::new()];
                        v.extend(node_table(&c, &[n]));
                        Ok(Outcome::Lines(v))
                    }
                    (action @ ("pause" | "resume" | "evict"), Some(n)) => {
                        let (text, op) = match action {
                            "pause" => (
                                "Pausing node '{}'...",
                                Op::PauseNode {
                                    cluster: cname.clone(),
                                    node: n.clone(),
                                },
                            ),
                            "resume" => (
                                "Resuming node '{}'...",
                                Op::ResumeNode {
                                    cluster: cname.clone(),
                                    node: n.clone(),
                                },
                            ),
                            _ => (
                                "Evicting node '{}'...",
                                Op::EvictNode {
                                    cluster: cname.clone(),
                                    node: n.clone(),
                                },
                            ),
                        };
                        match apply(cx, op) {
                            Ok(_) => {
                                let w = lab::world(cx)?;
                                let c2 = w.cluster(&cname).cloned().unwrap_or(c);
                                let mut v =
                                    vec![String::new(), text.replace("{}", &n), String::new()];
                                if action != "evict" {
                                    v.extend(node_table(&c2, &[n]));
                                }
                                Ok(Outcome::Lines(v))
                            }
                            Err(e) => Ok(Outcome::Refused(e)),
                        }
                    }
                    ("prop", Some(n)) => {
                        let Some(x) = c.node(&n) else {
                            return Ok(Outcome::Refused(ModelError::win32(5042)));
                        };
                        let mut v = vec![format!("Listing properties for '{}':", n), String::new()];
                        v.extend(prop_rows(&[
                            ("S", "NodeName", x.name.clone()),
                            ("S", "NodeID", x.id.to_string()),
                            (
                                "D",
                                "State",
                                dword(match x.state {
                                    crate::model::NodeState::Up => 0,
                                    crate::model::NodeState::Down => 1,
                                    crate::model::NodeState::Paused => 2,
                                    crate::model::NodeState::Joining => 3,
                                }),
                            ),
                        ]));
                        Ok(Outcome::Lines(v))
                    }
                    (_, None) => Ok(Outcome::Usage("A node name must be specified.".into())),
                    (other, _) => Ok(Outcome::Usage(format!("Invalid option '/{}'.", other))),
                }
            }
            "restype" => {
                // The types in use, with their display names (the DLL names are not
                // simulated).
                let mut types: Vec<String> = c.resources.iter().map(|r| r.kind.clone()).collect();
                types.sort_by_key(|t| t.to_lowercase());
                types.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
                let mut v = vec![
                    "Listing all available resource types:".to_string(),
                    String::new(),
                    "Display Name                         Resource Type Name".to_string(),
                    "------------------------------------ ------------------------------------"
                        .to_string(),
                ];
                v.extend(types.iter().map(|t| format!("{:<36} {}", t, t)));
                Ok(Outcome::Lines(v))
            }
            "net" => {
                let mut v = vec![
                    "Listing status for all available networks:".to_string(),
                    String::new(),
                    "Network              Status".to_string(),
                    "-------------------- -----------".to_string(),
                ];
                v.extend(
                    c.networks
                        .iter()
                        .map(|n| format!("{:<20} {}", n.name, n.state)),
                );
                Ok(Outcome::Lines(v))
            }
            other => Ok(Outcome::Usage(format!(
                "Unrecognized object type '{}'.",
                other
            ))),
        }
    }
}

impl Cmdlet for ClusterExe {
    type Args = ClusterExeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let args: Vec<String> = crate::cmdlets::installers::native_args(&a.argument_list);
        let (code, out, err) = match self.run(cx, &args)? {
            Outcome::Lines(l) => (0, l, None),
            Outcome::Refused(e) => (e.code.unwrap_or(1), Vec::new(), Some(e.cluster_exe())),
            Outcome::Usage(m) => (87, Vec::new(), Some(m)),
        };
        for l in out {
            cx.write(Value::string(l))?;
        }
        if let Some(e) = err {
            // cluster.exe reports on its error stream; PowerShell shows it as text.
            cx.interp.flush_output();
            cx.interp.host.err(&format!("{}\n", e));
            cx.interp.error_count += 1;
        }
        cx.interp.set_var_in(
            0,
            "LASTEXITCODE",
            Value::Int(i32::try_from(code).unwrap_or(1)),
        );
        Ok(())
    }
}
