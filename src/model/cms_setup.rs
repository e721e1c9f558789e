//! setup.com's switches beyond /mode:upgrade and /upgradecms (DOMAIN.md §8):
//! `/mode:install /roles:`, `/PrepareSchema`, `/PrepareAD`, `/NewCms`, `/RemoveCms`,
//! `/ClearLocalCms` and `/RecoverCms`, each with its prerequisite checks (a plan that changes nothing) and its
//! work through the one door.

use indexmap::IndexMap;

use crate::model::error::{ErrorKind, ModelError};
use crate::model::exchange::{Cms, SetupPlan, StorageGroup};
use crate::model::types::*;

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// One of the switches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CmsSetup {
    PrepareSchema,
    PrepareAd,
    NewCms {
        name: String,
        ip: String,
        data_path: String,
    },
    RemoveCms {
        name: String,
    },
    ClearLocalCms {
        name: String,
    },
    RecoverCms {
        name: String,
        ip: String,
    },
    /// `/mode:install /roles:Mailbox,HubTransport,...` on a server without Exchange.
    Install {
        roles: Vec<String>,
    },
}

/// `/roles:M,HT,ClientAccess` -> canonical role names, or the unknown one.
pub fn parse_roles(list: &str) -> Result<Vec<String>, String> {
    let mut out: Vec<String> = Vec::new();
    for r in list.split(',').map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let canonical = match r.to_ascii_lowercase().as_str() {
            "mailbox" | "m" | "mb" => "Mailbox",
            "hubtransport" | "h" | "ht" => "HubTransport",
            "clientaccess" | "c" | "ca" => "ClientAccess",
            "unifiedmessaging" | "u" | "um" => "UnifiedMessaging",
            "managementtools" | "t" | "mt" => "ManagementTools",
            "edgetransport" | "e" | "et" => "EdgeTransport",
            _ => return Err(format!("'{}' is not a server role (Mailbox, HubTransport, ClientAccess, UnifiedMessaging, ManagementTools, EdgeTransport).", r)),
        };
        if !out.iter().any(|o| o == canonical) {
            out.push(canonical.to_string());
        }
    }
    if out.is_empty() {
        return Err("Specify the server roles to install with /roles: (Mailbox, HubTransport, ClientAccess, UnifiedMessaging, ManagementTools, EdgeTransport).".into());
    }
    Ok(out)
}

fn role_label(r: &str) -> &'static str {
    match r {
        "Mailbox" => "Mailbox Role",
        "HubTransport" => "Hub Transport Role",
        "ClientAccess" => "Client Access Role",
        "UnifiedMessaging" => "Unified Messaging Role",
        "EdgeTransport" => "Edge Transport Role",
        _ => "Exchange Management Tools",
    }
}

impl CmsSetup {
    /// The stage setup prints for its checks, and those of the work.
    pub fn stages(&self) -> (String, Vec<String>) {
        let own = |a: &str, b: &[&str]| (a.to_string(), b.iter().map(|x| x.to_string()).collect());
        match self {
            CmsSetup::PrepareSchema => own(
                "Organization Checks",
                &["Extending Active Directory schema"],
            ),
            CmsSetup::PrepareAd => own("Organization Checks", &["Organization Preparation"]),
            CmsSetup::NewCms { .. } => own(
                "Clustered Mailbox Server Checks",
                &[
                    "Preparing Setup",
                    "Clustered Mailbox Server Configuration",
                    "Finalizing Setup",
                ],
            ),
            CmsSetup::RemoveCms { .. } => own(
                "Clustered Mailbox Server Checks",
                &["Removing Clustered Mailbox Server", "Finalizing Setup"],
            ),
            CmsSetup::ClearLocalCms { .. } => own(
                "Clustered Mailbox Server Checks",
                &["Clearing Local Cluster Configuration"],
            ),
            CmsSetup::RecoverCms { .. } => own(
                "Clustered Mailbox Server Checks",
                &[
                    "Preparing Setup",
                    "Recovering Clustered Mailbox Server",
                    "Finalizing Setup",
                ],
            ),
            CmsSetup::Install { roles } => {
                let first = roles
                    .first()
                    .map(|r| role_label(r))
                    .unwrap_or("Mailbox Role");
                let mut steps = vec![
                    "Preparing Setup".to_string(),
                    "Copying Exchange Files".to_string(),
                ];
                steps.extend(roles.iter().map(|r| role_label(r).to_string()));
                steps.push("Finalizing Setup".into());
                (format!("{} Checks", first), steps)
            }
        }
    }
}

