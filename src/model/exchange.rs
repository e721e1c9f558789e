//! Exchange in the lab (DOMAIN.md §3, §4): the organization, Exchange 2000/2003 virtual
//! servers and Exchange 2007 clustered mailbox servers with their storage groups; and the
//! clustered-mailbox-server operations (X1 move, X3 stop and start) through the one door.

use serde::{Deserialize, Serialize};

use crate::model::error::{ErrorKind, ModelError};
use crate::model::types::*;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    #[serde(default)]
    pub organization: String,
    #[serde(default)]
    pub administrative_groups: Vec<String>,
    #[serde(default)]
    pub routing_groups: Vec<String>,
    #[serde(default)]
    pub clustered_mailbox_servers: Vec<Cms>,
    #[serde(default)]
    pub virtual_servers: Vec<Evs>,
    #[serde(default)]
    pub transport: TransportConfig,
    /// The schema's Exchange rangeUpper (`setup.com /PrepareSchema`): 10637 Exchange 2007
    /// RTM, 11116 SP1, 14622 SP2; 0 when the lab does not say.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub schema_version: u32,
    /// The Exchange build the organization was prepared for (`setup.com /PrepareAD`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prepared_version: String,
    /// Online backups of Exchange 2000/2003 storage groups (`ntbackup backup`, E10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub backups: Vec<Backup>,
}

/// One backup set: which storage groups of which server, at which build (E10).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// The .bkf file (`\\DC1\Backup\evs1.bkf`), as typed.
    pub file: String,
    pub server: String,
    pub storage_groups: Vec<String>,
    /// The Exchange build that ran the databases when they were backed up.
    pub build: String,
    pub time: Ticks,
    /// `normal`, `copy`, `incremental`, `differential` or `daily`.
    pub kind: String,
    #[serde(default)]
    pub job: String,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Organization-wide transport settings (Get-/Set-TransportConfig): the transport
/// dumpster that redelivers recent mail after a lossy CCR failover (X5).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransportConfig {
    /// MaxDumpsterSizePerStorageGroup, in MB (default 18; 0 disables the dumpster).
    #[serde(default = "dumpster_mb")]
    pub max_dumpster_size_mb: u64,
    /// MaxDumpsterTime, in seconds (default 7 days; 0 disables the dumpster).
    #[serde(default = "dumpster_secs")]
    pub max_dumpster_time: i64,
}

fn dumpster_mb() -> u64 {
    18
}
fn dumpster_secs() -> i64 {
    7 * 86_400
}

impl Default for TransportConfig {
    fn default() -> Self {
        TransportConfig {
            max_dumpster_size_mb: dumpster_mb(),
            max_dumpster_time: dumpster_secs(),
        }
    }
}

impl TransportConfig {
    pub fn dumpster_enabled(&self) -> bool {
        self.max_dumpster_size_mb > 0 && self.max_dumpster_time > 0
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageGroup {
    pub name: String,
    pub databases: Vec<String>,
    #[serde(default)]
    pub mailboxes: u32,
    /// Databases an administrator dismounted (they stay dismounted across failovers).
    #[serde(default)]
    pub dismounted: Vec<String>,
    /// CCR log shipping: the last log generated on the active node, copied to and
    /// replayed on the passive copy (DOMAIN.md §1, storage group copy).
    #[serde(default = "first_log")]
    pub last_generated: u64,
    #[serde(default = "first_log")]
    pub last_copied: u64,
    #[serde(default = "first_log")]
    pub last_replayed: u64,
    /// Suspend-StorageGroupCopy (X6).
    #[serde(default)]
    pub suspended: bool,
    /// After a lossy failover beyond the mount dial: the databases stay dismounted until
    /// Restore-StorageGroupCopy (X5).
    #[serde(default)]
    pub awaiting_restore: bool,
    /// The old active node came back with logs the new one never got: its copy needs a
    /// reseed (Update-StorageGroupCopy) (X5).
    #[serde(default)]
    pub needs_reseed: bool,
    #[serde(default)]
    pub suspend_comment: String,
}

fn first_log() -> u64 {
    1
}

impl StorageGroup {
    pub fn copy_queue(&self) -> u64 {
        self.last_generated.saturating_sub(self.last_copied)
    }
    pub fn replay_queue(&self) -> u64 {
        self.last_copied.saturating_sub(self.last_replayed)
    }
}

/// An Exchange 2007 clustered mailbox server: the cluster group of the same name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cms {
    pub name: String,
    pub cluster: String,
    /// `CCR` or `SCC`.
    pub kind: String,
    /// The build of its metadata (`8.0.685.25`).
    pub version: String,
    pub redundant_machines: Vec<String>,
    #[serde(default = "best")]
    pub auto_database_mount_dial: String,
    /// Stopped with Stop-ClusteredMailboxServer: stays offline until started (X3).
    #[serde(default)]
    pub stopped: bool,
    #[serde(default)]
    pub storage_groups: Vec<StorageGroup>,
}

fn best() -> String {
    "BestAvailability".into()
}

/// An Exchange 2000/2003 virtual server: the cluster group of the same name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evs {
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub admin_group: String,
    #[serde(default)]
    pub routing_group: String,
    #[serde(default)]
    pub storage_groups: Vec<StorageGroup>,
    /// The cluster group holding it, when not named like the EVS (one built from
    /// `Disk Group 3`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group: String,
    /// Upgraded with Update-ExchangeVirtualServer and its System Attendant not yet back
    /// online: another EVS upgrade must wait (KB 822582).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub upgrading: bool,
}

