//! Exchange 2000/2003 virtual servers (DOMAIN.md §3, rules E1–E11): building one from a
//! group with Add-ClusterResource of the System Attendant type, the placement rules that
//! decide where it may run (storage-group limit, one EVS per node on larger 2003 clusters,
//! versions), the rolling service pack (update.exe on each node, then "Upgrade Exchange
//! Virtual Server"), Windows hotfix packages and the .NET 2.0 SP1 installer, and removal.

use indexmap::IndexMap;

use crate::model::error::{ErrorKind, ModelError};
use crate::model::exchange::{version_newer, Evs, StorageGroup};
use crate::model::types::*;

/// The resource type whose creation builds an EVS (E1).
pub const SA_TYPE: &str = "Microsoft Exchange System Attendant";
/// Storage groups one Exchange 2000/2003 server runs, across every EVS it hosts (E4).
pub const MAX_STORAGE_GROUPS: usize = 4;
/// Databases per storage group (E4).
pub const MAX_DATABASES: usize = 5;

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn invalid(msg: impl Into<String>) -> ModelError {
    ModelError::other(msg, ErrorKind::InvalidOperation)
}

fn insufficient() -> ModelError {
    ModelError::other(
        "Insufficient access rights to perform the operation.",
        ErrorKind::AccessDenied,
    )
}

/// `2000`, `2003` or `2007` from a build number.
pub fn family(version: &str) -> &'static str {
    if version.starts_with("6.0") {
        "2000"
    } else if version.starts_with("6.5") {
        "2003"
    } else if version.starts_with("8.") {
        "2007"
    } else {
        ""
    }
}

/// The service pack a build is, for messages: `6.5.7226.6` -> `Service Pack 1`.
pub fn service_pack_name(version: &str) -> &'static str {
    let build = |v: &str| {
        v.split('.')
            .nth(2)
            .and_then(|b| b.parse::<u32>().ok())
            .unwrap_or(0)
    };
    match (family(version), build(version)) {
        ("2003", b) if b >= 7638 => "Service Pack 2",
        ("2003", b) if b >= 7226 => "Service Pack 1",
        ("2000", b) if b >= 6249 => "Service Pack 3",
        ("2000", b) if b >= 5762 => "Service Pack 2",
        ("2000", b) if b >= 4712 => "Service Pack 1",
        _ => "",
    }
}

impl Evs {
    /// The cluster group that holds it (its own name unless the lab says otherwise).
    pub fn group_name(&self) -> &str {
        if self.group.is_empty() {
            &self.name
        } else {
            &self.group
        }
    }
}

impl World {
    pub fn evs(&self, name: &str) -> Option<&Evs> {
        self.exchange
            .virtual_servers
            .iter()
            .find(|e| eq(&e.name, name) || eq(e.group_name(), name))
    }

    /// The EVS a cluster group holds.
    pub fn evs_for_group(&self, group: &str) -> Option<&Evs> {
        self.exchange
            .virtual_servers
            .iter()
            .find(|e| eq(e.group_name(), group))
    }

    /// The EVSs running (not offline) on a node, other than `except`'s group.
    pub(crate) fn evs_running_on(&self, ci: usize, node: &str, except: &str) -> Vec<&Evs> {
        let c = &self.clusters[ci];
        self.exchange
            .virtual_servers
            .iter()
            .filter(|e| !eq(e.group_name(), except))
            .filter(|e| {
                c.group(e.group_name()).is_some_and(|g| {
                    eq(&g.owner, node)
                        && !matches!(
                            c.group_state(&g.name),
                            GroupState::Offline | GroupState::Failed
                        )
                })
            })
            .collect()
    }

