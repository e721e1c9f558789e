//! The entities of the simulated world (DOMAIN.md §1), serializable as a lab file.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The lab file format version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Simulated time: .NET ticks (100 ns) since 0001-01-01.
pub type Ticks = i64;
pub const TICKS_PER_SECOND: i64 = 10_000_000;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct World {
    pub schema_version: u32,
    /// The lab's name (`ccr`, `e2k3`...).
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// Simulated now.
    pub clock: Ticks,
    /// Seed of any randomness (timing jitter), printed in reports.
    #[serde(default)]
    pub seed: u64,
    pub domain: String,
    /// The account the session runs as (`CONTOSO\exadmin`).
    pub identity: String,
    /// The node the session starts on.
    pub start_node: String,
    /// Connected MAPI clients per Exchange virtual server at this hour (scales Store
    /// offline time: about 1 s per 100 connections).
    #[serde(default)]
    pub mapi_clients: u32,
    #[serde(default)]
    pub accounts: Vec<Account>,
    pub servers: Vec<Server>,
    pub clusters: Vec<Cluster>,
    #[serde(default)]
    pub media: Vec<Media>,
    /// Exchange organization data (storage groups, copies, versions); free-form until
    /// the Exchange model gives it structure.
    #[serde(default)]
    pub exchange: crate::model::exchange::Exchange,
    #[serde(default)]
    pub events: Vec<Event>,
    /// The sequence number of the next event.
    #[serde(default)]
    pub next_event: u64,
    /// Outages of the Exchange services and databases (downtime accounting, DOMAIN.md §5).
    #[serde(default)]
    pub outages: Vec<Outage>,
    /// Things due later in simulated time (reboots completing, failbacks).
    #[serde(default)]
    pub scheduled: Vec<Scheduled>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// `CONTOSO\exadmin`.
    pub name: String,
    /// Nodes/servers where the account is in local Administrators.
    #[serde(default)]
    pub local_admin_on: Vec<String>,
    /// Exchange roles: `Exchange Full Administrator:First Administrative Group`,
    /// `Exchange Server Administrator:E2K7CCR`, `Exchange View-Only Administrator`.
    #[serde(default)]
    pub exchange_roles: Vec<String>,
    #[serde(default)]
    pub groups: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Power {
    On,
    Off,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Server {
    pub name: String,
    pub os: String,
    #[serde(default)]
    pub service_pack: String,
    #[serde(default)]
    pub dotnet: String,
    /// Exchange build installed (`8.0.685.25`), if any.
    #[serde(default)]
    pub exchange_version: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub hotfixes: Vec<String>,
    #[serde(default)]
    pub services: Vec<Service>,
    #[serde(default)]
    pub pending_reboot: bool,
    /// Seconds the machine waits before booting after power returns (staggered boot).
    #[serde(default)]
    pub boot_delay: u32,
    pub power: Power,
    /// The cluster this server is a node of.
    #[serde(default)]
    pub cluster: Option<String>,
    #[serde(default)]
    pub domain_controller: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceStatus {
    Running,
    Stopped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StartType {
    Automatic,
    Manual,
    Disabled,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    pub name: String,
    pub display_name: String,
    pub status: ServiceStatus,
    pub start_type: StartType,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuorumKind {
    /// A quorum Physical Disk resource (Windows 2000/2003).
    Disk,
    MajorityNodeSet,
    /// Majority Node Set with a file share witness (2003 SP2 / KB921181).
    MajorityNodeSetWithWitness,
    NodeMajority,
    NodeAndDiskMajority,
    NodeAndFileShareMajority,
    DiskOnly,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quorum {
    pub kind: QuorumKind,
    /// The quorum resource (disk, MNS or witness resource), if any.
    #[serde(default)]
    pub resource: Option<String>,
    /// The witness share (`\\HUBCAS\FSW_CLUS1`).
    #[serde(default)]
    pub witness: Option<String>,
    #[serde(default = "yes")]
    pub witness_online: bool,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NodeState {
    Up,
    Down,
    Paused,
    Joining,
}

impl NodeState {
    pub fn name(self) -> &'static str {
        match self {
            NodeState::Up => "Up",
            NodeState::Down => "Down",
            NodeState::Paused => "Paused",
            NodeState::Joining => "Joining",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub name: String,
    pub id: u32,
    pub state: NodeState,
    /// Paused by the administrator (survives reboots, C4).
    #[serde(default)]
    pub paused: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    pub name: String,
    /// `Public`, `Private` (heartbeat) or `Mixed`.
    pub role: String,
    #[serde(default = "up_text")]
    pub state: String,
}

fn up_text() -> String {
    "Up".into()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ResourceState {
    Online,
    Offline,
    Failed,
    OnlinePending,
    OfflinePending,
}

impl ResourceState {
    /// FailoverClusters spelling.
    pub fn name(self) -> &'static str {
        match self {
            ResourceState::Online => "Online",
            ResourceState::Offline => "Offline",
            ResourceState::Failed => "Failed",
            ResourceState::OnlinePending => "OnlinePending",
            ResourceState::OfflinePending => "OfflinePending",
        }
    }
    /// cluster.exe spelling.
    pub fn cluster_exe(self) -> &'static str {
        match self {
            ResourceState::Online => "Online",
            ResourceState::Offline => "Offline",
            ResourceState::Failed => "Failed",
            ResourceState::OnlinePending => "Online Pending",
            ResourceState::OfflinePending => "Offline Pending",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupState {
    Online,
    Offline,
    PartialOnline,
    Failed,
    Pending,
}

impl GroupState {
    pub fn name(self) -> &'static str {
        match self {
            GroupState::Online => "Online",
            GroupState::Offline => "Offline",
            GroupState::PartialOnline => "PartialOnline",
            GroupState::Failed => "Failed",
            GroupState::Pending => "Pending",
        }
    }
    pub fn cluster_exe(self) -> &'static str {
        match self {
            GroupState::PartialOnline => "Partially Online",
            other => other.name(),
        }
    }
}

fn ten() -> u32 {
    10
}
fn six() -> u32 {
    6
}
fn minus_one() -> i32 {
    -1
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    pub owner: String,
    #[serde(default)]
    pub preferred_owners: Vec<String>,
    #[serde(default = "ten")]
    pub failover_threshold: u32,
    #[serde(default = "six")]
    pub failover_period: u32,
    #[serde(default)]
    pub auto_failback_type: u32,
    #[serde(default = "minus_one")]
    pub failback_window_start: i32,
    #[serde(default = "minus_one")]
    pub failback_window_end: i32,
    /// The administrator's last online/offline intent.
    #[serde(default = "yes")]
    pub persistent_state: bool,
    /// Times of recent failovers (for the threshold, C8).
    #[serde(default)]
    pub failovers: Vec<Ticks>,
    #[serde(default)]
    pub description: String,
}

fn two() -> u32 {
    2
}
fn three() -> u32 {
    3
}
fn restart_period() -> u32 {
    900_000
}
fn pending_timeout() -> u32 {
    180_000
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub name: String,
    /// Resource type (`IP Address`, `Network Name`, `Physical Disk`...).
    pub kind: String,
    pub group: String,
    pub state: ResourceState,
    /// Nodes allowed to host it.
    pub possible_owners: Vec<String>,
    /// Providers this resource depends on (same group).
    #[serde(default)]
    pub dependencies: Vec<String>,
    #[serde(default = "two")]
    pub restart_action: u32,
    #[serde(default = "three")]
    pub restart_threshold: u32,
    #[serde(default = "restart_period")]
    pub restart_period: u32,
    #[serde(default = "pending_timeout")]
    pub pending_timeout: u32,
    /// Private properties (Address, Name, Drive, SharePath...).
    #[serde(default)]
    pub private: IndexMap<String, String>,
    /// Times of recent restarts after failures (C7).
    #[serde(default)]
    pub restarts: Vec<Ticks>,
    /// Extra seconds the next online takes (index rebuild after a service pack...).
    #[serde(default)]
    pub extra_online: u32,
    /// LooksAlive poll interval (ms); the type's default is 5000.
    #[serde(default = "looks_alive")]
    pub looks_alive_poll_interval: u32,
    /// IsAlive poll interval (ms); the type's default is 60000.
    #[serde(default = "is_alive")]
    pub is_alive_poll_interval: u32,
    /// Fault injected: the resource stops answering the Resource Monitor, so its next
    /// online or offline stays pending until PendingTimeout (C10).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hung: bool,
}

fn looks_alive() -> u32 {
    5000
}
fn is_alive() -> u32 {
    60_000
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub name: String,
    pub ip: String,
    /// `2000`, `2003` or `2008`.
    pub os_generation: u32,
    pub quorum: Quorum,
    pub nodes: Vec<Node>,
    #[serde(default)]
    pub networks: Vec<Network>,
    pub groups: Vec<Group>,
    pub resources: Vec<Resource>,
    /// False after quorum loss, until a node restores it.
    #[serde(default = "yes")]
    pub running: bool,
    /// Which resources each group holds (derived; rebuilt when resources are added,
    /// removed or moved between groups).
    #[serde(skip)]
    pub members: MemberCache,
}

/// A derived index, not part of the world's state: equal whatever it holds.
#[derive(Clone, Debug, Default)]
pub struct MemberCache(
    pub std::cell::RefCell<Option<std::rc::Rc<rustc_hash::FxHashMap<String, Vec<usize>>>>>,
);

impl PartialEq for MemberCache {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl MemberCache {
    /// Forgets the index (after resources change groups or indexes).
    pub fn invalidate(&self) {
        self.0.replace(None);
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Media {
    pub name: String,
    pub path: String,
    pub product: String,
    pub version: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryType {
    Information,
    Warning,
    Error,
}

impl EntryType {
    pub fn name(self) -> &'static str {
        match self {
            EntryType::Information => "Information",
            EntryType::Warning => "Warning",
            EntryType::Error => "Error",
        }
    }
}

/// One event-log entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub time: Ticks,
    pub server: String,
    /// `System`, `Application` or `Cluster`.
    pub log: String,
    pub source: String,
    pub event_id: u32,
    pub entry_type: EntryType,
    pub message: String,
    /// Planned (administrator action) or unplanned (fault): for downtime reports.
    #[serde(default)]
    pub planned: bool,
    /// Order of recording (events are kept sorted by time).
    #[serde(default)]
    pub seq: u64,
}

/// Something due at a simulated time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheduled {
    pub at: Ticks,
    pub action: Due,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Due {
    /// A server finishes booting (and its node joins).
    BootComplete { server: String },
    /// A server powers on (after its boot delay, then boots).
    PowerOn { server: String },
}

/// One outage of a clustered Exchange service (EVS or CMS) or of one of its databases:
/// from the moment it stops serving until it serves again (`end` None while it lasts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outage {
    pub service: String,
    /// `Storage Group\Database`, or empty for the service itself.
    #[serde(default)]
    pub database: String,
    /// An administrator's action (planned) or a fault (unplanned).
    pub planned: bool,
    pub start: Ticks,
    #[serde(default)]
    pub end: Option<Ticks>,
}