/// What Suspend-/Resume-StorageGroupCopy and the -Lag fault do to a copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CopyAction {
    Suspend(String),
    Resume,
    /// The passive copy falls N logs behind.
    Lag(u64),
    /// Restore-StorageGroupCopy: accept the lost logs after a lossy failover.
    Restore,
    /// Update-StorageGroupCopy: reseed (the copy must be suspended).
    Reseed {
        manual_resume: bool,
    },
}

/// The most logs a database may lose and still mount after an unplanned failover (X5).
pub fn dial_threshold(dial: &str) -> u64 {
    match dial.to_ascii_lowercase().as_str() {
        "lossless" => 0,
        "goodavailability" => 3,
        _ => 6,
    }
}

/// The state of a CMS, derived from its group (X4).
pub fn cms_state(g: GroupState) -> &'static str {
    match g {
        GroupState::Online => "Online",
        GroupState::PartialOnline => "PartiallyOnline",
        GroupState::Pending => "OnlinePending",
        GroupState::Offline => "Offline",
        GroupState::Failed => "Failed",
    }
}

/// `8.1.240.6` -> `Version 8.1 (Build 240.6)` (DOMAIN.md §9).
pub fn admin_display_version(build: &str) -> String {
    let parts: Vec<&str> = build.split('.').collect();
    match parts.as_slice() {
        [a, b, rest @ ..] if !rest.is_empty() => {
            format!("Version {}.{} (Build {})", a, b, rest.join("."))
        }
        _ => format!("Version {}", build),
    }
}

fn insufficient() -> ModelError {
    ModelError::other(
        "Insufficient access rights to perform the operation.",
        ErrorKind::AccessDenied,
    )
}

/// A copy's SummaryCopyStatus (X6).
pub fn copy_status(w: &World, cms: &Cms, sg: &StorageGroup) -> &'static str {
    if sg.suspended {
        return "Suspended";
    }
    if sg.needs_reseed {
        return "Failed";
    }
    // The passive copy lives on the redundant machine that does not own the CMS.
    let owner = w
        .clusters
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(&cms.cluster))
        .and_then(|c| c.group(&cms.name))
        .map(|g| g.owner.clone())
        .unwrap_or_default();
    let passive = cms
        .redundant_machines
        .iter()
        .find(|m| !m.eq_ignore_ascii_case(&owner));
    match passive.and_then(|p| w.server(p)) {
        Some(s) if s.power == Power::On => {
            let repl = s
                .services
                .iter()
                .find(|x| x.name.eq_ignore_ascii_case("MSExchangeRepl"));
            if repl.is_some_and(|r| r.status == ServiceStatus::Stopped) {
                "ServiceDown"
            } else {
                "Healthy"
            }
        }
        _ => "Failed",
    }
}

impl World {
    /// Log shipping as time passes: healthy copies catch up; suspended ones fall behind
    /// by one log a minute per storage group (a night-time load).
    pub(crate) fn ship_logs(&mut self, seconds: i64) {
        let minutes = u64::try_from(seconds / 60).unwrap_or(0);
        let statuses: Vec<Vec<&'static str>> = self
            .exchange
            .clustered_mailbox_servers
            .iter()
            .map(|c| {
                c.storage_groups
                    .iter()
                    .map(|sg| copy_status(self, c, sg))
                    .collect()
            })
            .collect();
        for (c, st) in self
            .exchange
            .clustered_mailbox_servers
            .iter_mut()
            .zip(statuses)
        {
            if !c.kind.eq_ignore_ascii_case("CCR") || c.stopped {
                continue;
            }
            for (sg, status) in c.storage_groups.iter_mut().zip(st) {
                sg.last_generated += minutes;
                if status == "Healthy" && seconds > 0 {
                    sg.last_copied = sg.last_generated;
                    sg.last_replayed = sg.last_copied;
                }
            }
        }
    }