    /// E4, E5, E7/E8: may the EVS of `group` run on `node`?
    pub(crate) fn evs_placement(
        &self,
        ci: usize,
        group: &str,
        node: &str,
    ) -> Result<(), ModelError> {
        let Some(evs) = self.evs_for_group(group) else {
            return Ok(());
        };
        let node_name = self.clusters[ci]
            .node(node)
            .map(|n| n.name.clone())
            .unwrap_or_else(|| node.to_string());
        // E7: an upgraded EVS does not run on older binaries (E8: nor a 2003 EVS on 2000).
        let binaries = self.server(node).and_then(|s| s.exchange_version.clone());
        let older = match &binaries {
            None => true,
            Some(v) => {
                version_newer(&evs.version, v)
                    || (family(v) == "2000" && family(&evs.version) != "2000")
            }
        };
        if older {
            return Err(invalid(format!(
                "Version of Exchange on this machine does not match the version of Exchange server {}.",
                node_name
            )));
        }
        let others = self.evs_running_on(ci, node, group);
        // E5: on three or more nodes, Exchange 2003 runs one EVS per node.
        if family(&evs.version) == "2003" && self.clusters[ci].nodes.len() >= 3 {
            if let Some(o) = others.first() {
                return Err(invalid(format!(
                    "An error occurred while bringing the Exchange Virtual Server '{}' online on node '{}': the node already hosts the Exchange Virtual Server '{}'. On a cluster of more than two nodes, a node can host only one Exchange Virtual Server at a time.",
                    evs.name, node_name, o.name
                )));
            }
        }
        // E4: at most four storage groups on the node, counting every EVS it would host.
        let total: usize =
            evs.storage_groups.len() + others.iter().map(|o| o.storage_groups.len()).sum::<usize>();
        if total > MAX_STORAGE_GROUPS {
            let mut parts: Vec<String> = others
                .iter()
                .map(|o| format!("{} {}", o.name, o.storage_groups.len()))
                .collect();
            parts.push(format!("{} {}", evs.name, evs.storage_groups.len()));
            return Err(invalid(format!(
                "The Exchange Virtual Server '{}' cannot come online on node '{}': the node would run {} storage groups ({}), and an Exchange server runs at most {}.",
                evs.name,
                node_name,
                total,
                parts.join(", "),
                MAX_STORAGE_GROUPS
            )));
        }
        Ok(())
    }

    /// Exchange Full Administrator on the EVS's administrative group (DOMAIN.md §6).
    pub(crate) fn require_full_admin(&self, admin_group: &str) -> Result<(), ModelError> {
        let acct = self.accounts.iter().find(|a| eq(&a.name, &self.identity));
        let Some(a) = acct else {
            return if self.accounts.is_empty() {
                Ok(())
            } else {
                Err(insufficient())
            };
        };
        let role = format!("Exchange Full Administrator:{}", admin_group);
        if a.exchange_roles
            .iter()
            .any(|r| eq(r, &role) || eq(r, "Exchange Full Administrator"))
        {
            Ok(())
        } else {
            Err(insufficient())
        }
    }

