//! Read-only views of the world for the cmdlets: lookups by name (case-insensitive, as
//! Windows names are) and the event timeline. Nothing here changes state.

use crate::model::types::*;

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// A filter over the event timeline (Get-LabEvent, Get-EventLog). Empty fields match all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventQuery {
    pub server: Option<String>,
    /// `System`, `Application`.
    pub log: Option<String>,
    pub source: Option<String>,
    pub event_id: Option<u32>,
    pub entry_type: Option<EntryType>,
    /// Events at or after this time.
    pub since: Option<Ticks>,
    /// Events at or before this time.
    pub until: Option<Ticks>,
    /// Only the last N matches (Get-EventLog -Newest).
    pub newest: Option<usize>,
}

impl EventQuery {
    pub fn matches(&self, e: &Event) -> bool {
        self.server.as_deref().is_none_or(|s| eq(s, &e.server))
            && self.log.as_deref().is_none_or(|l| eq(l, &e.log))
            && self.source.as_deref().is_none_or(|s| eq(s, &e.source))
            && self.event_id.is_none_or(|i| i == e.event_id)
            && self.entry_type.is_none_or(|t| t == e.entry_type)
            && self.since.is_none_or(|t| e.time >= t)
            && self.until.is_none_or(|t| e.time <= t)
    }
}

impl World {
    /// Every event, in time order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The events a query selects, in time order.
    pub fn query_events(&self, q: &EventQuery) -> Vec<&Event> {
        let mut out: Vec<&Event> = self.events.iter().filter(|e| q.matches(e)).collect();
        if let Some(n) = q.newest {
            let skip = out.len().saturating_sub(n);
            out.drain(..skip);
        }
        out
    }

    /// The cluster log: the Cluster service's events on the cluster's nodes.
    pub fn cluster_log(&self, cluster: &str) -> Vec<&Event> {
        let Some(c) = self.cluster(cluster) else {
            return Vec::new();
        };
        self.events
            .iter()
            .filter(|e| eq(&e.source, "ClusSvc") && c.node(&e.server).is_some())
            .collect()
    }

    /// A cluster node by name, in whichever cluster it belongs to.
    pub fn node(&self, name: &str) -> Option<&Node> {
        self.clusters.iter().find_map(|c| c.node(name))
    }

    /// The nodes of a cluster (empty for an unknown cluster).
    pub fn nodes(&self, cluster: &str) -> &[Node] {
        self.cluster(cluster)
            .map(|c| c.nodes.as_slice())
            .unwrap_or(&[])
    }

    /// The groups of a cluster (empty for an unknown cluster).
    pub fn groups(&self, cluster: &str) -> &[Group] {
        self.cluster(cluster)
            .map(|c| c.groups.as_slice())
            .unwrap_or(&[])
    }

    /// A group by cluster and name.
    pub fn group(&self, cluster: &str, group: &str) -> Option<&Group> {
        self.cluster(cluster).and_then(|c| c.group(group))
    }

    /// The resources of a group, in lab order.
    pub fn resources_of<'a>(&'a self, cluster: &str, group: &'a str) -> Vec<&'a Resource> {
        self.cluster(cluster)
            .map(|c| c.resources_of(group).collect())
            .unwrap_or_default()
    }

    /// The cluster a console on `node` acts on: the node's own, else the lab's only one
    /// (DOMAIN.md §9).
    pub fn default_cluster(&self, node: &str) -> Option<&Cluster> {
        self.cluster_of_node(node)
            .or(match self.clusters.as_slice() {
                [only] => Some(only),
                _ => None,
            })
    }

    /// An account by name (`CONTOSO\exadmin`).
    pub fn account(&self, name: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| eq(&a.name, name))
    }

    /// The account the session runs as.
    pub fn current_account(&self) -> Option<&Account> {
        self.account(&self.identity)
    }

    /// A service of a server, by name or display name.
    pub fn service(&self, server: &str, service: &str) -> Option<&Service> {
        let s = self.server(server)?;
        s.services
            .iter()
            .find(|x| eq(&x.name, service))
            .or_else(|| s.services.iter().find(|x| eq(&x.display_name, service)))
    }
}

impl Cluster {
    /// The resources of a group, in lab order.
    pub fn resources_of<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Resource> + 'a {
        self.resources.iter().filter(move |r| eq(&r.group, group))
    }

    /// The resources that depend directly on `resource`.
    pub fn dependents_of(&self, resource: &str) -> Vec<&Resource> {
        self.resources
            .iter()
            .filter(|r| r.dependencies.iter().any(|d| eq(d, resource)))
            .collect()
    }

    /// The owner of the group holding the quorum resource (or of "Cluster Group").
    pub fn quorum_owner(&self) -> Option<&str> {
        let group = match self
            .quorum
            .resource
            .as_deref()
            .and_then(|q| self.resource(q))
        {
            Some(r) => r.group.as_str(),
            None => "Cluster Group",
        };
        self.group(group).map(|g| g.owner.as_str())
    }

    /// Whether the cluster service runs (quorum held).
    pub fn is_running(&self) -> bool {
        self.running
    }
}