    /// X6: Suspend- / Resume-StorageGroupCopy, and the lab's -Lag fault.
    pub(crate) fn copy_control(
        &mut self,
        identity: &str,
        action: CopyAction,
    ) -> Result<(), ModelError> {
        let (server, sgname) = identity.split_once('\\').ok_or_else(|| {
            ModelError::other(
                format!(
                    "'{}' is not a storage group identity (SERVER\\Storage Group).",
                    identity
                ),
                ErrorKind::InvalidArgument,
            )
        })?;
        let cms = self.find_cms(server)?;
        if !matches!(action, CopyAction::Lag(_)) {
            self.require_exchange_admin(&cms)?;
        }
        if !cms.kind.eq_ignore_ascii_case("CCR") {
            return Err(ModelError::other(
                format!(
                    "Storage group '{}' has no copy: '{}' is not a CCR clustered mailbox server.",
                    identity, cms.name
                ),
                ErrorKind::InvalidOperation,
            ));
        }
        let Some(c) = self
            .exchange
            .clustered_mailbox_servers
            .iter_mut()
            .find(|c| c.name.eq_ignore_ascii_case(server))
        else {
            return Err(ModelError::other(
                format!("The clustered mailbox server '{}' was not found.", server),
                ErrorKind::NotFound,
            ));
        };
        let Some(sg) = c
            .storage_groups
            .iter_mut()
            .find(|s| s.name.eq_ignore_ascii_case(sgname))
        else {
            return Err(ModelError::other(format!("The operation could not be performed because object '{}' could not be found on domain controller.", identity), ErrorKind::NotFound));
        };
        match action {
            CopyAction::Restore => {
                if !sg.awaiting_restore {
                    return Err(ModelError::other(format!("Storage group '{}' does not need to be restored: its databases were not left dismounted by a failover.", identity), ErrorKind::InvalidOperation));
                }
                sg.awaiting_restore = false;
            }
            CopyAction::Reseed { manual_resume } => {
                if !sg.suspended {
                    return Err(ModelError::other(format!("The storage group copy '{}' must be suspended before it can be seeded. Run Suspend-StorageGroupCopy first.", identity), ErrorKind::InvalidOperation));
                }
                sg.needs_reseed = false;
                sg.last_copied = sg.last_generated;
                sg.last_replayed = sg.last_generated;
                if !manual_resume {
                    sg.suspended = false;
                    sg.suspend_comment.clear();
                }
            }
            CopyAction::Suspend(comment) => {
                sg.suspended = true;
                sg.suspend_comment = comment;
            }
            CopyAction::Resume => {
                sg.suspended = false;
                sg.suspend_comment.clear();
            }
            CopyAction::Lag(n) => {
                sg.last_generated += n;
            }
        }
        Ok(())
    }

    /// X5: after an unplanned failover of a CCR CMS from `from`, each storage group lost
    /// its copy queue: within the mount dial its database mounts (lossy), beyond it the
    /// database stays dismounted until Restore-StorageGroupCopy. The old node's copy has
    /// diverged when logs were lost, and needs a reseed.
    pub(crate) fn after_unplanned_cms_failover(&mut self, ci: usize, group: &str, from: &str) {
        let Some(cms) = self.cms(group).cloned() else {
            return;
        };
        if !cms.kind.eq_ignore_ascii_case("CCR") {
            return;
        }
        let Some(owner) = self.clusters[ci].group(group).map(|g| g.owner.clone()) else {
            return;
        };
        if owner.eq_ignore_ascii_case(from) {
            return;
        }
        let limit = dial_threshold(&cms.auto_database_mount_dial);
        let dumpster_note = if self.exchange.transport.dumpster_enabled() {
            format!("The transport dumpster on the Hub Transport servers was asked to redeliver the recent mail of clustered mailbox server '{}'.", cms.name)
        } else {
            format!("The transport dumpster is disabled: mail delivered to clustered mailbox server '{}' in the lost log files cannot be redelivered.", cms.name)
        };
        let now = self.clock;
        let mut keep_offline: Vec<String> = Vec::new();
        let mut events: Vec<(String, EntryType)> = Vec::new();
        if let Some(c) = self
            .exchange
            .clustered_mailbox_servers
            .iter_mut()
            .find(|c| c.name.eq_ignore_ascii_case(group))
        {
            for sg in &mut c.storage_groups {
                let lost = sg.copy_queue();
                if lost > 0 {
                    events.push((format!("Storage group '{}\\{}' lost {} log files in the failover from '{}' to '{}'.", c.name, sg.name, lost, from, owner), EntryType::Warning));
                    sg.needs_reseed = true;
                    events.push((dumpster_note.clone(), EntryType::Information));
                }
                if lost > limit {
                    sg.awaiting_restore = true;
                    for db in &sg.databases {
                        keep_offline.push(format!("{}/{} ({})", sg.name, db, c.name));
                    }
                    events.push((format!("The databases of storage group '{}' were not mounted: {} lost log files exceed the AutoDatabaseMountDial {} ({}). Run Restore-StorageGroupCopy, then Mount-Database.", sg.name, lost, c.auto_database_mount_dial, limit), EntryType::Error));
                }
                // The new active node continues from what it had copied.
                sg.last_generated = sg.last_copied;
                sg.last_replayed = sg.last_copied;
            }
        }
        for r in &keep_offline {
            if let Some(x) = self.clusters[ci]
                .resources
                .iter_mut()
                .find(|x| x.name.eq_ignore_ascii_case(r))
            {
                x.state = ResourceState::Offline;
            }
        }
        // The databases left dismounted never came back: their outage goes on.
        self.track_service(ci, group, now, false);
        for (m, ty) in events {
            self.event_in(
                "Application",
                now,
                &owner,
                "MSExchangeRepl",
                2091,
                ty,
                m,
                false,
            );
        }
    }