    /// E1/E2: the System Attendant resource `sa` was just added to `group`: check the
    /// group, wire the SA's dependencies and create the version's other resources.
    pub(crate) fn create_evs(
        &mut self,
        ci: usize,
        group: &str,
        sa: &str,
    ) -> Result<(), ModelError> {
        let c = &self.clusters[ci];
        if let Some(e) = self.evs_for_group(group) {
            return Err(invalid(format!(
                "The group '{}' already holds the Exchange Virtual Server '{}'.",
                group, e.name
            )));
        }
        let members: Vec<&Resource> = c
            .resources_in(group)
            .iter()
            .map(|i| &c.resources[*i])
            .collect();
        let of = |k: &str| -> Vec<&Resource> {
            members.iter().copied().filter(|r| eq(&r.kind, k)).collect()
        };
        let disks = of("Physical Disk");
        let ips = of("IP Address");
        let names: Vec<&Resource> = of("Network Name")
            .into_iter()
            .filter(|n| {
                n.dependencies
                    .iter()
                    .any(|d| ips.iter().any(|ip| eq(&ip.name, d)))
            })
            .collect();
        let need = "An Exchange Virtual Server needs, in its group, a Physical Disk, an IP Address and a Network Name that depends on the IP Address, all online.";
        let missing = if disks.is_empty() {
            Some("Physical Disk")
        } else if ips.is_empty() {
            Some("IP Address")
        } else if names.is_empty() {
            Some("Network Name (depending on the IP Address)")
        } else {
            None
        };
        if let Some(m) = missing {
            return Err(invalid(format!(
                "Cannot create the resource '{}': the group '{}' has no {} resource. {}",
                sa, group, m, need
            )));
        }
        if let Some(off) = disks
            .iter()
            .chain(ips.iter())
            .chain(names.iter())
            .find(|r| r.state != ResourceState::Online)
        {
            return Err(invalid(format!(
                "Cannot create the resource '{}': the resource '{}' is not online. {}",
                sa, off.name, need
            )));
        }
        let owner = c.group(group).map(|g| g.owner.clone()).unwrap_or_default();
        let Some(version) = self.server(&owner).and_then(|s| s.exchange_version.clone()) else {
            return Err(invalid(format!(
                "Cannot create the resource '{}': Microsoft Exchange is not installed on node '{}'.",
                sa, owner
            )));
        };
        let fam = family(&version);
        if fam != "2000" && fam != "2003" {
            return Err(invalid(format!(
                "Cannot create the resource '{}': the Exchange build on node '{}' ({}) has no Exchange Virtual Servers (Exchange 2007 clustered mailbox servers are created with setup.com /newcms).",
                sa, owner, version
            )));
        }
        let network_name = names[0].name.clone();
        let Some(evs_name) = names[0]
            .private
            .iter()
            .find(|(k, v)| eq(k, "Name") && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
        else {
            return Err(invalid(format!(
                "Cannot create the resource '{}': the Network Name resource '{}' has no Name (the virtual server's name). Set it with: cluster res \"{}\" /priv Name=<name>",
                sa, network_name, network_name
            )));
        };
        let disk_names: Vec<String> = disks.iter().map(|d| d.name.clone()).collect();
        let ri = c.res_idx(sa)?;
        let private = c.resources[ri].private.clone();
        let owners = c.resources[ri].possible_owners.clone();
        let pick = |keys: &[&str], list: &[String]| -> Result<String, ModelError> {
            let asked = keys.iter().find_map(|k| {
                private
                    .iter()
                    .find(|(n, _)| eq(n, k))
                    .map(|(_, v)| v.clone())
            });
            match asked {
                Some(v) => list.iter().find(|x| eq(x, &v)).cloned().ok_or_else(|| {
                    ModelError::other(
                        format!(
                            "The group '{}' does not exist in the Exchange organization.",
                            v
                        ),
                        ErrorKind::NotFound,
                    )
                }),
                None => Ok(list.first().cloned().unwrap_or_default()),
            }
        };
        let admin_group = pick(
            &["AdministrativeGroup", "AdminGroup"],
            &self.exchange.administrative_groups,
        )?;
        let routing_group = pick(&["RoutingGroup"], &self.exchange.routing_groups)?;
        self.require_full_admin(&admin_group)?;
        if self.evs(&evs_name).is_some() {
            return Err(invalid(format!(
                "An Exchange server named '{}' already exists in the organization.",
                evs_name
            )));
        }
        // The MTA exists only in the cluster's first EVS.
        let has_mta = c.resources.iter().any(|r| {
            r.kind
                .to_ascii_lowercase()
                .contains("message transfer agent")
        });
        let tag = format!("({})", evs_name);
        let is = format!("Exchange Information Store Instance {}", tag);
        let mut created: Vec<(String, &str, String)> = vec![
            (
                is.clone(),
                "Microsoft Exchange Information Store",
                sa.to_string(),
            ),
            (
                format!("Exchange Routing Service Instance {}", tag),
                "Microsoft Exchange Routing Service",
                sa.to_string(),
            ),
        ];
        if !has_mta {
            created.push((
                format!("Exchange Message Transfer Agent Instance {}", tag),
                "Microsoft Exchange Message Transfer Agent",
                sa.to_string(),
            ));
        }
        // E2: Exchange 2000 hangs the protocols off the Store; 2003 off the SA.
        let proto = if fam == "2000" {
            is.clone()
        } else {
            sa.to_string()
        };
        created.push((
            format!("SMTP Virtual Server Instance 1 {}", tag),
            "SMTP Server Instance",
            proto.clone(),
        ));
        created.push((
            format!("Exchange HTTP Virtual Server Instance 100 {}", tag),
            "Microsoft Exchange HTTP Server Instance",
            proto.clone(),
        ));
        created.push((
            format!("Exchange MS Search Instance {}", tag),
            "Microsoft Search Service Instance",
            proto.clone(),
        ));
        if fam == "2000" {
            // Exchange 2003 creates no POP3/IMAP4 resources (Trustworthy Computing).
            created.push((
                format!("Exchange POP3 Virtual Server Instance 1 {}", tag),
                "Microsoft Exchange POP3 Server Instance",
                proto.clone(),
            ));
            created.push((
                format!("Exchange IMAP4 Virtual Server Instance 1 {}", tag),
                "Microsoft Exchange IMAP4 Server Instance",
                proto,
            ));
        }
        for (name, _, _) in &created {
            if c.resource(name).is_some() {
                return Err(ModelError::win32(5010));
            }
        }
        let gname = c.group(group).map(|g| g.name.clone()).unwrap_or_default();
        let cm = &mut self.clusters[ci];
        let mut deps = vec![network_name];
        deps.extend(disk_names);
        cm.resources[ri].dependencies = deps;
        for (name, kind, provider) in created {
            let mut private = IndexMap::new();
            if kind == "Microsoft Exchange Information Store" {
                private.insert("Databases".to_string(), "2".to_string());
            }
            cm.resources.push(Resource {
                name,
                kind: kind.to_string(),
                group: gname.clone(),
                state: ResourceState::Offline,
                possible_owners: owners.clone(),
                dependencies: vec![provider],
                restart_action: 2,
                restart_threshold: 3,
                restart_period: 900_000,
                pending_timeout: 180_000,
                private,
                restarts: Vec::new(),
                extra_online: 0,
                looks_alive_poll_interval: 5000,
                is_alive_poll_interval: 60_000,
                hung: false,
            });
        }
        cm.members.invalidate();
        let sg = |name: &str, dbs: Vec<String>| StorageGroup {
            name: name.into(),
            databases: dbs,
            mailboxes: 0,
            dismounted: Vec::new(),
            last_generated: 1,
            last_copied: 1,
            last_replayed: 1,
            suspended: false,
            awaiting_restore: false,
            needs_reseed: false,
            suspend_comment: String::new(),
        };
        self.exchange.virtual_servers.push(Evs {
            name: evs_name.clone(),
            version: version.clone(),
            admin_group,
            routing_group,
            storage_groups: vec![sg(
                "First Storage Group",
                vec![
                    format!("Mailbox Store ({})", evs_name),
                    format!("Public Folder Store ({})", evs_name),
                ],
            )],
            group: if eq(&gname, &evs_name) {
                String::new()
            } else {
                gname.clone()
            },
            upgrading: false,
        });
        // E4/E5 on the node that owns the group now (the new EVS will run there).
        if let Err(e) = self.evs_placement(ci, &gname, &owner) {
            if !e.message.starts_with("Version") {
                return Err(e);
            }
        }
        let now = self.clock;
        self.event_in(
            "Application",
            now,
            &owner,
            "MSExchangeCluster",
            1000,
            EntryType::Information,
            format!(
                "The Exchange Virtual Server '{}' was created in group '{}' (Exchange {} {}). Its resources are offline: bring the System Attendant online, then the other resources.",
                evs_name, gname, fam, version
            ),
            true,
        );
        Ok(())
    }

    /// E11: deleting the System Attendant deletes the EVS and its dependants; the group
    /// must be offline, and the EVS holding the MTA goes last.
    pub(crate) fn remove_evs(&mut self, ci: usize, ri: usize) -> Result<(), ModelError> {
        let c = &self.clusters[ci];
        let group = c.resources[ri].group.clone();
        let Some(evs) = self.evs_for_group(&group).cloned() else {
            // A System Attendant without an EVS record: an ordinary resource.
            return Ok(());
        };
        let mut doomed = c.dependents_closure(ri);
        if !doomed.contains(&ri) {
            doomed.push(ri);
        }
        if let Some(on) = doomed
            .iter()
            .map(|i| &c.resources[*i])
            .find(|r| r.state != ResourceState::Offline && r.state != ResourceState::Failed)
        {
            let _ = on;
            return Err(ModelError::win32(5019));
        }
        let holds_mta = doomed.iter().any(|i| {
            c.resources[*i]
                .kind
                .to_ascii_lowercase()
                .contains("message transfer agent")
        });
        let others: Vec<String> = self
            .exchange
            .virtual_servers
            .iter()
            .filter(|e| !eq(&e.name, &evs.name) && c.group(e.group_name()).is_some())
            .map(|e| e.name.clone())
            .collect();
        if holds_mta && !others.is_empty() {
            return Err(invalid(format!(
                "The Exchange Virtual Server '{}' holds the cluster's Message Transfer Agent instance and must be removed last. Remove {} first.",
                evs.name,
                others.join(", ")
            )));
        }
        self.require_full_admin(&evs.admin_group)?;
        let names: Vec<String> = doomed
            .iter()
            .map(|i| c.resources[*i].name.clone())
            .collect();
        let cm = &mut self.clusters[ci];
        cm.resources
            .retain(|r| !names.iter().any(|n| eq(n, &r.name)));
        cm.members.invalidate();
        self.exchange
            .virtual_servers
            .retain(|e| !eq(&e.name, &evs.name));
        let owner = self.clusters[ci]
            .group(&group)
            .map(|g| g.owner.clone())
            .unwrap_or_default();
        let now = self.clock;
        self.event_in(
            "Application",
            now,
            &owner,
            "MSExchangeCluster",
            1001,
            EntryType::Information,
            format!(
                "The Exchange Virtual Server '{}' was removed from the cluster with its {} resources.",
                evs.name,
                names.len()
            ),
            true,
        );
        Ok(())
    }

    /// E6: Cluster Administrator's "Upgrade Exchange Virtual Server", run on `node`.
    pub(crate) fn upgrade_evs(&mut self, name: &str, node: &str) -> Result<(), ModelError> {
        let Some(evs) = self.evs(name).cloned() else {
            return Err(ModelError::other(
                format!(
                    "The Exchange Virtual Server '{}' was not found in the lab.",
                    name
                ),
                ErrorKind::NotFound,
            ));
        };
        let group = evs.group_name().to_string();
        let Some(ci) = self.clusters.iter().position(|c| c.group(&group).is_some()) else {
            return Err(ModelError::win32(5013));
        };
        self.require_admin_on(node)?;
        self.require_full_admin(&evs.admin_group)?;
        let c = &self.clusters[ci];
        let owner = c.group(&group).map(|g| g.owner.clone()).unwrap_or_default();
        let binaries = self
            .server(node)
            .and_then(|s| s.exchange_version.clone())
            .unwrap_or_default();
        if family(&evs.version) == "2000" && family(&binaries) == "2000" {
            return Err(invalid(format!(
                "Exchange 2000 service packs upgrade only the binaries on each node; the Exchange Virtual Server '{}' needs no upgrade.",
                evs.name
            )));
        }
        if !eq(&owner, node) {
            return Err(invalid(format!(
                "The Exchange Virtual Server '{}' can be upgraded only from the node that owns it ({}); this is {}. Move the group '{}' to an upgraded node first.",
                evs.name, owner, node, group
            )));
        }
        let sa = c
            .resources_in(&group)
            .into_iter()
            .map(|i| &c.resources[i])
            .find(|r| eq(&r.kind, SA_TYPE))
            .cloned();
        let Some(sa) = sa else {
            return Err(ModelError::win32(5007));
        };
        if sa.state != ResourceState::Offline && sa.state != ResourceState::Failed {
            return Err(invalid(format!(
                "The System Attendant resource '{}' is online. Take it offline (its dependent resources go with it) before upgrading the Exchange Virtual Server.",
                sa.name
            )));
        }
        if !version_newer(&binaries, &evs.version) {
            return Err(invalid(format!(
                "The Exchange Virtual Server '{}' is at version {} and this node has Exchange {}: the upgrade files are not on this node. Install the Exchange service pack on {} first.",
                evs.name, evs.version, binaries, node
            )));
        }
        if let Some(busy) = self.exchange.virtual_servers.iter().find(|e| {
            !eq(&e.name, &evs.name)
                && e.upgrading
                && self.sa_state(e) != Some(ResourceState::Online)
        }) {
            return Err(invalid(format!(
                "The upgrade of the Exchange Virtual Server '{}' is still in progress (its System Attendant is not back online). Upgrade one Exchange Virtual Server at a time (KB 822582).",
                busy.name
            )));
        }
        let target = self.clock + 2 * 60 * TICKS_PER_SECOND;
        self.run_until(target);
        for e in &mut self.exchange.virtual_servers {
            if eq(&e.name, &evs.name) {
                e.version = binaries.clone();
                e.upgrading = true;
            } else if e.upgrading {
                e.upgrading = false;
            }
        }
        let now = self.clock;
        let node_name = self
            .server(node)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        self.event_in(
            "Application",
            now,
            &node_name,
            "MSExchangeCluster",
            1002,
            EntryType::Information,
            format!(
                "{} System Attendant: the Exchange Virtual Server was upgraded to version {}.",
                evs.name, binaries
            ),
            true,
        );
        Ok(())
    }

    fn sa_state(&self, e: &Evs) -> Option<ResourceState> {
        self.clusters.iter().find_map(|c| {
            c.resources_in(e.group_name())
                .into_iter()
                .map(|i| &c.resources[i])
                .find(|r| eq(&r.kind, SA_TYPE))
                .map(|r| r.state)
        })
    }

    /// Why a group found no failover target among the Up nodes that could own it: the
    /// Exchange rules, logged where an administrator looks (Application log).
    pub(crate) fn log_placement_refusals(
        &mut self,
        ci: usize,
        group: &str,
        from: &str,
        at: Ticks,
        planned: bool,
    ) {
        let c = &self.clusters[ci];
        let reasons: Vec<(String, String)> = c
            .nodes
            .iter()
            .filter(|n| !eq(&n.name, from) && n.state == NodeState::Up)
            .filter(|n| c.possible_owner(group, &n.name))
            .filter_map(|n| {
                self.evs_placement(ci, group, &n.name)
                    .err()
                    .map(|e| (n.name.clone(), e.message))
            })
            .collect();
        for (node, why) in reasons {
            self.event_in(
                "Application",
                at,
                &node,
                "MSExchangeCluster",
                1005,
                EntryType::Error,
                why,
                planned,
            );
        }
    }

    /// The per-node Exchange limits hold (E4, E5): checked after every operation.
    pub(crate) fn exchange_invariants(&self) -> Result<(), String> {
        for (ci, c) in self.clusters.iter().enumerate() {
            for n in &c.nodes {
                let running = self.evs_running_on(ci, &n.name, "");
                let sgs: usize = running.iter().map(|e| e.storage_groups.len()).sum();
                if sgs > MAX_STORAGE_GROUPS {
                    return Err(format!(
                        "node '{}' runs {} storage groups (at most {})",
                        n.name, sgs, MAX_STORAGE_GROUPS
                    ));
                }
                let e2k3 = running
                    .iter()
                    .filter(|e| family(&e.version) == "2003")
                    .count();
                if c.nodes.len() >= 3 && e2k3 > 0 && running.len() > 1 {
                    return Err(format!(
                        "node '{}' runs {} Exchange 2003 virtual servers on a {}-node cluster",
                        n.name,
                        running.len(),
                        c.nodes.len()
                    ));
                }
            }
        }
        Ok(())
    }
}