/// The schema rangeUpper an Exchange 2007 build needs (domain-sources appendix A).
pub fn schema_for(version: &str) -> u32 {
    if version.starts_with("8.3") {
        14625
    } else if version.starts_with("8.2") {
        14622
    } else if version.starts_with("8.1") {
        11116
    } else {
        10637
    }
}

fn resource(
    name: String,
    kind: &str,
    group: &str,
    owners: &[String],
    deps: Vec<String>,
) -> Resource {
    Resource {
        name,
        kind: kind.to_string(),
        group: group.to_string(),
        state: ResourceState::Offline,
        possible_owners: owners.to_vec(),
        dependencies: deps,
        restart_action: 2,
        restart_threshold: 3,
        restart_period: 900_000,
        pending_timeout: 180_000,
        private: IndexMap::new(),
        restarts: Vec::new(),
        extra_online: 0,
        looks_alive_poll_interval: 5000,
        is_alive_poll_interval: 60_000,
        hung: false,
    }
}

impl World {
    fn account_in(&self, group: &str) -> bool {
        self.accounts
            .iter()
            .find(|a| eq(&a.name, &self.identity))
            .is_some_and(|a| a.groups.iter().any(|g| eq(g, group)))
            || self.accounts.is_empty()
    }

    /// The checks of a switch on `server` (nothing changes).
    pub fn cms_setup_plan(&self, server: &str, action: &CmsSetup) -> SetupPlan {
        let mut plan = SetupPlan::default();
        let (stage, _) = action.stages();
        let stage = stage.as_str();
        let fail = |plan: &mut SetupPlan, why: String| plan.checks.push((stage.into(), Some(why)));
        let Some(s) = self.server(server) else {
            fail(
                &mut plan,
                format!("The computer '{}' is not in the lab.", server),
            );
            return plan;
        };
        let media = self.exchange2007_media().unwrap_or_default();
        let binaries = s.exchange_version.clone().unwrap_or_default();
        let failure: Option<String> = match action {
            CmsSetup::PrepareSchema => {
                plan.target_version = media.clone();
                if !(self.account_in("Schema Admins") && self.account_in("Enterprise Admins")) {
                    Some(format!("The current user '{}' must be a member of the 'Schema Admins' group and the 'Enterprise Admins' group to run /PrepareSchema.", self.identity))
                } else {
                    None
                }
            }
            CmsSetup::PrepareAd => {
                plan.target_version = media.clone();
                if !self.account_in("Enterprise Admins") {
                    Some(format!("The current user '{}' must be a member of the 'Enterprise Admins' group to run /PrepareAD.", self.identity))
                } else if self.exchange.schema_version < schema_for(&media)
                    && !self.account_in("Schema Admins")
                {
                    Some(format!("The Active Directory schema is not up to date for Exchange {} and the current user is not a member of 'Schema Admins'. Run setup.com /PrepareSchema first.", media))
                } else {
                    None
                }
            }
            CmsSetup::NewCms { name, ip, .. } => {
                plan.target_version = binaries.clone();
                self.new_cms_failure(s, name, ip, &binaries)
            }
            CmsSetup::RemoveCms { name } => match self.cms(name) {
                None => Some(format!("The clustered mailbox server '{}' was not found.", name)),
                Some(c) => {
                    let owner = self.cms_owner(c);
                    let state = self.cms_group_state(c);
                    if !owner.as_deref().is_some_and(|o| eq(o, &s.name)) {
                        Some(format!("'{}' does not own the clustered mailbox server '{}'. Run setup.com /RemoveCms on the node that owns it ({}).", s.name, c.name, owner.unwrap_or_default()))
                    } else if state != Some(GroupState::Offline) {
                        Some(format!("The clustered mailbox server '{}' must be stopped before it can be removed. Run Stop-ClusteredMailboxServer first.", c.name))
                    } else {
                        None
                    }
                }
            },
            CmsSetup::ClearLocalCms { name } => match self.cms(name) {
                Some(c) if self.cms_group_exists(c) => Some(format!("The clustered mailbox server '{}' still exists in cluster '{}'. /ClearLocalCms only clears the local configuration of a clustered mailbox server that was removed or lost; use /RemoveCms to remove it.", c.name, c.cluster)),
                _ => None,
            },
            CmsSetup::Install { roles } => {
                plan.target_version = media.clone();
                self.install_failure(s, roles, &media, &mut plan.warnings)
            }
            CmsSetup::RecoverCms { name, ip } => match self.cms(name) {
                None => Some(format!("The clustered mailbox server '{}' was not found in Active Directory; there is nothing to recover.", name)),
                Some(c) if self.cms_group_exists(c) => Some(format!("The clustered mailbox server '{}' exists in cluster '{}'; there is nothing to recover.", c.name, c.cluster)),
                Some(_) if ip.is_empty() => Some("/RecoverCms requires /CmsIPAddress:.".into()),
                Some(c) if s.cluster.as_deref().is_none_or(|k| !eq(k, &c.cluster)) => Some(format!("'{}' is not a node of cluster '{}', where clustered mailbox server '{}' lives.", s.name, c.cluster, c.name)),
                Some(c) if !eq(&binaries, &c.version) => Some(format!("This node runs Exchange {} and clustered mailbox server '{}' is at {}: recover it on a node with the same build.", binaries, c.name, c.version)),
                Some(_) => None,
            },
        };
        plan.checks.push((stage.into(), failure));
        plan
    }