    /// Mount-Database / Dismount-Database: `SERVER\SG\DB` (or a name).
    pub(crate) fn mount_database(&mut self, identity: &str, mount: bool) -> Result<(), ModelError> {
        let parts: Vec<&str> = identity.split('\\').collect();
        let found = self
            .exchange
            .clustered_mailbox_servers
            .iter()
            .find_map(|c| {
                c.storage_groups.iter().find_map(|sg| {
                    sg.databases
                        .iter()
                        .find(|db| match parts.as_slice() {
                            [s, g, d] => {
                                c.name.eq_ignore_ascii_case(s)
                                    && sg.name.eq_ignore_ascii_case(g)
                                    && db.eq_ignore_ascii_case(d)
                            }
                            [d] => db.eq_ignore_ascii_case(d),
                            _ => false,
                        })
                        .map(|db| (c.clone(), sg.clone(), db.clone()))
                })
            });
        let Some((cms, sg, db)) = found else {
            return Err(ModelError::other(format!("The operation could not be performed because object '{}' could not be found on domain controller.", identity), ErrorKind::NotFound));
        };
        self.require_exchange_admin(&cms)?;
        if mount && sg.awaiting_restore {
            return Err(ModelError::other(format!("Couldn't mount the database '{}\\{}\\{}': the storage group lost log files in a failover and has not been restored. Run Restore-StorageGroupCopy first.", cms.name, sg.name, db), ErrorKind::InvalidOperation));
        }
        let (ci, _, _) = self.cms_group(&cms)?;
        let resource = format!("{}/{} ({})", sg.name, db, cms.name);
        let cname = self.clusters[ci].name.clone();
        if self.clusters[ci].resource(&resource).is_some() {
            let op = if mount {
                crate::model::apply::Op::OnlineResource {
                    cluster: cname,
                    resource,
                }
            } else {
                crate::model::apply::Op::OfflineResource {
                    cluster: cname,
                    resource,
                }
            };
            self.cluster_op(&op)?;
        }
        if let Some(g) = self
            .exchange
            .clustered_mailbox_servers
            .iter_mut()
            .find(|c| c.name.eq_ignore_ascii_case(&cms.name))
            .and_then(|c| {
                c.storage_groups
                    .iter_mut()
                    .find(|s| s.name.eq_ignore_ascii_case(&sg.name))
            })
        {
            g.dismounted.retain(|d| !d.eq_ignore_ascii_case(&db));
            if !mount {
                g.dismounted.push(db.clone());
            }
        }
        Ok(())
    }

    /// Downtime accounting: after resources of `group` changed at `at`, opens or closes
    /// the outages of its Exchange service (Network Name and Information Store both
    /// online) and of each database resource.
    pub(crate) fn track_service(&mut self, ci: usize, group: &str, at: Ticks, planned: bool) {
        let is_service = self
            .exchange
            .clustered_mailbox_servers
            .iter()
            .any(|c| c.name.eq_ignore_ascii_case(group))
            || self.evs_for_group(group).is_some();
        if !is_service {
            return;
        }
        let c = &self.clusters[ci];
        let members: Vec<&Resource> = c
            .resources_in(group)
            .into_iter()
            .map(|i| &c.resources[i])
            .collect();
        let kind_online = |k: &str| {
            members
                .iter()
                .filter(|r| r.kind.to_ascii_lowercase().contains(k))
                .all(|r| r.state == ResourceState::Online)
        };
        let serving = kind_online("network name") && kind_online("information store");
        let mut checks: Vec<(String, bool)> = vec![(String::new(), serving)];
        for r in members
            .iter()
            .filter(|r| r.kind.to_ascii_lowercase().contains("database instance"))
        {
            // `First Storage Group/Mailbox Database (E2K7CCR)` -> `First Storage Group\Mailbox Database`.
            let db = r
                .name
                .rsplit_once(" (")
                .map(|(n, _)| n)
                .unwrap_or(&r.name)
                .replace('/', "\\");
            checks.push((db, serving && r.state == ResourceState::Online));
        }
        // An EVS's databases live inside its Information Store: down with it.
        if let Some(e) = self.evs_for_group(group) {
            for sg in &e.storage_groups {
                for db in &sg.databases {
                    let up = serving && !sg.dismounted.iter().any(|d| d.eq_ignore_ascii_case(db));
                    checks.push((format!("{}\\{}", sg.name, db), up));
                }
            }
        }
        let service = match self.evs_for_group(group) {
            Some(e) => e.name.clone(),
            None => c
                .group(group)
                .map(|g| g.name.clone())
                .unwrap_or_else(|| group.to_string()),
        };
        for (database, up) in checks {
            let open = self
                .outages
                .iter_mut()
                .find(|o| o.end.is_none() && o.service == service && o.database == database);
            match (open, up) {
                (Some(o), true) => o.end = Some(at.max(o.start)),
                (None, false) => {
                    // Down again at the very moment it came back: the same outage goes on.
                    let same = self.outages.iter_mut().rev().find(|o| {
                        o.service == service
                            && o.database == database
                            && o.end == Some(at)
                            && o.planned == planned
                    });
                    match same {
                        Some(o) => o.end = None,
                        None => self.outages.push(Outage {
                            service: service.clone(),
                            database,
                            planned,
                            start: at,
                            end: None,
                        }),
                    }
                }
                _ => {}
            }
        }
    }

    pub fn cms(&self, name: &str) -> Option<&Cms> {
        self.exchange
            .clustered_mailbox_servers
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }

    /// The CMS's cluster index and group state.
    fn cms_group(&self, cms: &Cms) -> Result<(usize, GroupState, String), ModelError> {
        let ci = self
            .clusters
            .iter()
            .position(|c| c.name.eq_ignore_ascii_case(&cms.cluster))
            .ok_or_else(|| {
                ModelError::other(
                    format!(
                        "The cluster '{}' of clustered mailbox server '{}' was not found.",
                        cms.cluster, cms.name
                    ),
                    ErrorKind::NotFound,
                )
            })?;
        let c = &self.clusters[ci];
        let g = c.group(&cms.name).ok_or_else(|| {
            ModelError::other(
                format!("The cluster group '{}' was not found.", cms.name),
                ErrorKind::NotFound,
            )
        })?;
        Ok((ci, c.group_state(&g.name), g.owner.clone()))
    }

