//! The one door through which the world changes: [`World::apply`]. It validates the
//! operation (a refusal leaves the world exactly as it was), advances the simulated clock
//! by the durations of DOMAIN.md §5, mutates, records events, and checks invariants.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use indexmap::IndexMap;

use crate::model::admin::start_name;
use crate::model::error::{ErrorKind, ModelError};
use crate::model::types::*;

/// How a node fails (Invoke-LabFault).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Crash,
    PowerLoss,
    NetworkLoss,
    ClusterServiceStop,
}

/// An operation on the world.
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// Move a group to a node, or (None) to the best other node (C5).
    MoveGroup {
        cluster: String,
        group: String,
        node: Option<String>,
    },
    OnlineGroup {
        cluster: String,
        group: String,
    },
    OfflineGroup {
        cluster: String,
        group: String,
    },
    OnlineResource {
        cluster: String,
        resource: String,
    },
    OfflineResource {
        cluster: String,
        resource: String,
    },
    /// A resource failure (fault injection or `cluster res /fail`).
    FailResource {
        cluster: String,
        resource: String,
        planned: bool,
    },
    PauseNode {
        cluster: String,
        node: String,
    },
    ResumeNode {
        cluster: String,
        node: String,
    },
    SetPreferredOwners {
        cluster: String,
        group: String,
        nodes: Vec<String>,
    },
    SetPossibleOwners {
        cluster: String,
        resource: String,
        nodes: Vec<String>,
    },
    AddDependency {
        cluster: String,
        resource: String,
        provider: String,
    },
    RemoveDependency {
        cluster: String,
        resource: String,
        provider: String,
    },
    AddGroup {
        cluster: String,
        group: String,
    },
    RemoveGroup {
        cluster: String,
        group: String,
    },
    AddResource {
        cluster: String,
        group: String,
        resource: String,
        kind: String,
        private: IndexMap<String, String>,
    },
    RemoveResource {
        cluster: String,
        resource: String,
    },
    MoveResource {
        cluster: String,
        resource: String,
        group: String,
    },
    EvictNode {
        cluster: String,
        node: String,
    },
    NodeFault {
        node: String,
        fault: Fault,
    },
    /// Power a node on / heal it; returns once it has rejoined.
    RestoreNode {
        node: String,
    },
    /// A clean restart (Restart-Computer): groups move off first.
    RestartServer {
        server: String,
        wait: bool,
    },
    WitnessOnline {
        cluster: String,
        online: bool,
    },
    /// Start, stop or restart a Windows service on a server.
    ServiceControl {
        server: String,
        service: String,
        action: ServiceAction,
    },
    /// Change a service's start type.
    SetStartType {
        server: String,
        service: String,
        start_type: StartType,
    },
    /// A clean shutdown (Stop-Computer, `shutdown /s`): groups move first.
    ShutdownServer {
        server: String,
    },
    /// Let simulated time pass (Start-Sleep), running what falls due.
    Sleep {
        ticks: Ticks,
    },
    SetIdentity {
        account: String,
    },
    /// Add-ClusterNode / `cluster node N /add`: a powered server joins the cluster. It is
    /// not a possible owner of the resources that exist already (A4).
    AddNode {
        cluster: String,
        node: String,
    },
    /// Set-ClusterQuorum / `cluster /quorum`: the quorum model and its resource or witness.
    SetQuorum {
        cluster: String,
        kind: QuorumKind,
        resource: Option<String>,
        witness: Option<String>,
    },
    /// A common property of a group (`cluster group G /prop Name=Value`): FailoverThreshold,
    /// FailoverPeriod, AutoFailbackType, FailbackWindowStart, FailbackWindowEnd.
    SetGroupProperty {
        cluster: String,
        group: String,
        name: String,
        value: i64,
    },
    /// A common property of a resource: RestartAction, RestartThreshold, RestartPeriod,
    /// PendingTimeout, LooksAlivePollInterval, IsAlivePollInterval.
    SetResourceProperty {
        cluster: String,
        resource: String,
        name: String,
        value: i64,
    },
    /// A private property of a resource (`cluster res R /priv Name=EVS2`,
    /// Set-ClusterParameter): Address, SubnetMask, Name, Drive, SharePath...
    SetPrivateProperty {
        cluster: String,
        resource: String,
        name: String,
        value: String,
    },
    /// Fault: the resource stops answering; its next online/offline stays pending and is
    /// terminated after PendingTimeout (C10).
    HangResource {
        cluster: String,
        resource: String,
    },
    /// Move-ClusteredMailboxServer (X1); `validate_only` runs the checks alone.
    MoveCms {
        cms: String,
        target: String,
        comment: String,
        validate_only: bool,
        ignore_dismounted: bool,
    },
    /// Stop-ClusteredMailboxServer (X3).
    StopCms {
        cms: String,
        reason: String,
    },
    /// Start-ClusteredMailboxServer (X3).
    StartCms {
        cms: String,
    },
    /// Mount-Database / Dismount-Database.
    MountDatabase {
        database: String,
        mount: bool,
    },
    /// Set-TransportConfig (the dumpster).
    SetTransportConfig {
        max_dumpster_size_mb: Option<u64>,
        max_dumpster_time: Option<i64>,
    },
    /// Set-MailboxServer -AutoDatabaseMountDial.
    SetMountDial {
        cms: String,
        dial: String,
    },
    /// setup.com on a server (X8).
    Setup {
        server: String,
        mode: crate::model::exchange::SetupMode,
    },
    /// Suspend-/Resume-StorageGroupCopy (X6) or the -Lag fault; `SERVER\SG`.
    CopyControl {
        storage_group: String,
        action: crate::model::exchange::CopyAction,
    },
    /// setup.com's organization and CMS switches (/PrepareSchema, /NewCms...).
    CmsSetup {
        server: String,
        action: crate::model::cms_setup::CmsSetup,
    },
    /// Update-ExchangeVirtualServer (E6), run on the actor's node.
    UpgradeEvs {
        evs: String,
    },
    /// update.exe: the Exchange 2000/2003 service pack on a server (E6, E8, E9).
    ExchangeUpdate {
        server: String,
    },
    /// A Windows hotfix package; `restart` when it restarts the server itself.
    InstallHotfix {
        server: String,
        kb: String,
        restart: bool,
    },
    /// `ntbackup backup`: an online backup of an EVS's storage groups (E10).
    BackupEvs {
        server: String,
        storage_group: Option<String>,
        file: String,
        kind: String,
        job: String,
    },
    /// A restore of a backup set (NTBackup's restore wizard, E10).
    RestoreBackup {
        file: String,
        storage_group: Option<String>,
    },
    /// Exchange 2003 setup upgrading an Exchange 2000 node (E8).
    Exchange2003Upgrade {
        server: String,
    },
    /// NetFx20SP1_x64.exe on a server.
    InstallNetFx {
        server: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceAction {
    Start,
    Stop,
    Restart,
}

/// Who asks and from where: the session's identity is in the world; the node the
/// command runs on is the session's.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub node: String,
}

/// Dependency edges of one group, by resource index.
#[derive(Default)]
struct Graph {
    /// Resource -> the resources it depends on.
    providers: HashMap<usize, Vec<usize>>,
    /// Resource -> the resources that depend on it.
    users: HashMap<usize, Vec<usize>>,
}

/// Heartbeat loss detection (DOMAIN.md §5).
pub const HEARTBEAT_SECONDS: i64 = 6;
/// A reboot, before the boot delay.
pub const REBOOT_SECONDS: i64 = 240;

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Online and offline seconds of a resource type (DOMAIN.md §5).
pub fn durations(r: &Resource, mapi_clients: u32) -> (i64, i64) {
    if r.hung {
        // C10: it stays pending until the Resource Monitor gives up and terminates it.
        let pending = i64::from(r.pending_timeout / 1000).max(1);
        return (pending, pending);
    }
    let k = r.kind.to_ascii_lowercase();
    let dbs: i64 = r
        .private
        .get("Databases")
        .and_then(|d| d.parse().ok())
        .unwrap_or(0);
    let (on, off) = if k == "ip address" {
        (2, 1)
    } else if k == "network name" {
        (10, 2)
    } else if k == "physical disk" {
        (6, 2)
    } else if k.contains("transaction coordinator")
        || k == "majority node set"
        || k == "file share witness"
        || k == "msdtc"
    {
        (10, 3)
    } else if k.contains("system attendant") {
        (45, 20)
    } else if k.contains("information store") {
        (60 + 20 * dbs, 30 + 15 * dbs + i64::from(mapi_clients) / 100)
    } else if k.contains("database instance") {
        (20, 15)
    } else if k.contains("routing")
        || k.contains("message transfer")
        || k.contains("smtp")
        || k.contains("http")
        || k.contains("pop3")
        || k.contains("imap4")
        || k.contains("search")
    {
        (15, 10)
    } else {
        (5, 2)
    };
    (on + i64::from(r.extra_online), off)
}