    fn install_failure(
        &self,
        s: &Server,
        roles: &[String],
        media: &str,
        warnings: &mut Vec<String>,
    ) -> Option<String> {
        if let Some(v) = &s.exchange_version {
            return Some(format!("Exchange Server {} is already installed on this computer. Use setup.com /mode:upgrade to apply a service pack.", v));
        }
        if media.is_empty() {
            return Some("No Exchange Server 2007 media is available in the lab.".into());
        }
        let x64 = s.os.contains("x64") || s.os.contains("2008");
        let sp2 = !s.os.contains("2003") || s.service_pack.contains('2');
        if !x64 || !sp2 {
            return Some(format!("Exchange Server 2007 requires a 64-bit edition of Windows Server 2003 SP2 or Windows Server 2008; '{}' runs {} {}.", s.name, s.os, s.service_pack));
        }
        if s.pending_reboot {
            return Some("A restart from a previous installation is pending. Please restart the system and rerun setup.".into());
        }
        if roles.iter().any(|r| r == "EdgeTransport") && roles.len() > 1 {
            return Some(
                "The Edge Transport server role cannot be installed with any other server role."
                    .into(),
            );
        }
        if s.cluster.is_some()
            && roles
                .iter()
                .any(|r| r != "Mailbox" && r != "ManagementTools")
        {
            return Some("Only the Mailbox server role can be installed on a cluster node (the passive clustered mailbox role; create the clustered mailbox server with /NewCms).".into());
        }
        if !s.dotnet.contains("SP1") {
            warnings.push("Microsoft .NET Framework 2.0 Service Pack 1 is not installed. It is recommended for Exchange Server 2007 SP1 (install NetFx20SP1_x64.exe and restart).".into());
        }
        None
    }

    fn cms_group_exists(&self, c: &Cms) -> bool {
        self.cluster(&c.cluster)
            .is_some_and(|k| k.group(&c.name).is_some())
    }

    fn cms_owner(&self, c: &Cms) -> Option<String> {
        self.cluster(&c.cluster)
            .and_then(|k| k.group(&c.name))
            .map(|g| g.owner.clone())
    }

    fn cms_group_state(&self, c: &Cms) -> Option<GroupState> {
        self.cluster(&c.cluster)
            .filter(|k| k.group(&c.name).is_some())
            .map(|k| k.group_state(&c.name))
    }

    fn new_cms_failure(&self, s: &Server, name: &str, ip: &str, binaries: &str) -> Option<String> {
        if name.trim().is_empty() {
            return Some("/NewCms requires /CmsName:.".into());
        }
        if ip.trim().is_empty() {
            return Some("/NewCms requires /CmsIPAddress:.".into());
        }
        if ip.parse::<std::net::Ipv4Addr>().is_err() {
            return Some(format!("'{}' is not a valid IP address.", ip));
        }
        let Some(cluster) = s.cluster.clone() else {
            return Some(format!("'{}' is not a node of a cluster: a clustered mailbox server is installed on a cluster node.", s.name));
        };
        if !s.roles.iter().any(|r| eq(r, "Mailbox")) || !binaries.starts_with("8.") {
            return Some(format!("The passive clustered Mailbox role of Exchange Server 2007 is not installed on '{}'.", s.name));
        }
        let Some(c) = self.cluster(&cluster) else {
            return Some(format!("The cluster '{}' is not in the lab.", cluster));
        };
        if self.server(name).is_some()
            || self.cms(name).is_some()
            || self.evs(name).is_some()
            || c.group(name).is_some()
        {
            return Some(format!(
                "The name '{}' is already in use in the organization or the cluster.",
                name
            ));
        }
        let in_use = c
            .resources
            .iter()
            .any(|r| r.private.iter().any(|(k, v)| eq(k, "Address") && v == ip));
        if in_use {
            return Some(format!(
                "The IP address {} is already in use in cluster '{}'.",
                ip, c.name
            ));
        }
        let ccr = c.nodes.len() == 2
            && !matches!(
                c.quorum.kind,
                QuorumKind::Disk | QuorumKind::DiskOnly | QuorumKind::NodeAndDiskMajority
            );
        if ccr {
            if let Some(o) = self
                .exchange
                .clustered_mailbox_servers
                .iter()
                .find(|x| eq(&x.cluster, &c.name))
            {
                return Some(format!("Cluster continuous replication supports one clustered mailbox server per cluster; '{}' already runs '{}'.", c.name, o.name));
            }
        }
        if let Some(o) = self.exchange.clustered_mailbox_servers.iter().find(|x| {
            eq(&x.cluster, &c.name) && c.group(&x.name).is_some_and(|g| eq(&g.owner, &s.name))
        }) {
            return Some(format!("'{}' already runs clustered mailbox server '{}'. Install a new clustered mailbox server on a passive node.", s.name, o.name));
        }
        None
    }