    /// Exchange 2007 tasks need Exchange Server Administrator on the CMS and local
    /// Administrators on its nodes (DOMAIN.md §6).
    fn require_exchange_admin(&self, cms: &Cms) -> Result<(), ModelError> {
        let acct = self
            .accounts
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(&self.identity));
        let Some(a) = acct else {
            return if self.accounts.is_empty() {
                Ok(())
            } else {
                Err(insufficient())
            };
        };
        let role = format!("Exchange Server Administrator:{}", cms.name);
        let has_role = a.exchange_roles.iter().any(|r| {
            r.eq_ignore_ascii_case(&role)
                || r.eq_ignore_ascii_case("Exchange Organization Administrator")
        });
        let local = cms.redundant_machines.iter().all(|n| {
            a.local_admin_on
                .iter()
                .any(|x| x.eq_ignore_ascii_case(n) || x == "*")
        });
        if has_role && local {
            Ok(())
        } else {
            Err(insufficient())
        }
    }

    fn find_cms(&self, name: &str) -> Result<Cms, ModelError> {
        self.cms(name).cloned().ok_or_else(|| {
            ModelError::other(
                format!("The operation could not be performed because object '{}' could not be found on domain controller.", name),
                ErrorKind::NotFound,
            )
        })
    }

    /// X1: Move-ClusteredMailboxServer (or, with `validate_only`, its checks alone).
    pub(crate) fn move_cms(
        &mut self,
        name: &str,
        target: &str,
        comment: &str,
        validate_only: bool,
        ignore_dismounted: bool,
    ) -> Result<(), ModelError> {
        let cms = self.find_cms(name)?;
        self.require_exchange_admin(&cms)?;
        let (ci, state, owner) = self.cms_group(&cms)?;
        let c = &self.clusters[ci];
        let Some(node) = c.node(target) else {
            return Err(ModelError::other(
                format!(
                    "The target machine '{}' is not a node of cluster '{}'.",
                    target, c.name
                ),
                ErrorKind::InvalidArgument,
            ));
        };
        let target = node.name.clone();
        if !cms
            .redundant_machines
            .iter()
            .any(|m| m.eq_ignore_ascii_case(&target))
        {
            return Err(ModelError::other(format!("The target machine '{}' is not in the list of redundant machines of clustered mailbox server '{}'.", target, cms.name), ErrorKind::InvalidArgument));
        }
        if target.eq_ignore_ascii_case(&owner) {
            return Err(ModelError::other(format!("Clustered mailbox server '{}' is already running on '{}'. A clustered mailbox server can only be moved from the active node to a passive node.", cms.name, target), ErrorKind::InvalidOperation));
        }
        if let Some(other) = self.exchange.clustered_mailbox_servers.iter().find(|o| {
            !o.name.eq_ignore_ascii_case(&cms.name)
                && c.group(&o.name)
                    .is_some_and(|g| g.owner.eq_ignore_ascii_case(&target))
        }) {
            return Err(ModelError::other(
                format!(
                    "The target machine '{}' is already running clustered mailbox server '{}'.",
                    target, other.name
                ),
                ErrorKind::InvalidOperation,
            ));
        }
        match node.state {
            NodeState::Up => {}
            NodeState::Paused => return Err(ModelError::other(format!("The target machine '{}' is not in an acceptable state for a handoff: the cluster node is paused.", target), ErrorKind::InvalidOperation)),
            _ => return Err(ModelError::other(format!("The target machine '{}' is not in an acceptable state for a handoff: the cluster node is down.", target), ErrorKind::Unavailable)),
        }
        // A stopped CMS may be moved (the X8 procedure does); a failed or pending one not.
        let stopped_offline = cms.stopped && state == GroupState::Offline;
        if !matches!(state, GroupState::Online | GroupState::PartialOnline) && !stopped_offline {
            return Err(ModelError::other(
                format!(
                    "Clustered mailbox server '{}' is not running (its state is {}).",
                    cms.name,
                    cms_state(state)
                ),
                ErrorKind::InvalidOperation,
            ));
        }
        // X1: every copy must be healthy; a dismounted storage group is excused with
        // -IgnoreDismounted.
        if cms.kind.eq_ignore_ascii_case("CCR") && !stopped_offline {
            for sg in &cms.storage_groups {
                let status = copy_status(self, &cms, sg);
                let dismounted = !sg.databases.is_empty()
                    && sg
                        .databases
                        .iter()
                        .all(|d| sg.dismounted.iter().any(|x| x.eq_ignore_ascii_case(d)));
                if status != "Healthy" && !(dismounted && ignore_dismounted) {
                    return Err(ModelError::other(
                        format!(
                            "The storage group copy '{}\\{}' is not healthy (its status is {}). The handoff of '{}' is refused: fix replication first{}.",
                            cms.name,
                            sg.name,
                            status,
                            cms.name,
                            if dismounted { ", or use -IgnoreDismounted for a dismounted storage group" } else { "" }
                        ),
                        ErrorKind::InvalidOperation,
                    ));
                }
            }
        }
        if validate_only {
            return Ok(());
        }
        let start = self.clock;
        let op = crate::model::apply::Op::MoveGroup {
            cluster: c.name.clone(),
            group: cms.name.clone(),
            node: Some(target.clone()),
        };
        self.cluster_op(&op)?;
        let secs = (self.clock - start) / TICKS_PER_SECOND;
        let at = self.clock;
        self.event_in("Application", at, &target, "MSExchangeRepl", 100, EntryType::Information,
            format!("The clustered mailbox server '{}' was moved from '{}' to '{}' in {} seconds. Comment: {}", cms.name, owner, target, secs, comment), true);
        Ok(())
    }

    /// X3: Stop-ClusteredMailboxServer. The CMS stays offline until started.
    pub(crate) fn stop_cms(&mut self, name: &str, reason: &str) -> Result<(), ModelError> {
        let cms = self.find_cms(name)?;
        self.require_exchange_admin(&cms)?;
        let (ci, state, owner) = self.cms_group(&cms)?;
        if !matches!(state, GroupState::Online | GroupState::PartialOnline) {
            return Err(ModelError::other(format!("Clustered mailbox server '{}' cannot be stopped because it is not online or partially online (its state is {}).", cms.name, cms_state(state)), ErrorKind::InvalidOperation));
        }
        let op = crate::model::apply::Op::OfflineGroup {
            cluster: self.clusters[ci].name.clone(),
            group: cms.name.clone(),
        };
        self.cluster_op(&op)?;
        if let Some(x) = self
            .exchange
            .clustered_mailbox_servers
            .iter_mut()
            .find(|x| x.name.eq_ignore_ascii_case(name))
        {
            x.stopped = true;
        }
        let at = self.clock;
        self.event_in(
            "Application",
            at,
            &owner,
            "MSExchangeCluster",
            1010,
            EntryType::Information,
            format!(
                "The clustered mailbox server '{}' was stopped. Reason: {}",
                cms.name, reason
            ),
            true,
        );
        Ok(())
    }

    /// X3: Start-ClusteredMailboxServer: an error on a running CMS.
    pub(crate) fn start_cms(&mut self, name: &str) -> Result<(), ModelError> {
        let cms = self.find_cms(name)?;
        self.require_exchange_admin(&cms)?;
        let (ci, state, owner) = self.cms_group(&cms)?;
        if matches!(state, GroupState::Online | GroupState::PartialOnline) {
            return Err(ModelError::other(
                format!(
                    "Clustered mailbox server '{}' is already running on '{}'.",
                    cms.name, owner
                ),
                ErrorKind::InvalidOperation,
            ));
        }
        if let Some(why) = self.cms_version_mismatch(&cms.name, &owner) {
            return Err(ModelError::other(why, ErrorKind::InvalidOperation));
        }
        let op = crate::model::apply::Op::OnlineGroup {
            cluster: self.clusters[ci].name.clone(),
            group: cms.name.clone(),
        };
        self.cluster_op(&op)?;
        if let Some(x) = self
            .exchange
            .clustered_mailbox_servers
            .iter_mut()
            .find(|x| x.name.eq_ignore_ascii_case(name))
        {
            x.stopped = false;
        }
        let at = self.clock;
        self.event_in(
            "Application",
            at,
            &owner,
            "MSExchangeCluster",
            1011,
            EntryType::Information,
            format!("The clustered mailbox server '{}' was started.", cms.name),
            true,
        );
        Ok(())
    }
}