impl Cluster {
    pub fn node(&self, name: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| eq(&n.name, name))
    }
    pub(crate) fn node_mut(&mut self, name: &str) -> Option<&mut Node> {
        self.nodes.iter_mut().find(|n| eq(&n.name, name))
    }
    pub fn group(&self, name: &str) -> Option<&Group> {
        self.groups.iter().find(|g| eq(&g.name, name))
    }
    pub(crate) fn group_idx(&self, name: &str) -> Result<usize, ModelError> {
        self.groups
            .iter()
            .position(|g| eq(&g.name, name))
            .ok_or_else(|| ModelError::win32(5013))
    }
    pub fn resource(&self, name: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| eq(&r.name, name))
    }
    pub(crate) fn res_idx(&self, name: &str) -> Result<usize, ModelError> {
        self.resources
            .iter()
            .position(|r| eq(&r.name, name))
            .ok_or_else(|| ModelError::win32(5007))
    }
    /// Indexes of the resources in a group.
    pub fn resources_in(&self, group: &str) -> Vec<usize> {
        let index = {
            let mut cache = self.members.0.borrow_mut();
            match cache.as_ref() {
                Some(m) => m.clone(),
                None => {
                    let mut m: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
                    for (i, r) in self.resources.iter().enumerate() {
                        m.entry(r.group.to_ascii_lowercase()).or_default().push(i);
                    }
                    let m = std::rc::Rc::new(m);
                    *cache = Some(m.clone());
                    m
                }
            }
        };
        index
            .get(&group.to_ascii_lowercase())
            .cloned()
            .unwrap_or_default()
    }

    /// A group's state, derived from its resources.
    pub fn group_state(&self, group: &str) -> GroupState {
        // Counted in one pass, without allocating: this runs for every event.
        let (mut n, mut online, mut pending, mut failed) = (0usize, 0usize, false, false);
        for r in self.resources.iter().filter(|r| eq(&r.group, group)) {
            n += 1;
            match r.state {
                ResourceState::Online => online += 1,
                ResourceState::OnlinePending | ResourceState::OfflinePending => pending = true,
                ResourceState::Failed => failed = true,
                ResourceState::Offline => {}
            }
        }
        if n == 0 {
            return GroupState::Offline;
        }
        let all = |s: ResourceState| s == ResourceState::Online && online == n;
        let any = |s: ResourceState| match s {
            ResourceState::Online => online > 0,
            ResourceState::Failed => failed,
            _ => pending,
        };
        if all(ResourceState::Online) {
            GroupState::Online
        } else if any(ResourceState::OnlinePending) || any(ResourceState::OfflinePending) {
            GroupState::Pending
        } else if any(ResourceState::Failed) && !any(ResourceState::Online) {
            GroupState::Failed
        } else if any(ResourceState::Online) {
            GroupState::PartialOnline
        } else {
            GroupState::Offline
        }
    }

    /// The node that owns a resource (its group's owner).
    pub fn resource_owner(&self, r: &Resource) -> String {
        self.group(&r.group)
            .map(|g| g.owner.clone())
            .unwrap_or_default()
    }

    /// Whether `node` may own every resource of `group` (C3).
    pub fn possible_owner(&self, group: &str, node: &str) -> bool {
        self.resources_in(group).iter().all(|i| {
            self.resources[*i]
                .possible_owners
                .iter()
                .any(|o| eq(o, node))
        })
    }

    /// The dependency edges among the resources of one group (dependencies never leave
    /// a group, C2): built in O(resources), so closures and path lengths stay linear.
    fn graph(&self, group: &str) -> Graph {
        let members = self.resources_in(group);
        let by_name: HashMap<String, usize> = members
            .iter()
            .map(|i| (self.resources[*i].name.to_ascii_lowercase(), *i))
            .collect();
        let mut g = Graph::default();
        for i in members {
            for d in &self.resources[i].dependencies {
                if let Some(j) = by_name.get(&d.to_ascii_lowercase()) {
                    g.providers.entry(i).or_default().push(*j);
                    g.users.entry(*j).or_default().push(i);
                }
            }
        }
        g
    }

    /// `r` and whatever it reaches along `edges`, breadth first.
    fn closure(r: usize, edges: &HashMap<usize, Vec<usize>>) -> Vec<usize> {
        let mut out = vec![r];
        let mut seen: HashSet<usize> = HashSet::default();
        seen.insert(r);
        let mut k = 0;
        while k < out.len() {
            for j in edges.get(&out[k]).map(Vec::as_slice).unwrap_or(&[]) {
                if seen.insert(*j) {
                    out.push(*j);
                }
            }
            k += 1;
        }
        out
    }

    /// Resources that depend on `r` (directly or not), `r` included.
    pub(crate) fn dependents_closure(&self, r: usize) -> Vec<usize> {
        let g = self.graph(&self.resources[r].group);
        Self::closure(r, &g.users)
    }

    /// Providers of `r` (directly or not), `r` included.
    pub(crate) fn providers_closure(&self, r: usize) -> Vec<usize> {
        let g = self.graph(&self.resources[r].group);
        Self::closure(r, &g.providers)
    }

    /// The longest path through `set` along `edges` (each resource's own seconds given by
    /// `secs`): the time to start (or stop) it with parallel branches (C2).
    fn longest_path(
        set: &[usize],
        edges: &HashMap<usize, Vec<usize>>,
        secs: &dyn Fn(usize) -> i64,
    ) -> i64 {
        let inset: HashSet<usize> = set.iter().copied().collect();
        let mut memo: HashMap<usize, i64> = HashMap::default();
        // Iterative depth-first search (no recursion on lab data); a cycle, which
        // validation forbids, would simply be cut.
        let mut best = 0;
        for &root in set {
            let mut stack: Vec<(usize, bool)> = vec![(root, false)];
            let mut on_path: HashSet<usize> = HashSet::default();
            while let Some((i, done)) = stack.pop() {
                if done {
                    on_path.remove(&i);
                    let before = edges
                        .get(&i)
                        .map(|v| {
                            v.iter()
                                .filter(|j| inset.contains(j))
                                .map(|j| memo.get(j).copied().unwrap_or(0))
                                .max()
                                .unwrap_or(0)
                        })
                        .unwrap_or(0);
                    memo.insert(i, before + secs(i));
                    continue;
                }
                if memo.contains_key(&i) || !on_path.insert(i) {
                    continue;
                }
                stack.push((i, true));
                for j in edges.get(&i).map(Vec::as_slice).unwrap_or(&[]) {
                    if inset.contains(j) && !memo.contains_key(j) && !on_path.contains(j) {
                        stack.push((*j, false));
                    }
                }
            }
            best = best.max(memo.get(&root).copied().unwrap_or(0));
        }
        best
    }

    /// The longest dependency path (seconds) to bring `set` (one group's resources)
    /// online, counting only providers in the set (C2: parallel branches).
    fn online_time(&self, set: &[usize], clients: u32) -> i64 {
        let Some(first) = set.first() else { return 0 };
        let g = self.graph(&self.resources[*first].group);
        Self::longest_path(set, &g.providers, &|i| {
            durations(&self.resources[i], clients).0
        })
    }

    /// The longest path to take `set` offline (dependants first). The Resource Monitor
    /// terminates a resource that does not stop within its PendingTimeout.
    fn offline_time(&self, set: &[usize], clients: u32) -> i64 {
        let Some(first) = set.first() else { return 0 };
        let g = self.graph(&self.resources[*first].group);
        Self::longest_path(set, &g.users, &|i| {
            let r = &self.resources[i];
            durations(r, clients)
                .1
                .min(i64::from(r.pending_timeout / 1000).max(1))
        })
    }

    /// Votes present and needed (C11). A disk counts when a running node can own it
    /// (Disk and DiskOnly: that node alone is quorum); a file share witness counts when it
    /// is reachable (`witness_up`) and some node is running.
    pub fn quorum_votes(&self, witness_up: bool) -> (usize, usize) {
        let running = |n: &Node| matches!(n.state, NodeState::Up | NodeState::Paused);
        let up = self.nodes.iter().filter(|n| running(n)).count();
        let disk_reachable = || {
            let Some(q) = self
                .quorum
                .resource
                .as_deref()
                .and_then(|q| self.resource(q))
            else {
                return up > 0;
            };
            q.state != ResourceState::Failed
                && self
                    .nodes
                    .iter()
                    .any(|n| running(n) && q.possible_owners.iter().any(|o| eq(o, &n.name)))
        };
        match self.quorum.kind {
            QuorumKind::Disk | QuorumKind::DiskOnly => (usize::from(disk_reachable()), 1),
            QuorumKind::MajorityNodeSet | QuorumKind::NodeMajority => {
                (up, self.nodes.len() / 2 + 1)
            }
            QuorumKind::NodeAndDiskMajority => {
                let total = self.nodes.len() + 1;
                (
                    up + usize::from(witness_up && up > 0 && disk_reachable()),
                    total / 2 + 1,
                )
            }
            QuorumKind::MajorityNodeSetWithWitness | QuorumKind::NodeAndFileShareMajority => {
                let total = self.nodes.len() + 1;
                (up + usize::from(witness_up && up > 0), total / 2 + 1)
            }
        }
    }

    /// A resource whose dependencies lead back to itself, if any.
    pub fn dependency_cycle(&self) -> Option<String> {
        // Kahn's algorithm over the dependency edges: whatever never reaches zero
        // unresolved providers sits on (or behind) a cycle.
        let idx: std::collections::HashMap<String, usize> = self
            .resources
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.to_ascii_lowercase(), i))
            .collect();
        let mut pending: Vec<usize> = self
            .resources
            .iter()
            .map(|r| r.dependencies.len())
            .collect();
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); self.resources.len()];
        for (i, r) in self.resources.iter().enumerate() {
            for d in &r.dependencies {
                match idx.get(&d.to_ascii_lowercase()) {
                    Some(p) => users[*p].push(i),
                    None => pending[i] = pending[i].saturating_sub(1),
                }
            }
        }
        let mut ready: Vec<usize> = (0..pending.len()).filter(|i| pending[*i] == 0).collect();
        while let Some(p) = ready.pop() {
            for u in &users[p] {
                pending[*u] = pending[*u].saturating_sub(1);
                if pending[*u] == 0 {
                    ready.push(*u);
                }
            }
        }
        pending
            .iter()
            .position(|n| *n > 0)
            .map(|i| self.resources[i].name.clone())
    }
}

impl World {
    pub fn now(&self) -> Ticks {
        self.clock
    }