    /// Runs a switch: the checks again, then the work in simulated time.
    pub(crate) fn run_cms_setup(
        &mut self,
        server: &str,
        action: &CmsSetup,
    ) -> Result<(), ModelError> {
        let plan = self.cms_setup_plan(server, action);
        if let Some((_, Some(why))) = plan.checks.iter().find(|(_, f)| f.is_some()) {
            return Err(ModelError::other(why.clone(), ErrorKind::InvalidOperation));
        }
        if !matches!(action, CmsSetup::PrepareSchema | CmsSetup::PrepareAd) {
            self.require_admin_on(server)?;
        }
        let name = self
            .server(server)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let minutes: i64 = match action {
            CmsSetup::Install { .. } => 30,
            CmsSetup::PrepareSchema | CmsSetup::PrepareAd => 10,
            CmsSetup::NewCms { .. } | CmsSetup::RecoverCms { .. } => 10,
            CmsSetup::RemoveCms { .. } => 5,
            CmsSetup::ClearLocalCms { .. } => 2,
        };
        let target = self.clock + minutes * 60 * TICKS_PER_SECOND;
        self.run_until(target);
        let message = match action {
            CmsSetup::PrepareSchema => {
                self.exchange.schema_version = self
                    .exchange
                    .schema_version
                    .max(schema_for(&plan.target_version));
                format!(
                    "The Active Directory schema was extended for Exchange {} (rangeUpper {}).",
                    plan.target_version, self.exchange.schema_version
                )
            }
            CmsSetup::PrepareAd => {
                self.exchange.schema_version = self
                    .exchange
                    .schema_version
                    .max(schema_for(&plan.target_version));
                self.exchange.prepared_version = plan.target_version.clone();
                format!(
                    "The organization '{}' was prepared for Exchange {}.",
                    self.exchange.organization, plan.target_version
                )
            }
            CmsSetup::NewCms {
                name: cms,
                ip,
                data_path,
            } => {
                self.build_cms(&name, cms, ip, data_path, None)?;
                format!(
                    "The clustered mailbox server '{}' was installed on '{}' ({}).",
                    cms, name, ip
                )
            }
            CmsSetup::RecoverCms { name: cms, ip } => {
                let existing = self.cms(cms).cloned();
                self.build_cms(&name, cms, ip, "", existing)?;
                format!(
                    "The clustered mailbox server '{}' was recovered on '{}'.",
                    cms, name
                )
            }
            CmsSetup::RemoveCms { name: cms } => {
                let Some(c) = self.cms(cms).cloned() else {
                    return Ok(());
                };
                let ci = self.cluster_idx(&c.cluster)?;
                let cl = &mut self.clusters[ci];
                cl.resources.retain(|r| !eq(&r.group, &c.name));
                cl.groups.retain(|g| !eq(&g.name, &c.name));
                cl.members.invalidate();
                self.exchange
                    .clustered_mailbox_servers
                    .retain(|x| !eq(&x.name, &c.name));
                format!("The clustered mailbox server '{}' was removed.", c.name)
            }
            CmsSetup::Install { roles } => {
                if let Some(sv) = self.server_mut(&name) {
                    sv.exchange_version = Some(plan.target_version.clone());
                    for r in roles {
                        if r != "ManagementTools"
                            && !sv.roles.iter().any(|x| x.eq_ignore_ascii_case(r))
                        {
                            sv.roles.push(r.clone());
                        }
                    }
                    sv.pending_reboot = true;
                }
                format!(
                    "Exchange Server {} was installed on '{}' with the roles {}.",
                    plan.target_version,
                    name,
                    roles.join(", ")
                )
            }
            CmsSetup::ClearLocalCms { name: cms } => {
                format!(
                    "The local configuration of clustered mailbox server '{}' was cleared on '{}'.",
                    cms, name
                )
            }
        };
        let at = self.clock;
        self.event_in(
            "Application",
            at,
            &name,
            "MSExchangeSetup",
            1000,
            EntryType::Information,
            message,
            true,
        );
        Ok(())
    }