/// What setup.com is asked to do (X8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetupMode {
    /// `/mode:upgrade`: apply the service pack to this node's binaries.
    Upgrade,
    /// `/upgradecms`: upgrade the stopped CMS this node owns to this node's version.
    UpgradeCms,
}

/// Setup's prerequisite checks: each stage with its failure, if any, and warnings.
#[derive(Clone, Debug, Default)]
pub struct SetupPlan {
    pub checks: Vec<(String, Option<String>)>,
    pub warnings: Vec<String>,
    /// The version the node (or CMS) ends at.
    pub target_version: String,
}

impl SetupPlan {
    pub fn ok(&self) -> bool {
        self.checks.iter().all(|(_, f)| f.is_none())
    }
}

/// `8.1.240.6` > `8.0.685.25`.
pub fn version_newer(a: &str, b: &str) -> bool {
    let parse = |v: &str| {
        v.split('.')
            .map(|p| p.parse::<u64>().unwrap_or(0))
            .collect::<Vec<_>>()
    };
    parse(a) > parse(b)
}

impl World {
    /// The newest Exchange 2007 media in the lab.
    pub(crate) fn exchange2007_media(&self) -> Option<String> {
        self.media
            .iter()
            .filter(|m| m.product.eq_ignore_ascii_case("Exchange 2007"))
            .map(|m| m.version.clone())
            .max_by(|a, b| {
                if version_newer(a, b) {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Less
                }
            })
    }

    /// The CMS a node owns, if any.
    fn cms_owned_by(&self, node: &str) -> Option<Cms> {
        self.exchange
            .clustered_mailbox_servers
            .iter()
            .find(|c| {
                self.clusters
                    .iter()
                    .find(|k| k.name.eq_ignore_ascii_case(&c.cluster))
                    .and_then(|k| k.group(&c.name))
                    .is_some_and(|g| g.owner.eq_ignore_ascii_case(node))
            })
            .cloned()
    }