    pub fn cluster(&self, name: &str) -> Option<&Cluster> {
        self.clusters.iter().find(|c| eq(&c.name, name))
    }

    pub(crate) fn cluster_idx(&self, name: &str) -> Result<usize, ModelError> {
        self.clusters
            .iter()
            .position(|c| eq(&c.name, name))
            .ok_or_else(|| {
                ModelError::other(
                    format!("The cluster '{}' was not found.", name),
                    ErrorKind::NotFound,
                )
            })
    }

    pub fn server(&self, name: &str) -> Option<&Server> {
        self.servers.iter().find(|s| eq(&s.name, name))
    }

    pub(crate) fn server_mut(&mut self, name: &str) -> Option<&mut Server> {
        self.servers.iter_mut().find(|s| eq(&s.name, name))
    }

    /// The cluster a server is a node of.
    pub fn cluster_of_node(&self, node: &str) -> Option<&Cluster> {
        self.clusters.iter().find(|c| c.node(node).is_some())
    }

    pub(crate) fn cluster_idx_of_node(&self, node: &str) -> Result<usize, ModelError> {
        self.clusters
            .iter()
            .position(|c| c.node(node).is_some())
            .ok_or_else(|| ModelError::win32(5042))
    }

    pub(crate) fn witness_up(&self, c: &Cluster) -> bool {
        if !c.quorum.witness_online {
            return false;
        }
        match &c.quorum.witness {
            Some(path) => {
                let host = path
                    .trim_start_matches('\\')
                    .split('\\')
                    .next()
                    .unwrap_or("");
                self.server(host).is_none_or(|s| s.power == Power::On)
            }
            None => true,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn event(
        &mut self,
        at: Ticks,
        server: &str,
        source: &str,
        id: u32,
        ty: EntryType,
        message: String,
        planned: bool,
    ) {
        self.event_in("System", at, server, source, id, ty, message, planned);
    }

    /// Records an event in a log (`System`, `Application`) of a server, in time order.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn event_in(
        &mut self,
        log: &str,
        at: Ticks,
        server: &str,
        source: &str,
        id: u32,
        ty: EntryType,
        message: String,
        planned: bool,
    ) {
        let e = Event {
            time: at,
            server: server.to_string(),
            log: log.to_string(),
            source: source.into(),
            event_id: id,
            entry_type: ty,
            message,
            planned,
            seq: self.next_event,
        };
        self.next_event += 1;
        // Keep the log in time order (failovers in parallel finish at different times).
        let pos = self.events.partition_point(|x| x.time <= at);
        self.events.insert(pos, e);
    }

    /// Applies an operation. On refusal the world is unchanged; on success the events it
    /// recorded are returned.
    pub fn apply(&mut self, op: &Op, actor: &Actor) -> Result<Vec<Event>, ModelError> {
        // The log only grows: keep it out of the backup and trim it on refusal.
        let events = std::mem::take(&mut self.events);
        let backup = self.clone();
        self.events = events;
        let first = self.next_event;
        let restore = |w: &mut World, backup: World| {
            let mut events = std::mem::take(&mut w.events);
            events.retain(|e| e.seq < first);
            *w = backup;
            w.events = events;
        };
        match self.apply_inner(op, actor) {
            Ok(()) => {
                for ci in 0..self.clusters.len() {
                    self.sync_resource_services(ci);
                }
                if let Err(msg) = self.check_invariants() {
                    restore(self, backup);
                    return Err(ModelError::other(
                        format!("internal invariant broken: {}", msg),
                        ErrorKind::InvalidOperation,
                    ));
                }
                Ok(self
                    .events
                    .iter()
                    .filter(|e| e.seq >= first)
                    .cloned()
                    .collect())
            }
            Err(e) => {
                restore(self, backup);
                Err(e)
            }
        }
    }

    /// Security (DOMAIN.md §6): cluster changes need local Administrators on the node
    /// the command runs on.
    pub(crate) fn require_admin(&self, actor: &Actor) -> Result<(), ModelError> {
        let acct = self.accounts.iter().find(|a| eq(&a.name, &self.identity));
        match acct {
            Some(a)
                if actor.node.is_empty()
                    || a.local_admin_on
                        .iter()
                        .any(|n| eq(n, &actor.node) || n == "*") =>
            {
                Ok(())
            }
            _ => Err(ModelError::win32(5)),
        }
    }

    fn apply_inner(&mut self, op: &Op, actor: &Actor) -> Result<(), ModelError> {
        match op {
            Op::Sleep { ticks } => {
                let target = self.clock + (*ticks).max(0);
                self.run_until(target);
                self.ship_logs((*ticks).max(0) / TICKS_PER_SECOND);
                Ok(())
            }
            Op::SetIdentity { account } => {
                let Some(a) = self.accounts.iter().find(|a| eq(&a.name, account)) else {
                    return Err(ModelError::other(
                        format!("The account '{}' does not exist in the lab.", account),
                        ErrorKind::NotFound,
                    ));
                };
                self.identity = a.name.clone();
                Ok(())
            }
            Op::NodeFault { node, fault } => self.node_fault(node, *fault),
            Op::RestoreNode { node } => self.restore_node(node),
            Op::RestartServer { server, wait } => {
                self.require_admin(actor)?;
                self.restart_server(server, *wait, true)
            }
            Op::ShutdownServer { server } => {
                self.require_admin(actor)?;
                self.restart_server(server, false, false)
            }
            Op::ServiceControl {
                server,
                service,
                action,
            } => {
                self.require_admin_on(server)?;
                match action {
                    ServiceAction::Start => self.start_service(server, service),
                    ServiceAction::Stop => self.stop_service(server, service),
                    ServiceAction::Restart => {
                        // Restart-Service: a stopped service just starts; Disabled refuses first.
                        let (si, vi) = self.service_idx(server, service)?;
                        let sv = &self.servers[si].services[vi];
                        if sv.start_type == StartType::Disabled {
                            return Err(ModelError::win32(1058));
                        }
                        if sv.status == ServiceStatus::Running {
                            self.stop_service(server, service)?;
                        }
                        match self.service_idx(server, service) {
                            Ok((si, vi))
                                if self.servers[si].services[vi].status
                                    == ServiceStatus::Running =>
                            {
                                Ok(())
                            }
                            _ => self.start_service(server, service),
                        }
                    }
                }
            }
            Op::WitnessOnline { cluster, online } => {
                let ci = self.cluster_idx(cluster)?;
                self.clusters[ci].quorum.witness_online = *online;
                if !*online {
                    let now = self.clock;
                    let name = self.clusters[ci].name.clone();
                    let owner = self.clusters[ci]
                        .nodes
                        .first()
                        .map(|n| n.name.clone())
                        .unwrap_or_default();
                    self.event(
                        now,
                        &owner,
                        "ClusSvc",
                        1069,
                        EntryType::Error,
                        format!(
                            "The file share witness of cluster '{}' is not reachable.",
                            name
                        ),
                        false,
                    );
                }
                self.check_quorum(ci, false);
                Ok(())
            }
            Op::MoveCms {
                cms,
                target,
                comment,
                validate_only,
                ignore_dismounted,
            } => self.move_cms(cms, target, comment, *validate_only, *ignore_dismounted),
            Op::StopCms { cms, reason } => self.stop_cms(cms, reason),
            Op::StartCms { cms } => self.start_cms(cms),
            Op::CopyControl {
                storage_group,
                action,
            } => self.copy_control(storage_group, action.clone()),
            Op::MountDatabase { database, mount } => self.mount_database(database, *mount),
            Op::Setup { server, mode } => self.run_setup(server, *mode),
            Op::CmsSetup { server, action } => self.run_cms_setup(server, action),
            Op::UpgradeEvs { evs } => self.upgrade_evs(evs, &actor.node),
            Op::ExchangeUpdate { server } => self.run_update(server),
            Op::InstallHotfix {
                server,
                kb,
                restart,
            } => self.run_hotfix(server, kb, *restart),
            Op::InstallNetFx { server } => self.run_netfx(server),
            Op::Exchange2003Upgrade { server } => self.run_e2k3_upgrade(server),
            Op::BackupEvs {
                server,
                storage_group,
                file,
                kind,
                job,
            } => self.backup_evs(server, storage_group.as_deref(), file, kind, job),
            Op::RestoreBackup {
                file,
                storage_group,
            } => self.restore_backup(file, storage_group.as_deref()),
            Op::SetMountDial { cms, dial } => self.set_mount_dial(cms, dial),
            Op::SetTransportConfig {
                max_dumpster_size_mb,
                max_dumpster_time,
            } => self.set_transport(*max_dumpster_size_mb, *max_dumpster_time),
            Op::HangResource { cluster, resource } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                self.clusters[ci].resources[ri].hung = true;
                Ok(())
            }
            Op::SetStartType {
                server,
                service,
                start_type,
            } => {
                self.require_admin_on(server)?;
                let (si, vi) = self.service_idx(server, service)?;
                let now = self.clock;
                let sv = &mut self.servers[si].services[vi];
                let from = sv.start_type;
                sv.start_type = *start_type;
                let display = sv.display_name.clone();
                let host = self.servers[si].name.clone();
                if from != *start_type {
                    self.event_in(
                        "System",
                        now,
                        &host,
                        "Service Control Manager",
                        7040,
                        EntryType::Information,
                        format!(
                            "The start type of the {} service was changed from {} to {}.",
                            display,
                            start_name(from),
                            start_name(*start_type)
                        ),
                        true,
                    );
                }
                Ok(())
            }
            _ => {
                self.require_admin(actor)?;
                self.cluster_op(op)
            }
        }
    }