    /// The CMS group and its resources on `node`, online (`/NewCms`, `/RecoverCms`).
    fn build_cms(
        &mut self,
        node: &str,
        cms: &str,
        ip: &str,
        data_path: &str,
        existing: Option<Cms>,
    ) -> Result<(), ModelError> {
        let ci = self.cluster_idx_of_node(node)?;
        let cname = self.clusters[ci].name.clone();
        let owners: Vec<String> = self.clusters[ci]
            .nodes
            .iter()
            .map(|n| n.name.clone())
            .collect();
        let version = self
            .server(node)
            .and_then(|s| s.exchange_version.clone())
            .unwrap_or_default();
        let ccr = owners.len() == 2
            && !matches!(
                self.clusters[ci].quorum.kind,
                QuorumKind::Disk | QuorumKind::DiskOnly | QuorumKind::NodeAndDiskMajority
            );
        let record = existing.unwrap_or_else(|| Cms {
            name: cms.to_string(),
            cluster: cname.clone(),
            kind: if ccr { "CCR".into() } else { "SCC".into() },
            version: version.clone(),
            redundant_machines: owners.clone(),
            auto_database_mount_dial: "BestAvailability".into(),
            stopped: false,
            storage_groups: vec![StorageGroup {
                name: "First Storage Group".into(),
                databases: vec!["Mailbox Database".into()],
                mailboxes: 0,
                dismounted: Vec::new(),
                last_generated: 1,
                last_copied: 1,
                last_replayed: 1,
                suspended: false,
                awaiting_restore: false,
                needs_reseed: false,
                suspend_comment: String::new(),
            }],
        });
        let tag = format!("({})", record.name);
        let ip_name = format!("{} IP Address", record.name);
        let nn = format!("{} Network Name", record.name);
        let sa = format!("Exchange System Attendant Instance {}", tag);
        let is = format!("Exchange Information Store Instance {}", tag);
        let mut rs = vec![
            resource(ip_name.clone(), "IP Address", &record.name, &owners, vec![]),
            resource(
                nn.clone(),
                "Network Name",
                &record.name,
                &owners,
                vec![ip_name],
            ),
            resource(
                sa.clone(),
                "Microsoft Exchange System Attendant",
                &record.name,
                &owners,
                vec![nn],
            ),
            resource(
                is.clone(),
                "Microsoft Exchange Information Store",
                &record.name,
                &owners,
                vec![sa],
            ),
        ];
        rs[0].private.insert("Address".into(), ip.to_string());
        rs[0]
            .private
            .insert("SubnetMask".into(), "255.255.255.0".into());
        rs[0].private.insert("Network".into(), "Public".into());
        rs[1].private.insert("Name".into(), record.name.clone());
        if !data_path.is_empty() {
            rs[3]
                .private
                .insert("DataPath".into(), data_path.to_string());
        }
        for sg in &record.storage_groups {
            for db in &sg.databases {
                rs.push(resource(
                    format!("{}/{} {}", sg.name, db, tag),
                    "Microsoft Exchange Database Instance",
                    &record.name,
                    &owners,
                    vec![is.clone()],
                ));
            }
        }
        let c = &mut self.clusters[ci];
        if c.groups.iter().any(|g| eq(&g.name, &record.name)) {
            return Err(ModelError::win32(5010));
        }
        c.groups.push(Group {
            name: record.name.clone(),
            owner: node.to_string(),
            preferred_owners: Vec::new(),
            failover_threshold: 10,
            failover_period: 6,
            auto_failback_type: 0,
            failback_window_start: -1,
            failback_window_end: -1,
            persistent_state: true,
            failovers: Vec::new(),
            description: String::new(),
        });
        c.resources.extend(rs);
        c.members.invalidate();
        let gname = record.name.clone();
        if !self
            .exchange
            .clustered_mailbox_servers
            .iter()
            .any(|x| eq(&x.name, &gname))
        {
            self.exchange.clustered_mailbox_servers.push(record);
        }
        let set = self.clusters[ci].resources_in(&gname);
        let t = self.online_set(ci, &gname, &set, self.clock, true);
        self.clock = self.clock.max(t);
        Ok(())
    }
}