    /// X8: a node whose setup left a restart pending cannot host a clustered mailbox
    /// server until it restarts.
    pub(crate) fn cms_placement(&self, group: &str, node: &str) -> Result<(), ModelError> {
        let Some(cms) = self.cms(group) else {
            return Ok(());
        };
        match self.server(node) {
            Some(s) if s.pending_reboot => Err(ModelError::other(
                format!(
                    "'{}' must be restarted before it can host clustered mailbox server '{}': a restart from a previous installation is pending.",
                    s.name, cms.name
                ),
                ErrorKind::InvalidOperation,
            )),
            _ => Ok(()),
        }
    }

    /// Setup's checks on `server` (nothing changes).
    pub fn setup_plan(&self, server: &str, mode: SetupMode) -> SetupPlan {
        let mut plan = SetupPlan::default();
        let Some(s) = self.server(server) else {
            plan.checks.push((
                "Mailbox Role Checks".into(),
                Some(format!("The computer '{}' is not in the lab.", server)),
            ));
            return plan;
        };
        let installed = s.exchange_version.clone().unwrap_or_default();
        let pending = s.pending_reboot.then(|| "A restart from a previous installation is pending. Please restart the system and rerun setup.".to_string());
        match mode {
            SetupMode::Upgrade => {
                let media = self.exchange2007_media();
                plan.target_version = media.clone().unwrap_or_default();
                let mut role = None;
                if !s.roles.iter().any(|r| r.eq_ignore_ascii_case("Mailbox")) && s.cluster.is_some()
                {
                    role = Some("The Mailbox role is not installed on this computer.".to_string());
                }
                match &media {
                    None => role = role.or(Some("No Exchange Server 2007 service pack media is available in the lab.".into())),
                    Some(v) if !version_newer(v, &installed) => {
                        role = role.or(Some(format!("Exchange Server {} is already installed on this computer; there is nothing to upgrade.", installed)))
                    }
                    _ => {}
                }
                if s.os.contains("2003") && !s.service_pack.contains("2") {
                    role = role.or(Some(
                        "Exchange Server 2007 SP1 requires Windows Server 2003 Service Pack 2."
                            .into(),
                    ));
                }
                role = role.or(pending.clone());
                let firewall = if s.os.contains("2008") {
                    "MpsSvc"
                } else {
                    "SharedAccess"
                };
                if let Some(fw) = s
                    .services
                    .iter()
                    .find(|x| x.name.eq_ignore_ascii_case(firewall))
                {
                    if fw.status != ServiceStatus::Running {
                        role = role.or(Some(format!(
                            "The '{}' service must be started. Setup adds Windows Firewall exceptions: set the service to Manual or Automatic and start it, then rerun setup.",
                            fw.display_name
                        )));
                    }
                }
                plan.checks.push(("Mailbox Role Checks".into(), role));
                let cms = self.cms_owned_by(&s.name).map(|c| {
                    format!(
                        "Setup cannot upgrade the Mailbox role on '{}' because it is the active node of clustered mailbox server '{}'. Move the clustered mailbox server to a passive node first.",
                        s.name, c.name
                    )
                });
                if s.cluster.is_some() {
                    plan.checks
                        .push(("Clustered Mailbox Server Checks".into(), cms));
                }
                // X8 step 1: Client Access, then Hub Transport, before Mailbox servers.
                if let Some(target) = &media {
                    if s.roles.iter().any(|r| r.eq_ignore_ascii_case("Mailbox")) {
                        for o in &self.servers {
                            let front = o.roles.iter().any(|r| {
                                r.eq_ignore_ascii_case("ClientAccess")
                                    || r.eq_ignore_ascii_case("HubTransport")
                            });
                            if let (true, Some(v)) = (front, &o.exchange_version) {
                                if version_newer(target, v) && v.starts_with("8.") {
                                    plan.warnings.push(format!(
                                        "The Client Access and Hub Transport servers should be upgraded before the Mailbox servers: '{}' ({}) still runs Exchange {}.",
                                        o.name,
                                        o.roles.join(", "),
                                        v
                                    ));
                                }
                            }
                        }
                    }
                }
                if !s.dotnet.contains("SP1") {
                    plan.warnings.push("Microsoft .NET Framework 2.0 Service Pack 1 is not installed. It is recommended for Exchange Server 2007 SP1 (install NetFx20SP1_x64.exe and restart).".into());
                }
                let counters: Vec<String> = s
                    .services
                    .iter()
                    .filter(|x| {
                        ["MOM", "SysmonLog", "FSCController", "HealthService"]
                            .iter()
                            .any(|n| x.name.eq_ignore_ascii_case(n))
                    })
                    .filter(|x| x.status == ServiceStatus::Running)
                    .map(|x| x.display_name.clone())
                    .collect();
                if !counters.is_empty() {
                    plan.warnings.push(format!("These services hold Exchange performance counters open and should be stopped before setup: {}.", counters.join(", ")));
                }
            }
            SetupMode::UpgradeCms => {
                plan.target_version = installed.clone();
                let failure = match self.cms_owned_by(&s.name) {
                    None => Some(format!("'{}' does not own a clustered mailbox server. Run setup.com /upgradecms on the node that owns the stopped clustered mailbox server.", s.name)),
                    Some(c) => {
                        let running = self
                            .clusters
                            .iter()
                            .find(|k| k.name.eq_ignore_ascii_case(&c.cluster))
                            .map(|k| matches!(k.group_state(&c.name), GroupState::Online | GroupState::PartialOnline))
                            .unwrap_or(false);
                        if running {
                            Some(format!("The clustered mailbox server '{}' must be stopped before it can be upgraded. Run Stop-ClusteredMailboxServer first.", c.name))
                        } else if !version_newer(&installed, &c.version) {
                            Some(format!(
                                "The Exchange binaries on '{}' ({}) are not newer than clustered mailbox server '{}' ({}). Upgrade this node with setup.com /mode:upgrade first.",
                                s.name, installed, c.name, c.version
                            ))
                        } else {
                            pending
                        }
                    }
                };
                plan.checks
                    .push(("Clustered Mailbox Server Checks".into(), failure));
            }
        }
        plan
    }