    pub(crate) fn cluster_op(&mut self, op: &Op) -> Result<(), ModelError> {
        let planned = true;
        match op {
            Op::MoveGroup {
                cluster,
                group,
                node,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let c = &self.clusters[ci];
                if !c.running {
                    return Err(ModelError::win32(5005));
                }
                let gi = c.group_idx(group)?;
                let gname = c.groups[gi].name.clone();
                let owner = c.groups[gi].owner.clone();
                let target = match node {
                    Some(n) => {
                        let Some(nd) = c.node(n) else {
                            return Err(ModelError::win32(5042));
                        };
                        match nd.state {
                            NodeState::Down | NodeState::Joining => {
                                return Err(ModelError::win32(5050))
                            }
                            NodeState::Paused => return Err(ModelError::win32(5070)),
                            NodeState::Up => {}
                        }
                        if !c.possible_owner(&gname, &nd.name) {
                            return Err(ModelError::win32(5016));
                        }
                        nd.name.clone()
                    }
                    None => match self.failover_target(ci, &gname, &owner, false) {
                        Some(t) => t,
                        None => return Err(ModelError::win32(5005)),
                    },
                };
                self.placement_check(ci, &gname, &target)?;
                if eq(&target, &owner) {
                    return Ok(());
                }
                let t = self.move_group(ci, &gname, &target, self.clock, planned);
                self.clock = self.clock.max(t);
                Ok(())
            }
            Op::OnlineGroup { cluster, group } => {
                let ci = self.cluster_idx(cluster)?;
                let gi = self.clusters[ci].group_idx(group)?;
                let gname = self.clusters[ci].groups[gi].name.clone();
                let owner = self.clusters[ci].groups[gi].owner.clone();
                self.require_node_can_online(ci, &owner)?;
                self.placement_check(ci, &gname, &owner)?;
                let set = self.clusters[ci].resources_in(&gname);
                self.clusters[ci].groups[gi].persistent_state = true;
                let t = self.online_set(ci, &gname, &set, self.clock, planned);
                self.clock = self.clock.max(t);
                Ok(())
            }
            Op::OfflineGroup { cluster, group } => {
                let ci = self.cluster_idx(cluster)?;
                let gi = self.clusters[ci].group_idx(group)?;
                let gname = self.clusters[ci].groups[gi].name.clone();
                let set = self.clusters[ci].resources_in(&gname);
                if let Some(q) = &self.clusters[ci].quorum.resource {
                    if set
                        .iter()
                        .any(|i| eq(&self.clusters[ci].resources[*i].name, q))
                    {
                        return Err(ModelError::win32(5020));
                    }
                }
                self.clusters[ci].groups[gi].persistent_state = false;
                let t = self.offline_set(ci, &gname, &set, self.clock, planned);
                self.clock = self.clock.max(t);
                Ok(())
            }
            Op::OnlineResource { cluster, resource } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                let gname = self.clusters[ci].resources[ri].group.clone();
                let owner = self.clusters[ci]
                    .group(&gname)
                    .map(|g| g.owner.clone())
                    .unwrap_or_default();
                self.require_node_can_online(ci, &owner)?;
                if !self.clusters[ci].resources[ri]
                    .possible_owners
                    .iter()
                    .any(|o| eq(o, &owner))
                {
                    return Err(ModelError::win32(5015));
                }
                self.placement_check(ci, &gname, &owner)?;
                let set = self.clusters[ci].providers_closure(ri);
                let t = self.online_set(ci, &gname, &set, self.clock, planned);
                self.clock = self.clock.max(t);
                Ok(())
            }
            Op::OfflineResource { cluster, resource } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                if self.clusters[ci]
                    .quorum
                    .resource
                    .as_deref()
                    .is_some_and(|q| eq(q, &self.clusters[ci].resources[ri].name))
                {
                    return Err(ModelError::win32(5020));
                }
                let gname = self.clusters[ci].resources[ri].group.clone();
                let set = self.clusters[ci].dependents_closure(ri);
                let t = self.offline_set(ci, &gname, &set, self.clock, planned);
                self.clock = self.clock.max(t);
                Ok(())
            }
            Op::FailResource {
                cluster,
                resource,
                planned,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                if self.clusters[ci].resources[ri].state != ResourceState::Online {
                    return Err(ModelError::win32(5004));
                }
                self.resource_failure(ci, ri, *planned);
                Ok(())
            }
            Op::PauseNode { cluster, node } => {
                let ci = self.cluster_idx(cluster)?;
                let c = &mut self.clusters[ci];
                let Some(n) = c.node_mut(node) else {
                    return Err(ModelError::win32(5042));
                };
                match n.state {
                    NodeState::Down | NodeState::Joining => return Err(ModelError::win32(5050)),
                    _ => {
                        n.state = NodeState::Paused;
                        n.paused = true;
                    }
                }
                Ok(())
            }
            Op::ResumeNode { cluster, node } => {
                let ci = self.cluster_idx(cluster)?;
                let c = &mut self.clusters[ci];
                let Some(n) = c.node_mut(node) else {
                    return Err(ModelError::win32(5042));
                };
                if !n.paused {
                    return Err(ModelError::win32(5058));
                }
                n.paused = false;
                if n.state == NodeState::Paused {
                    n.state = NodeState::Up;
                }
                Ok(())
            }
            Op::SetPreferredOwners {
                cluster,
                group,
                nodes,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let gi = self.clusters[ci].group_idx(group)?;
                let mut names = Vec::new();
                for n in nodes {
                    let Some(nd) = self.clusters[ci].node(n) else {
                        return Err(ModelError::win32(5042));
                    };
                    names.push(nd.name.clone());
                }
                self.clusters[ci].groups[gi].preferred_owners = names;
                Ok(())
            }
            Op::SetPossibleOwners {
                cluster,
                resource,
                nodes,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                let mut names = Vec::new();
                for n in nodes {
                    let Some(nd) = self.clusters[ci].node(n) else {
                        return Err(ModelError::win32(5042));
                    };
                    names.push(nd.name.clone());
                }
                let owner = self.clusters[ci].resource_owner(&self.clusters[ci].resources[ri]);
                // The current owner of an online resource cannot be removed.
                if self.clusters[ci].resources[ri].state == ResourceState::Online
                    && !names.iter().any(|n| eq(n, &owner))
                {
                    return Err(ModelError::win32(5019));
                }
                self.clusters[ci].resources[ri].possible_owners = names;
                Ok(())
            }
            Op::AddDependency {
                cluster,
                resource,
                provider,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let c = &self.clusters[ci];
                let ri = c.res_idx(resource)?;
                let pi = c.res_idx(provider)?;
                let (r, p) = (&c.resources[ri], &c.resources[pi]);
                if !eq(&r.group, &p.group) || ri == pi {
                    return Err(ModelError::win32(5023));
                }
                if r.dependencies.iter().any(|d| eq(d, &p.name)) {
                    return Err(ModelError::win32(5003));
                }
                if r.state == ResourceState::Online && p.state != ResourceState::Online {
                    return Err(ModelError::win32(5019));
                }
                // No cycles: the provider must not (transitively) depend on the resource.
                if c.providers_closure(pi).contains(&ri) {
                    return Err(ModelError::win32(5023));
                }
                let pname = p.name.clone();
                self.clusters[ci].resources[ri].dependencies.push(pname);
                Ok(())
            }
            Op::RemoveDependency {
                cluster,
                resource,
                provider,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                let deps = &mut self.clusters[ci].resources[ri].dependencies;
                let Some(k) = deps.iter().position(|d| eq(d, provider)) else {
                    return Err(ModelError::win32(5002));
                };
                deps.remove(k);
                Ok(())
            }
            Op::AddGroup { cluster, group } => {
                let ci = self.cluster_idx(cluster)?;
                if self.clusters[ci].group(group).is_some() || group.trim().is_empty() {
                    return Err(ModelError::win32(5010));
                }
                let owner = self.clusters[ci]
                    .nodes
                    .iter()
                    .find(|n| n.state == NodeState::Up)
                    .map(|n| n.name.clone())
                    .ok_or_else(|| ModelError::win32(5005))?;
                let threshold = if self.clusters[ci].os_generation >= 2008 {
                    u32::try_from(self.clusters[ci].nodes.len().saturating_sub(1)).unwrap_or(1)
                } else {
                    10
                };
                self.clusters[ci].groups.push(Group {
                    name: group.clone(),
                    owner,
                    preferred_owners: Vec::new(),
                    failover_threshold: threshold,
                    failover_period: 6,
                    auto_failback_type: 0,
                    failback_window_start: -1,
                    failback_window_end: -1,
                    persistent_state: false,
                    failovers: Vec::new(),
                    description: String::new(),
                });
                Ok(())
            }
            Op::RemoveGroup { cluster, group } => {
                let ci = self.cluster_idx(cluster)?;
                let gi = self.clusters[ci].group_idx(group)?;
                let gname = self.clusters[ci].groups[gi].name.clone();
                if !self.clusters[ci].resources_in(&gname).is_empty() {
                    return Err(ModelError::win32(5023));
                }
                self.clusters[ci].groups.remove(gi);
                Ok(())
            }
            Op::AddResource {
                cluster,
                group,
                resource,
                kind,
                private,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let gi = self.clusters[ci].group_idx(group)?;
                if self.clusters[ci].resource(resource).is_some() || resource.trim().is_empty() {
                    return Err(ModelError::win32(5010));
                }
                let gname = self.clusters[ci].groups[gi].name.clone();
                // Possible owners: every node present now (domain-sources 5.3).
                let owners = self.clusters[ci]
                    .nodes
                    .iter()
                    .map(|n| n.name.clone())
                    .collect();
                self.clusters[ci].members.invalidate();
                self.clusters[ci].resources.push(Resource {
                    name: resource.clone(),
                    kind: kind.clone(),
                    group: gname,
                    state: ResourceState::Offline,
                    possible_owners: owners,
                    dependencies: Vec::new(),
                    restart_action: 2,
                    restart_threshold: 3,
                    restart_period: 900_000,
                    pending_timeout: 180_000,
                    private: private.clone(),
                    restarts: Vec::new(),
                    extra_online: 0,
                    looks_alive_poll_interval: 5000,
                    is_alive_poll_interval: 60_000,
                    hung: false,
                });
                // E1: the System Attendant builds the Exchange Virtual Server.
                if eq(kind, crate::model::evs::SA_TYPE) {
                    let gname = self.clusters[ci].groups[gi].name.clone();
                    self.create_evs(ci, &gname, resource)?;
                }
                Ok(())
            }
            Op::RemoveResource { cluster, resource } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                // E11: deleting the System Attendant deletes the EVS.
                if eq(
                    &self.clusters[ci].resources[ri].kind,
                    crate::model::evs::SA_TYPE,
                ) {
                    let group = self.clusters[ci].resources[ri].group.clone();
                    if self.evs_for_group(&group).is_some() {
                        return self.remove_evs(ci, ri);
                    }
                }
                let c = &self.clusters[ci];
                let name = c.resources[ri].name.clone();
                if c.quorum.resource.as_deref().is_some_and(|q| eq(q, &name)) {
                    return Err(ModelError::win32(5020));
                }
                if c.resources
                    .iter()
                    .any(|x| x.dependencies.iter().any(|d| eq(d, &name)))
                {
                    return Err(ModelError::win32(5001));
                }
                if c.resources[ri].state == ResourceState::Online {
                    return Err(ModelError::win32(5019));
                }
                self.clusters[ci].resources.remove(ri);
                self.clusters[ci].members.invalidate();
                Ok(())
            }
            Op::MoveResource {
                cluster,
                resource,
                group,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                let gi = self.clusters[ci].group_idx(group)?;
                let c = &self.clusters[ci];
                let name = c.resources[ri].name.clone();
                if !c.resources[ri].dependencies.is_empty()
                    || c.resources
                        .iter()
                        .any(|x| x.dependencies.iter().any(|d| eq(d, &name)))
                {
                    return Err(ModelError::win32(5023));
                }
                let from_owner = c.resource_owner(&c.resources[ri]);
                if !eq(&from_owner, &c.groups[gi].owner)
                    && c.resources[ri].state == ResourceState::Online
                {
                    return Err(ModelError::win32(5019));
                }
                let gname = c.groups[gi].name.clone();
                self.clusters[ci].resources[ri].group = gname;
                self.clusters[ci].members.invalidate();
                Ok(())
            }
            Op::EvictNode { cluster, node } => {
                let ci = self.cluster_idx(cluster)?;
                let c = &self.clusters[ci];
                let Some(n) = c.node(node) else {
                    return Err(ModelError::win32(5042));
                };
                if n.state != NodeState::Down && c.nodes.len() > 1 {
                    return Err(ModelError::win32(5009));
                }
                if c.groups.iter().any(|g| eq(&g.owner, &n.name)) && c.nodes.len() > 1 {
                    return Err(ModelError::win32(5009));
                }
                let name = n.name.clone();
                let c = &mut self.clusters[ci];
                c.nodes.retain(|x| !eq(&x.name, &name));
                for r in &mut c.resources {
                    r.possible_owners.retain(|o| !eq(o, &name));
                }
                for g in &mut c.groups {
                    g.preferred_owners.retain(|o| !eq(o, &name));
                }
                if let Some(s) = self.server_mut(&name) {
                    s.cluster = None;
                }
                Ok(())
            }
            Op::AddNode { cluster, node } => self.add_node(cluster, node),
            Op::SetQuorum {
                cluster,
                kind,
                resource,
                witness,
            } => self.set_quorum(cluster, *kind, resource.as_deref(), witness.as_deref()),
            Op::SetGroupProperty {
                cluster,
                group,
                name,
                value,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let gi = self.clusters[ci].group_idx(group)?;
                let g = &mut self.clusters[ci].groups[gi];
                let v = *value;
                let bad = || ModelError::win32(87);
                match name.to_ascii_lowercase().as_str() {
                    "failoverthreshold" => {
                        g.failover_threshold = u32::try_from(v).map_err(|_| bad())?
                    }
                    // FailoverPeriod is in hours, at most 1193 ([S58]).
                    "failoverperiod" if (1..=1193).contains(&v) => {
                        g.failover_period = u32::try_from(v).map_err(|_| bad())?
                    }
                    "autofailbacktype" if (0..=1).contains(&v) => {
                        g.auto_failback_type = u32::try_from(v).map_err(|_| bad())?
                    }
                    "failbackwindowstart" if (-1..=23).contains(&v) => {
                        g.failback_window_start = i32::try_from(v).map_err(|_| bad())?
                    }
                    "failbackwindowend" if (-1..=23).contains(&v) => {
                        g.failback_window_end = i32::try_from(v).map_err(|_| bad())?
                    }
                    "persistentstate" if (0..=1).contains(&v) => g.persistent_state = v == 1,
                    _ => return Err(bad()),
                }
                Ok(())
            }
            Op::SetPrivateProperty {
                cluster,
                resource,
                name,
                value,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                if name.trim().is_empty() {
                    return Err(ModelError::win32(87));
                }
                let r = &mut self.clusters[ci].resources[ri];
                let key = r
                    .private
                    .keys()
                    .find(|k| eq(k, name))
                    .cloned()
                    .unwrap_or_else(|| name.clone());
                r.private.insert(key, value.clone());
                Ok(())
            }
            Op::SetResourceProperty {
                cluster,
                resource,
                name,
                value,
            } => {
                let ci = self.cluster_idx(cluster)?;
                let ri = self.clusters[ci].res_idx(resource)?;
                let r = &mut self.clusters[ci].resources[ri];
                let bad = || ModelError::win32(87);
                let v = u32::try_from(*value).map_err(|_| bad())?;
                match name.to_ascii_lowercase().as_str() {
                    "restartaction" if v <= 2 => r.restart_action = v,
                    "restartthreshold" => r.restart_threshold = v,
                    "restartperiod" => r.restart_period = v,
                    // PendingTimeout's minimum is 10 ms ([S60]).
                    "pendingtimeout" if v >= 10 => r.pending_timeout = v,
                    "looksalivepollinterval" if v >= 10 => r.looks_alive_poll_interval = v,
                    "isalivepollinterval" if v >= 10 => r.is_alive_poll_interval = v,
                    _ => return Err(bad()),
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Nodes that are down or paused cannot bring resources online (C4).
    fn require_node_can_online(&self, ci: usize, owner: &str) -> Result<(), ModelError> {
        let c = &self.clusters[ci];
        if !c.running {
            return Err(ModelError::win32(5005));
        }
        match c.node(owner).map(|n| n.state) {
            Some(NodeState::Up) => Ok(()),
            Some(NodeState::Paused) => Err(ModelError::win32(5070)),
            _ => Err(ModelError::win32(5050)),
        }
    }

    /// Rules beyond the cluster's own that decide whether a group may run on a node
    /// (the Exchange rules E4, E5, E7 and X-rules hook in here).
    pub fn placement_check(&self, ci: usize, group: &str, node: &str) -> Result<(), ModelError> {
        self.evs_placement(ci, group, node)?;
        self.cms_placement(group, node)
    }

    /// The node a group goes to without an explicit target (C5): the preferred owners
    /// after the current owner, then the other possible owners in node-ID order; Up
    /// nodes first, paused ones only when `allow_paused` and no Up node can take it.
    pub fn failover_target(
        &self,
        ci: usize,
        group: &str,
        current: &str,
        allow_paused: bool,
    ) -> Option<String> {
        let c = &self.clusters[ci];
        let g = c.group(group)?;
        let mut order: Vec<String> = Vec::new();
        let prefs = &g.preferred_owners;
        if let Some(pos) = prefs.iter().position(|p| eq(p, current)) {
            order.extend(prefs[pos + 1..].iter().cloned());
            order.extend(prefs[..pos].iter().cloned());
        } else {
            order.extend(prefs.iter().cloned());
        }
        let mut by_id: Vec<&Node> = c.nodes.iter().collect();
        by_id.sort_by_key(|n| n.id);
        for n in by_id {
            if !order.iter().any(|o| eq(o, &n.name)) {
                order.push(n.name.clone());
            }
        }
        order.retain(|o| !eq(o, current));
        let ok = |n: &str, state: NodeState| {
            c.node(n).is_some_and(|x| x.state == state)
                && c.possible_owner(group, n)
                && self.placement_check(ci, group, n).is_ok()
        };
        if let Some(n) = order.iter().find(|n| ok(n, NodeState::Up)) {
            return Some(n.clone());
        }
        if allow_paused {
            return order.iter().find(|n| ok(n, NodeState::Paused)).cloned();
        }
        None
    }

    /// Brings resources of a group online from `start`; returns when done.
    pub(crate) fn online_set(
        &mut self,
        ci: usize,
        group: &str,
        set: &[usize],
        start: Ticks,
        planned: bool,
    ) -> Ticks {
        let clients = self.mapi_clients;
        let owner = self.clusters[ci]
            .group(group)
            .map(|g| g.owner.clone())
            .unwrap_or_default();
        // X8: a clustered mailbox server does not come online on binaries of another version.
        if let Some(why) = self.cms_version_mismatch(group, &owner) {
            self.event_in(
                "Application",
                start,
                &owner,
                "MSExchangeCluster",
                1007,
                EntryType::Error,
                why,
                planned,
            );
            return start;
        }
        let c = &self.clusters[ci];
        // Starting a resource starts what it needs (C2).
        let mut wanted: Vec<usize> = Vec::new();
        for i in set {
            for p in c.providers_closure(*i) {
                if !wanted.contains(&p) {
                    wanted.push(p);
                }
            }
        }
        let todo: Vec<usize> = wanted
            .into_iter()
            .filter(|i| c.resources[*i].state != ResourceState::Online)
            .collect();
        if todo.is_empty() {
            return start;
        }
        let secs = c.online_time(&todo, clients);
        let mut failed = Vec::new();
        for i in &todo {
            let r = &c.resources[*i];
            let alone = durations(r, clients).0;
            // C10: a resource pending beyond its timeout fails.
            if r.hung
                || alone > i64::from(r.pending_timeout / 1000)
                || !r.possible_owners.iter().any(|o| eq(o, &owner))
            {
                failed.push(*i);
            }
        }
        let end = start + secs * TICKS_PER_SECOND;
        self.event(
            start,
            &owner,
            "ClusSvc",
            1200,
            EntryType::Information,
            format!(
                "The Cluster Service is attempting to bring online the Resource Group \"{}\".",
                group
            ),
            planned,
        );
        let c = &mut self.clusters[ci];
        for i in &todo {
            c.resources[*i].state = if failed.contains(i) {
                ResourceState::Failed
            } else {
                ResourceState::Online
            };
            if failed.contains(i) {
                // Dependants of a failed provider cannot come online.
                let deps = c.dependents_closure(*i);
                for d in deps {
                    if d != *i && todo.contains(&d) {
                        c.resources[d].state = ResourceState::Offline;
                    }
                }
            }
            c.resources[*i].extra_online = 0;
            // The Resource Monitor terminated it: the next attempt starts afresh.
            c.resources[*i].hung = false;
        }
        for i in &failed {
            let (rn, gn) = (
                self.clusters[ci].resources[*i].name.clone(),
                group.to_string(),
            );
            self.event(
                end,
                &owner,
                "ClusSvc",
                1069,
                EntryType::Error,
                format!(
                    "Cluster resource '{}' in Resource Group '{}' failed.",
                    rn, gn
                ),
                planned,
            );
        }
        if failed.is_empty() {
            if self.clusters[ci].group_state(group) == GroupState::Online {
                self.event(
                    end,
                    &owner,
                    "ClusSvc",
                    1201,
                    EntryType::Information,
                    format!(
                        "The Cluster Service brought the Resource Group \"{}\" online.",
                        group
                    ),
                    planned,
                );
            }
        } else {
            self.event(end, &owner, "ClusSvc", 1205, EntryType::Error, format!("The Cluster service failed to bring the Resource Group \"{}\" completely online or offline.", group), planned);
        }
        self.track_service(ci, group, end, planned);
        end
    }

    /// Takes resources offline from `start` (dependants first); returns when done.
    fn offline_set(
        &mut self,
        ci: usize,
        group: &str,
        set: &[usize],
        start: Ticks,
        planned: bool,
    ) -> Ticks {
        let clients = self.mapi_clients;
        let c = &self.clusters[ci];
        let owner = c.group(group).map(|g| g.owner.clone()).unwrap_or_default();
        let todo: Vec<usize> = set
            .iter()
            .copied()
            .filter(|i| c.resources[*i].state != ResourceState::Offline)
            .collect();
        if todo.is_empty() {
            return start;
        }
        let secs = c.offline_time(&todo, clients);
        let end = start + secs * TICKS_PER_SECOND;
        self.event(
            start,
            &owner,
            "ClusSvc",
            1203,
            EntryType::Information,
            format!(
                "The Cluster Service is attempting to offline the Resource Group \"{}\".",
                group
            ),
            planned,
        );
        let mut terminated = Vec::new();
        for i in &todo {
            let r = &mut self.clusters[ci].resources[*i];
            if r.hung {
                r.hung = false;
                r.state = ResourceState::Failed;
                terminated.push(r.name.clone());
            } else {
                r.state = ResourceState::Offline;
            }
        }
        for rn in terminated {
            self.event(
                end,
                &owner,
                "ClusSvc",
                1069,
                EntryType::Error,
                format!(
                    "Cluster resource '{}' in Resource Group '{}' failed.",
                    rn, group
                ),
                planned,
            );
        }
        if self.clusters[ci].group_state(group) == GroupState::Offline {
            self.event(
                end,
                &owner,
                "ClusSvc",
                1204,
                EntryType::Information,
                format!(
                    "The Cluster Service brought the Resource Group \"{}\" offline.",
                    group
                ),
                planned,
            );
        }
        self.track_service(ci, group, start, planned);
        end
    }

    /// Moves a group: offline on its owner, online on `target` (the resources that were
    /// online come back). Returns when it is done.
    fn move_group(
        &mut self,
        ci: usize,
        group: &str,
        target: &str,
        start: Ticks,
        planned: bool,
    ) -> Ticks {
        let set = self.clusters[ci].resources_in(group);
        let was_online: Vec<usize> = set
            .iter()
            .copied()
            .filter(|i| {
                matches!(
                    self.clusters[ci].resources[*i].state,
                    ResourceState::Online | ResourceState::OnlinePending | ResourceState::Failed
                )
            })
            .collect();
        let mid = self.offline_set(ci, group, &set, start, planned);
        if let Ok(gi) = self.clusters[ci].group_idx(group) {
            self.clusters[ci].groups[gi].owner = target.to_string();
        }
        let state = self.clusters[ci].node(target).map(|n| n.state);
        if state == Some(NodeState::Up) && !was_online.is_empty() {
            self.online_set(ci, group, &was_online, mid, planned)
        } else {
            mid
        }
    }

    /// C7: a resource fails; restart in place within the threshold, else leave it failed
    /// and (RestartAction 2) fail the group over.
    pub(crate) fn resource_failure(&mut self, ci: usize, ri: usize, planned: bool) {
        let now = self.clock;
        let c = &self.clusters[ci];
        let r = &c.resources[ri];
        let group = r.group.clone();
        let owner = c.group(&group).map(|g| g.owner.clone()).unwrap_or_default();
        let period = i64::from(r.restart_period) * 10_000;
        let recent = r.restarts.iter().filter(|t| now - **t < period).count();
        let threshold = r.restart_threshold as usize;
        let action = r.restart_action;
        let name = r.name.clone();
        self.event(
            now,
            &owner,
            "ClusSvc",
            1069,
            EntryType::Error,
            format!(
                "Cluster resource '{}' in Resource Group '{}' failed.",
                name, group
            ),
            planned,
        );
        let group_online: Vec<usize> = self.clusters[ci]
            .resources_in(&group)
            .into_iter()
            .filter(|i| self.clusters[ci].resources[*i].state == ResourceState::Online)
            .collect();
        // Dependants go down with it.
        let down = self.clusters[ci].dependents_closure(ri);
        let was_online: Vec<usize> = down
            .iter()
            .copied()
            .filter(|i| self.clusters[ci].resources[*i].state == ResourceState::Online)
            .collect();
        for i in &down {
            self.clusters[ci].resources[*i].state = ResourceState::Offline;
        }
        self.clusters[ci].resources[ri].state = ResourceState::Failed;
        self.track_service(ci, &group, now, planned);
        if action != 0 && recent < threshold {
            let r = &mut self.clusters[ci].resources[ri];
            r.restarts.retain(|t| now - *t < period);
            r.restarts.push(now);
            r.state = ResourceState::Offline;
            let t = self.online_set(ci, &group, &was_online, now, planned);
            self.clock = self.clock.max(t);
            return;
        }
        if action == 2 {
            // Fail the group over, subject to its failover threshold.
            self.clusters[ci].resources[ri].restarts.clear();
            let t = self.failover_group(ci, &group, &owner, now, planned, Some(group_online));
            self.clock = self.clock.max(t);
        } else {
            self.event(now, &owner, "ClusSvc", 1205, EntryType::Error, format!("The Cluster service failed to bring the Resource Group \"{}\" completely online or offline.", group), planned);
        }
    }

    /// Fails a group over from `from` (C5, C8); the resources in `bring` (default: those
    /// that were online) come online on the target. Returns when it is done.
    pub(crate) fn failover_group(
        &mut self,
        ci: usize,
        group: &str,
        from: &str,
        start: Ticks,
        planned: bool,
        bring: Option<Vec<usize>>,
    ) -> Ticks {
        let Ok(gi) = self.clusters[ci].group_idx(group) else {
            return start;
        };
        let set = self.clusters[ci].resources_in(group);
        let bring = bring.unwrap_or_else(|| {
            set.iter()
                .copied()
                .filter(|i| self.clusters[ci].resources[*i].state != ResourceState::Offline)
                .collect()
        });
        // C8: too many failovers within the period leave the group where it is.
        let g = &mut self.clusters[ci].groups[gi];
        let period = i64::from(g.failover_period) * 3600 * TICKS_PER_SECOND;
        g.failovers.retain(|t| start - *t < period);
        if g.failovers.len() >= g.failover_threshold as usize {
            // The Cluster service fails all the group's resources and leaves the whole
            // group offline where it is (domain-sources 5.2, Windows 2003 docs).
            let end = self.offline_set(ci, group, &set, start, planned);
            for i in &bring {
                self.clusters[ci].resources[*i].state = ResourceState::Failed;
            }
            self.clock = self.clock.max(end);
            self.event(start, from, "ClusSvc", 1205, EntryType::Error, format!("The Cluster service failed to bring the Resource Group \"{}\" completely online or offline.", group), planned);
            return start;
        }
        g.failovers.push(start);
        let Some(target) = self.failover_target(ci, group, from, true) else {
            self.log_placement_refusals(ci, group, from, start, planned);
            for i in &bring {
                if self.clusters[ci].resources[*i].state == ResourceState::Online {
                    continue;
                }
                self.clusters[ci].resources[*i].state = ResourceState::Offline;
            }
            self.event(start, from, "ClusSvc", 1205, EntryType::Error, format!("The Cluster service failed to bring the Resource Group \"{}\" completely online or offline.", group), planned);
            return start;
        };
        self.event(start, &target, "ClusSvc", 1153, EntryType::Information, format!("Cluster service is attempting to failover the Cluster Resource Group '{}' from node '{}' to node '{}'.", group, from, target), planned);
        let mid = self.offline_set(ci, group, &set, start, planned);
        self.clusters[ci].groups[gi].owner = target.clone();
        for i in &set {
            if self.clusters[ci].resources[*i].state == ResourceState::Failed {
                self.clusters[ci].resources[*i].state = ResourceState::Offline;
            }
        }
        if self.clusters[ci].node(&target).map(|n| n.state) == Some(NodeState::Up) {
            self.online_set(ci, group, &bring, mid, planned)
        } else {
            mid
        }
    }

    /// C6: a node goes down; after the heartbeat timeout its groups fail over.
    fn node_fault(&mut self, node: &str, fault: Fault) -> Result<(), ModelError> {
        let ci = self.cluster_idx_of_node(node)?;
        let name = self.clusters[ci]
            .node(node)
            .map(|n| n.name.clone())
            .unwrap_or_default();
        if matches!(
            self.clusters[ci].node(&name).map(|n| n.state),
            Some(NodeState::Down)
        ) {
            return Err(ModelError::win32(5050));
        }
        let now = self.clock;
        if let Some(s) = self.server_mut(&name) {
            match fault {
                Fault::Crash | Fault::PowerLoss => {
                    s.power = Power::Off;
                    for sv in &mut s.services {
                        sv.status = ServiceStatus::Stopped;
                    }
                }
                Fault::ClusterServiceStop => {
                    if let Some(sv) = s.services.iter_mut().find(|x| eq(&x.name, "ClusSvc")) {
                        sv.status = ServiceStatus::Stopped;
                    }
                }
                Fault::NetworkLoss => {}
            }
        }
        let owned_before: Vec<String> = self.clusters[ci]
            .groups
            .iter()
            .filter(|g| eq(&g.owner, &name))
            .map(|g| g.name.clone())
            .collect();
        self.node_down(ci, &name, now, false);
        // X5: a CCR clustered mailbox server that failed over mounts its databases only
        // within the mount dial.
        for g in owned_before {
            self.after_unplanned_cms_failover(ci, &g, &name);
        }
        Ok(())
    }

    /// A node has left the membership at `now`: detection, quorum, failovers.
    pub(crate) fn node_down(&mut self, ci: usize, name: &str, now: Ticks, planned: bool) {
        if let Some(n) = self.clusters[ci].node_mut(name) {
            n.state = NodeState::Down;
        }
        // Its resources stop at once.
        let owned: Vec<String> = self.clusters[ci]
            .groups
            .iter()
            .filter(|g| eq(&g.owner, name))
            .map(|g| g.name.clone())
            .collect();
        let mut was_online: Vec<(String, Vec<usize>)> = Vec::new();
        for g in &owned {
            let set = self.clusters[ci].resources_in(g);
            let on: Vec<usize> = set
                .iter()
                .copied()
                .filter(|i| self.clusters[ci].resources[*i].state != ResourceState::Offline)
                .collect();
            for i in &set {
                self.clusters[ci].resources[*i].state = ResourceState::Offline;
            }
            self.track_service(ci, g, now, planned);
            was_online.push((g.clone(), on));
        }
        let detect = now + HEARTBEAT_SECONDS * TICKS_PER_SECOND;
        let survivors: Vec<String> = self.clusters[ci]
            .nodes
            .iter()
            .filter(|n| n.state != NodeState::Down)
            .map(|n| n.name.clone())
            .collect();
        for s in &survivors {
            self.event(detect, s, "ClusSvc", 1135, EntryType::Warning, format!("Cluster node '{}' was removed from the active server cluster membership. Cluster service may have been stopped on the node, the node may have failed, or the node may have lost communication with the other active server cluster nodes.", name), planned);
        }
        self.clock = self.clock.max(detect);
        if !self.check_quorum(ci, planned) {
            return;
        }
        let mut end = detect;
        for (g, on) in was_online {
            let t = self.failover_group(ci, &g, name, detect, planned, Some(on));
            end = end.max(t);
        }
        self.clock = self.clock.max(end);
    }

    /// C11: stops the cluster when quorum is lost. Returns whether it still runs.
    pub(crate) fn check_quorum(&mut self, ci: usize, planned: bool) -> bool {
        let witness = self.witness_up(&self.clusters[ci]);
        let (have, need) = self.clusters[ci].quorum_votes(witness);
        if have >= need {
            return self.clusters[ci].running;
        }
        if !self.clusters[ci].running {
            return false;
        }
        let now = self.clock;
        let survivors: Vec<String> = self.clusters[ci]
            .nodes
            .iter()
            .filter(|n| n.state != NodeState::Down)
            .map(|n| n.name.clone())
            .collect();
        for s in &survivors {
            self.event(
                now,
                s,
                "ClusSvc",
                1177,
                EntryType::Error,
                "The Cluster service is shutting down because quorum was lost.".into(),
                planned,
            );
        }
        let c = &mut self.clusters[ci];
        c.running = false;
        for r in &mut c.resources {
            r.state = ResourceState::Offline;
        }
        for n in &mut c.nodes {
            n.state = NodeState::Down;
        }
        false
    }

    /// Powers a node on / heals it and waits until it has rejoined.
    pub(crate) fn restore_node(&mut self, node: &str) -> Result<(), ModelError> {
        let ci = self.cluster_idx_of_node(node)?;
        let name = self.clusters[ci]
            .node(node)
            .map(|n| n.name.clone())
            .unwrap_or_default();
        let now = self.clock;
        let powered = self.server(&name).is_some_and(|s| s.power == Power::On);
        let node_state = self.clusters[ci].node(&name).map(|n| n.state);
        if powered && node_state != Some(NodeState::Down) && self.clusters[ci].running {
            return Err(ModelError::win32(5065));
        }
        let done = if powered {
            // Network or cluster service: rejoin after the service starts.
            if let Some(s) = self.server_mut(&name) {
                if let Some(sv) = s.services.iter_mut().find(|x| eq(&x.name, "ClusSvc")) {
                    sv.status = ServiceStatus::Running;
                }
            }
            now + 10 * TICKS_PER_SECOND
        } else {
            let delay = i64::from(self.server(&name).map(|s| s.boot_delay).unwrap_or(0));
            now + (delay + REBOOT_SECONDS) * TICKS_PER_SECOND
        };
        self.scheduled.push(Scheduled {
            at: done,
            action: Due::BootComplete {
                server: name.clone(),
            },
        });
        self.run_until(done);
        Ok(())
    }

    /// Restart-Computer: groups move away, the node goes down, and comes back after the
    /// reboot time (waited for with `wait`).
    pub(crate) fn restart_server(
        &mut self,
        server: &str,
        wait: bool,
        restart: bool,
    ) -> Result<(), ModelError> {
        let Some(s) = self.server(server) else {
            return Err(ModelError::other(
                format!("Cannot find computer '{}'.", server),
                ErrorKind::NotFound,
            ));
        };
        if s.power == Power::Off {
            return Err(ModelError::win32(1722));
        }
        let name = s.name.clone();
        let now = self.clock;
        if let Ok(ci) = self.cluster_idx_of_node(&name) {
            self.evacuate(ci, &name, now);
        }
        let at = self.clock;
        self.event(
            at,
            &name,
            "EventLog",
            6006,
            EntryType::Information,
            "The Event log service was stopped.".into(),
            true,
        );
        if let Some(s) = self.server_mut(&name) {
            s.power = Power::Off;
            s.pending_reboot = false;
            for sv in &mut s.services {
                sv.status = ServiceStatus::Stopped;
            }
        }
        if !restart {
            return Ok(());
        }
        let delay = i64::from(self.server(&name).map(|s| s.boot_delay).unwrap_or(0));
        let done = at + (delay + REBOOT_SECONDS) * TICKS_PER_SECOND;
        self.scheduled.push(Scheduled {
            at: done,
            action: Due::BootComplete { server: name },
        });
        if wait {
            self.run_until(done);
        }
        Ok(())
    }

    /// A clean stop of a node's cluster service (shutdown, `net stop clussvc`): its groups
    /// move to other nodes first, then it leaves the membership (no heartbeat wait).
    pub(crate) fn evacuate(&mut self, ci: usize, name: &str, now: Ticks) {
        if !self.clusters[ci]
            .node(name)
            .is_some_and(|n| n.state != NodeState::Down)
        {
            return;
        }
        let owned: Vec<String> = self.clusters[ci]
            .groups
            .iter()
            .filter(|g| eq(&g.owner, name))
            .map(|g| g.name.clone())
            .collect();
        let mut t = now;
        if self.clusters[ci].running {
            for g in owned {
                let end = self.failover_group(ci, &g, name, now, true, None);
                t = t.max(end);
            }
        }
        self.clock = self.clock.max(t);
        if let Some(n) = self.clusters[ci].node_mut(name) {
            n.state = NodeState::Down;
        }
        // Whatever could not move stops with the node.
        let left: Vec<usize> = self.clusters[ci]
            .groups
            .iter()
            .filter(|g| eq(&g.owner, name))
            .flat_map(|g| self.clusters[ci].resources_in(&g.name))
            .collect();
        for i in left {
            self.clusters[ci].resources[i].state = ResourceState::Offline;
        }
        self.check_quorum(ci, true);
    }

    /// Runs what falls due up to `target`, then sets the clock there.
    pub fn run_until(&mut self, target: Ticks) {
        loop {
            self.scheduled.sort_by_key(|s| s.at);
            let Some(first) = self.scheduled.first() else {
                break;
            };
            if first.at > target {
                break;
            }
            let s = self.scheduled.remove(0);
            self.clock = self.clock.max(s.at);
            match s.action {
                Due::BootComplete { server } => self.boot_complete(&server),
                Due::PowerOn { server } => {
                    let delay = i64::from(self.server(&server).map(|s| s.boot_delay).unwrap_or(0));
                    let at = self.clock + (delay + REBOOT_SECONDS) * TICKS_PER_SECOND;
                    self.scheduled.push(Scheduled {
                        at,
                        action: Due::BootComplete { server },
                    });
                }
            }
        }
        self.clock = self.clock.max(target);
    }

    /// A server has booted: services per start type (C14), the node joins (paused if it
    /// was), quorum may return, failback (C9).
    fn boot_complete(&mut self, server: &str) {
        let now = self.clock;
        let was_off = self.server(server).is_some_and(|s| s.power == Power::Off);
        if let Some(s) = self.server_mut(server) {
            s.power = Power::On;
            for sv in &mut s.services {
                sv.status = if sv.start_type == StartType::Automatic {
                    ServiceStatus::Running
                } else {
                    ServiceStatus::Stopped
                };
            }
        }
        if was_off {
            self.event(
                now,
                server,
                "EventLog",
                6005,
                EntryType::Information,
                "The Event log service was started.".into(),
                false,
            );
        }
        let Ok(ci) = self.cluster_idx_of_node(server) else {
            return;
        };
        let name = self.clusters[ci]
            .node(server)
            .map(|n| n.name.clone())
            .unwrap_or_default();
        let clussvc_running = self
            .server(&name)
            .and_then(|s| s.services.iter().find(|x| eq(&x.name, "ClusSvc")))
            .is_none_or(|x| x.status == ServiceStatus::Running);
        if !clussvc_running {
            return;
        }
        let cname = self.clusters[ci].name.clone();
        if let Some(n) = self.clusters[ci].node_mut(&name) {
            n.state = if n.paused {
                NodeState::Paused
            } else {
                NodeState::Up
            };
        }
        self.event(
            now,
            &name,
            "ClusSvc",
            1062,
            EntryType::Information,
            format!(
                "Cluster service successfully joined the server cluster {}.",
                cname
            ),
            false,
        );
        if !self.clusters[ci].running {
            // Quorum regained: the cluster forms again and groups come back. Every powered
            // node whose cluster service runs (it keeps trying to form) has a vote.
            let mut trial = self.clusters[ci].clone();
            for n in &mut trial.nodes {
                if self.clussvc_runs(&n.name) {
                    n.state = if n.paused {
                        NodeState::Paused
                    } else {
                        NodeState::Up
                    };
                }
            }
            let witness = self.witness_up(&trial);
            let (have, need) = trial.quorum_votes(witness);
            if have >= need {
                self.reform(ci);
            }
            return;
        }
        self.failback(ci, &name);
    }

    /// A server is on and its cluster service runs.
    fn clussvc_runs(&self, server: &str) -> bool {
        self.server(server).is_some_and(|s| {
            s.power == Power::On
                && s.services
                    .iter()
                    .find(|x| eq(&x.name, "ClusSvc"))
                    .is_none_or(|x| x.status == ServiceStatus::Running)
        })
    }

    /// After quorum returns: every powered node with its cluster service rejoins and the
    /// groups come online on their owners (or the best node).
    fn reform(&mut self, ci: usize) {
        let now = self.clock;
        self.clusters[ci].running = true;
        let names: Vec<String> = self.clusters[ci]
            .nodes
            .iter()
            .map(|n| n.name.clone())
            .collect();
        for n in names {
            let ok = self.server(&n).is_some_and(|s| {
                s.power == Power::On
                    && s.services
                        .iter()
                        .find(|x| eq(&x.name, "ClusSvc"))
                        .is_none_or(|x| x.status == ServiceStatus::Running)
            });
            if let Some(node) = self.clusters[ci].node_mut(&n) {
                node.state = if !ok {
                    NodeState::Down
                } else if node.paused {
                    NodeState::Paused
                } else {
                    NodeState::Up
                };
            }
        }
        let groups: Vec<(String, String, bool)> = self.clusters[ci]
            .groups
            .iter()
            .map(|g| (g.name.clone(), g.owner.clone(), g.persistent_state))
            .collect();
        let mut end = now;
        for (g, owner, persistent) in groups {
            let owner_up = self.clusters[ci]
                .node(&owner)
                .is_some_and(|n| n.state == NodeState::Up);
            let target = if owner_up && self.clusters[ci].possible_owner(&g, &owner) {
                Some(owner.clone())
            } else {
                self.failover_target(ci, &g, &owner, false)
            };
            let Some(t) = target else { continue };
            if let Ok(gi) = self.clusters[ci].group_idx(&g) {
                self.clusters[ci].groups[gi].owner = t;
            }
            if persistent {
                let set = self.clusters[ci].resources_in(&g);
                end = end.max(self.online_set(ci, &g, &set, now, false));
            }
        }
        self.clock = self.clock.max(end);
    }

    /// C9: groups that prefer the node that just joined move back, now or in the window.
    fn failback(&mut self, ci: usize, joined: &str) {
        let now = self.clock;
        let hour = ((now / (3600 * TICKS_PER_SECOND)) % 24) as i32;
        let candidates: Vec<String> = self.clusters[ci]
            .groups
            .iter()
            .filter(|g| g.auto_failback_type == 1)
            .filter(|g| {
                let pos_joined = g.preferred_owners.iter().position(|p| eq(p, joined));
                let pos_owner = g.preferred_owners.iter().position(|p| eq(p, &g.owner));
                match (pos_joined, pos_owner) {
                    (Some(j), Some(o)) => j < o,
                    (Some(_), None) => true,
                    _ => false,
                }
            })
            .filter(|g| {
                let (s, e) = (g.failback_window_start, g.failback_window_end);
                if s < 0 || e < 0 {
                    return true;
                }
                if s <= e {
                    hour >= s && hour < e
                } else {
                    hour >= s || hour < e
                }
            })
            .map(|g| g.name.clone())
            .collect();
        let mut end = now;
        for g in candidates {
            if self.clusters[ci].node(joined).map(|n| n.state) != Some(NodeState::Up)
                || !self.clusters[ci].possible_owner(&g, joined)
            {
                continue;
            }
            if self.placement_check(ci, &g, joined).is_err() {
                continue;
            }
            end = end.max(self.move_group(ci, &g, joined, now, true));
        }
        self.clock = self.clock.max(end);
    }

    /// The invariants every operation keeps (checked after each one).
    pub fn check_invariants(&self) -> Result<(), String> {
        self.exchange_invariants()?;
        // One pass over the resources with name maps: this runs after every operation,
        // so it must stay linear in the size of the cluster.
        for c in &self.clusters {
            let by_name: rustc_hash::FxHashMap<String, &Resource> = c
                .resources
                .iter()
                .map(|r| (r.name.to_ascii_lowercase(), r))
                .collect();
            let groups: rustc_hash::FxHashMap<String, &Group> = c
                .groups
                .iter()
                .map(|g| (g.name.to_ascii_lowercase(), g))
                .collect();
            for g in &c.groups {
                if c.node(&g.owner).is_none() {
                    return Err(format!(
                        "group '{}' is owned by '{}', not a node of {}",
                        g.name, g.owner, c.name
                    ));
                }
            }
            for r in &c.resources {
                let Some(g) = groups.get(&r.group.to_ascii_lowercase()) else {
                    return Err(format!(
                        "resource '{}' is in unknown group '{}'",
                        r.name, r.group
                    ));
                };
                for d in &r.dependencies {
                    match by_name.get(&d.to_ascii_lowercase()) {
                        Some(p) if eq(&p.group, &r.group) => {
                            if r.state == ResourceState::Online && p.state != ResourceState::Online
                            {
                                return Err(format!(
                                    "resource '{}' is online but its provider '{}' is not",
                                    r.name, d
                                ));
                            }
                        }
                        _ => {
                            return Err(format!(
                                "resource '{}' depends on '{}' outside its group",
                                r.name, d
                            ))
                        }
                    }
                }
                if r.state == ResourceState::Online {
                    if !c.running {
                        return Err(format!(
                            "resource '{}' is online in stopped cluster {}",
                            r.name, c.name
                        ));
                    }
                    let Some(owner) = c.node(&g.owner) else {
                        continue;
                    };
                    if !matches!(owner.state, NodeState::Up | NodeState::Paused) {
                        return Err(format!(
                            "resource '{}' is online on {} node '{}'",
                            r.name,
                            owner.state.name(),
                            owner.name
                        ));
                    }
                    if !r.possible_owners.iter().any(|o| eq(o, &owner.name)) {
                        return Err(format!(
                            "resource '{}' is online on '{}', not a possible owner",
                            r.name, owner.name
                        ));
                    }
                }
            }
        }
        for c in &self.clusters {
            let mut ids: Vec<u32> = c.nodes.iter().map(|n| n.id).collect();
            ids.sort_unstable();
            if ids.windows(2).any(|w| w[0] == w[1]) {
                return Err(format!("two nodes of {} share an ID", c.name));
            }
        }
        if self.events.windows(2).any(|w| w[0].time > w[1].time) {
            return Err("events out of time order".into());
        }
        if self.events.last().is_some_and(|e| e.time > self.clock) {
            return Err("an event is later than the clock".into());
        }
        Ok(())
    }
}
