//! Exchange 2007 objects as the Exchange Management Shell shows them.

use crate::engine::value::{PsObject, Value};
use crate::model::exchange::{admin_display_version, cms_state, Cms};
use crate::model::World;

pub const CMS_STATUS: &str =
    "Microsoft.Exchange.Management.SystemConfigurationTasks.ClusteredMailboxServerStatus";
pub const SERVER: &str = "Microsoft.Exchange.Data.Directory.Management.ExchangeServer";

fn strings(v: &[String]) -> Value {
    Value::array(v.iter().map(|s| Value::string(s.clone())).collect())
}

/// Get-ClusteredMailboxServerStatus's object (X4).
pub fn status_object(w: &World, cms: &Cms) -> Value {
    let c = w
        .clusters
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(&cms.cluster));
    let (state, owner, quorum_owner, up, failed) = match c {
        Some(c) => {
            let owner = c
                .group(&cms.name)
                .map(|g| g.owner.clone())
                .unwrap_or_default();
            let quorum_owner = c
                .group("Cluster Group")
                .map(|g| g.owner.clone())
                .unwrap_or_default();
            let up: Vec<String> = c
                .nodes
                .iter()
                .filter(|n| n.state != crate::model::NodeState::Down)
                .map(|n| n.name.clone())
                .collect();
            let failed: Vec<String> = c
                .resources_in(&cms.name)
                .iter()
                .map(|i| &c.resources[*i])
                .filter(|r| r.state != crate::model::ResourceState::Online)
                .map(|r| format!("{} ({})", r.name, r.state.name()))
                .collect();
            (
                cms_state(c.group_state(&cms.name)),
                owner,
                quorum_owner,
                up,
                failed,
            )
        }
        None => (
            "Failed",
            String::new(),
            String::new(),
            Vec::new(),
            Vec::new(),
        ),
    };
    // `NODE1 <Active, Quorum Owner>` (DOMAIN.md X4).
    let machines: Vec<String> = up
        .iter()
        .map(|n| {
            let mut notes = Vec::new();
            if n.eq_ignore_ascii_case(&owner) {
                notes.push("Active");
            }
            if n.eq_ignore_ascii_case(&quorum_owner) {
                notes.push("Quorum Owner");
            }
            if notes.is_empty() {
                n.clone()
            } else {
                format!("{} <{}>", n, notes.join(", "))
            }
        })
        .collect();
    let domain = w.domain.to_lowercase();
    let lower: Vec<String> = cms
        .redundant_machines
        .iter()
        .map(|m| m.to_lowercase())
        .collect();
    let mut o = PsObject::with_type(CMS_STATUS);
    o.set("Identity", Value::string(cms.name.clone()));
    o.set(
        "ClusteredMailboxServerName",
        Value::string(format!("{}.{}.com", cms.name, domain)),
    );
    o.set("State", Value::str(state));
    o.set("OperationalMachines", strings(&machines));
    o.set("FailedResources", strings(&failed));
    o.set("OperationalReplicationHostNames", strings(&lower));
    o.set("FailedReplicationHostNames", Value::array(Vec::new()));
    o.set("InUseReplicationHostNames", strings(&lower));
    o.set("IsValid", Value::Bool(true));
    o.set("ObjectState", Value::str("Unchanged"));
    Value::object(o)
}

/// Get-ExchangeServer's object.
pub fn server_object(w: &World, name: &str, roles: &str, version: &str, is_cms: bool) -> Value {
    let mut o = PsObject::with_type(SERVER);
    o.set("Name", Value::string(name.to_string()));
    o.set(
        "Site",
        Value::string(format!(
            "{}.com/Configuration/Sites/Default-First-Site-Name",
            w.domain.to_lowercase()
        )),
    );
    o.set("ServerRole", Value::string(roles.to_string()));
    o.set("Edition", Value::str("Enterprise"));
    o.set(
        "AdminDisplayVersion",
        Value::string(admin_display_version(version)),
    );
    o.set("IsClusteredMailboxServer", Value::Bool(is_cms));
    let has = |r: &str| roles.split(',').any(|x| x.trim().eq_ignore_ascii_case(r));
    o.set("IsMailboxServer", Value::Bool(has("Mailbox") || is_cms));
    o.set("IsHubTransportServer", Value::Bool(has("HubTransport")));
    o.set("IsClientAccessServer", Value::Bool(has("ClientAccess")));
    o.set("IsEdgeServer", Value::Bool(has("Edge")));
    o.set(
        "IsUnifiedMessagingServer",
        Value::Bool(has("UnifiedMessaging")),
    );
    o.set(
        "IsExchange2007OrLater",
        Value::Bool(version.starts_with('8')),
    );
    o.set(
        "Domain",
        Value::string(format!("{}.com", w.domain.to_lowercase())),
    );
    o.set(
        "Fqdn",
        Value::string(format!("{}.{}.com", name, w.domain.to_lowercase())),
    );
    o.set("__ToString", Value::string(name.to_string()));
    Value::object(o)
}

/// Storage groups of the CMSs (and EVSs) matching an identity or server filter:
/// (server, storage group).
pub fn storage_groups(
    w: &World,
    identity: &Option<String>,
    server: &Option<String>,
) -> Vec<(String, crate::model::exchange::StorageGroup)> {
    let mut all: Vec<(String, crate::model::exchange::StorageGroup)> = Vec::new();
    for c in &w.exchange.clustered_mailbox_servers {
        all.extend(c.storage_groups.iter().map(|s| (c.name.clone(), s.clone())));
    }
    for e in &w.exchange.virtual_servers {
        all.extend(e.storage_groups.iter().map(|s| (e.name.clone(), s.clone())));
    }
    all.into_iter()
        .filter(|(srv, _)| server.as_ref().is_none_or(|x| x.eq_ignore_ascii_case(srv)))
        .filter(|(srv, sg)| match identity {
            None => true,
            Some(id) => {
                let full = format!("{}\\{}", srv, sg.name);
                crate::engine::ops::wildcard_regex(id, false)
                    .is_ok_and(|re| re.is_match(&full) || re.is_match(&sg.name))
            }
        })
        .collect()
}