    /// Runs setup (the checks again, then the work, in simulated time).
    pub(crate) fn run_setup(&mut self, server: &str, mode: SetupMode) -> Result<(), ModelError> {
        let plan = self.setup_plan(server, mode);
        if let Some((_, Some(why))) = plan.checks.iter().find(|(_, f)| f.is_some()) {
            return Err(ModelError::other(why.clone(), ErrorKind::InvalidOperation));
        }
        self.require_admin_on(server)?;
        let name = self
            .server(server)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        match mode {
            SetupMode::Upgrade => {
                let minutes = 25;
                let target = self.clock + minutes * 60 * TICKS_PER_SECOND;
                self.run_until(target);
                if let Some(s) = self
                    .servers
                    .iter_mut()
                    .find(|s| s.name.eq_ignore_ascii_case(&name))
                {
                    s.exchange_version = Some(plan.target_version.clone());
                    s.pending_reboot = true;
                }
                let at = self.clock;
                self.event_in("Application", at, &name, "MSExchangeSetup", 1000, EntryType::Information,
                    format!("Exchange Server component Mailbox Role was successfully upgraded to version {}.", plan.target_version), true);
            }
            SetupMode::UpgradeCms => {
                let Some(cms) = self.cms_owned_by(&name) else {
                    return Ok(());
                };
                let target = self.clock + 5 * 60 * TICKS_PER_SECOND;
                self.run_until(target);
                if let Some(c) = self
                    .exchange
                    .clustered_mailbox_servers
                    .iter_mut()
                    .find(|c| c.name.eq_ignore_ascii_case(&cms.name))
                {
                    c.version = plan.target_version.clone();
                }
                let at = self.clock;
                self.event_in(
                    "Application",
                    at,
                    &name,
                    "MSExchangeSetup",
                    1000,
                    EntryType::Information,
                    format!(
                        "The clustered mailbox server '{}' was upgraded to version {}.",
                        cms.name, plan.target_version
                    ),
                    true,
                );
                // Decision (DOMAIN.md X8): /upgradecms leaves the CMS online.
                self.start_cms(&cms.name)?;
            }
        }
        Ok(())
    }

    /// X8: a CMS whose version differs from the owning node's binaries does not come
    /// online there.
    pub fn cms_version_mismatch(&self, group: &str, node: &str) -> Option<String> {
        let cms = self.cms(group)?;
        let v = self.server(node)?.exchange_version.clone()?;
        (v != cms.version).then(|| {
            format!(
                "The clustered mailbox server '{}' (version {}) cannot come online on '{}', which runs Exchange {}. Run setup.com /upgradecms on the node that owns it once its binaries are upgraded.",
                cms.name, cms.version, node, v
            )
        })
    }
}

impl World {
    /// Set-MailboxServer -AutoDatabaseMountDial (X5).
    pub(crate) fn set_mount_dial(&mut self, name: &str, dial: &str) -> Result<(), ModelError> {
        let cms = self.find_cms(name)?;
        self.require_exchange_admin(&cms)?;
        let canonical = ["Lossless", "GoodAvailability", "BestAvailability"]
            .into_iter()
            .find(|d| d.eq_ignore_ascii_case(dial))
            .ok_or_else(|| ModelError::other(format!("'{}' is not a valid AutoDatabaseMountDial (Lossless, GoodAvailability, BestAvailability).", dial), ErrorKind::InvalidArgument))?;
        if let Some(c) = self
            .exchange
            .clustered_mailbox_servers
            .iter_mut()
            .find(|c| c.name.eq_ignore_ascii_case(name))
        {
            c.auto_database_mount_dial = canonical.to_string();
        }
        Ok(())
    }
}

impl World {
    /// Set-TransportConfig: the dumpster's size (MB) and time (seconds).
    pub(crate) fn set_transport(
        &mut self,
        size_mb: Option<u64>,
        time: Option<i64>,
    ) -> Result<(), ModelError> {
        let acct = self
            .accounts
            .iter()
            .find(|a| a.name.eq_ignore_ascii_case(&self.identity));
        if acct.is_some_and(|a| {
            a.exchange_roles
                .iter()
                .all(|r| r.to_ascii_lowercase().contains("view"))
        }) {
            return Err(insufficient());
        }
        if let Some(m) = size_mb {
            self.exchange.transport.max_dumpster_size_mb = m;
        }
        if let Some(t) = time {
            if t < 0 {
                return Err(ModelError::other(
                    "MaxDumpsterTime cannot be negative.",
                    ErrorKind::InvalidArgument,
                ));
            }
            self.exchange.transport.max_dumpster_time = t;
        }
        Ok(())
    }
}
