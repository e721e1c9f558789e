//! What changed between two states of the world (runbook steps, what-if, Compare-Lab)
//! and the downtime summary per service (reports, Get-DowntimeReport -Summary).

use indexmap::IndexMap;
use serde::Serialize;

use crate::model::types::*;

/// One observable property of the world: `group EVS1 owner = NODE1`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// `group`, `resource`, `node`, `server`, `evs`, `cms`, `copy`.
    pub kind: &'static str,
    pub object: String,
    /// The group of a resource (to summarize many resources of one group).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub group: String,
    pub property: &'static str,
    pub from: String,
    pub to: String,
}

type Key = (&'static str, String, String, &'static str);

/// The properties an administrator watches, in a stable order.
pub fn snapshot(w: &World) -> IndexMap<Key, String> {
    let mut m: IndexMap<Key, String> = IndexMap::new();
    let mut put = |kind, object: &str, group: &str, prop, value: String| {
        m.insert((kind, object.to_string(), group.to_string(), prop), value);
    };
    for c in &w.clusters {
        for n in &c.nodes {
            put("node", &n.name, "", "state", n.state.name().to_string());
        }
        for g in &c.groups {
            put("group", &g.name, "", "owner", g.owner.clone());
            put(
                "group",
                &g.name,
                "",
                "state",
                c.group_state(&g.name).name().to_string(),
            );
        }
        for r in &c.resources {
            put(
                "resource",
                &r.name,
                &r.group,
                "state",
                r.state.name().to_string(),
            );
        }
    }
    for s in &w.servers {
        let power = if s.power == Power::On { "On" } else { "Off" };
        put("server", &s.name, "", "power", power.to_string());
        put(
            "server",
            &s.name,
            "",
            "Exchange",
            s.exchange_version
                .clone()
                .unwrap_or_else(|| "(none)".into()),
        );
        put("server", &s.name, "", "hotfixes", s.hotfixes.join(", "));
        put(
            "server",
            &s.name,
            "",
            "pending reboot",
            if s.pending_reboot { "True" } else { "False" }.to_string(),
        );
        put("server", &s.name, "", ".NET", s.dotnet.clone());
    }
    for e in &w.exchange.virtual_servers {
        put("evs", &e.name, "", "version", e.version.clone());
    }
    for c in &w.exchange.clustered_mailbox_servers {
        put("cms", &c.name, "", "version", c.version.clone());
        for sg in &c.storage_groups {
            let status = crate::model::exchange::copy_status(w, c, sg);
            put(
                "copy",
                &format!("{}\\{}", c.name, sg.name),
                "",
                "status",
                status.to_string(),
            );
        }
    }
    m
}

/// The properties whose values differ, in snapshot order; objects present on one side
/// only show `(none)` on the other.
pub fn diff(a: &World, b: &World) -> Vec<Change> {
    diff_snapshots(&snapshot(a), &snapshot(b))
}

pub fn diff_snapshots(a: &IndexMap<Key, String>, b: &IndexMap<Key, String>) -> Vec<Change> {
    let none = "(none)".to_string();
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (k, va) in a {
        seen.insert(k.clone());
        let vb = b.get(k).unwrap_or(&none);
        if va != vb {
            out.push(change(k, va, vb));
        }
    }
    for (k, vb) in b {
        if !seen.contains(k) {
            out.push(change(k, &none, vb));
        }
    }
    out
}

fn change(k: &Key, from: &str, to: &str) -> Change {
    Change {
        kind: k.0,
        object: k.1.clone(),
        group: k.2.clone(),
        property: k.3,
        from: from.to_string(),
        to: to.to_string(),
    }
}

/// Readable lines for a step's changes: resources of one group that changed the same
/// way are counted rather than listed when there are more than two.
pub fn describe(changes: &[Change]) -> Vec<String> {
    let mut out = Vec::new();
    let mut grouped: IndexMap<(String, String, String), Vec<&str>> = IndexMap::new();
    for c in changes {
        if c.kind == "resource" {
            grouped
                .entry((c.group.clone(), c.from.clone(), c.to.clone()))
                .or_default()
                .push(&c.object);
        }
    }
    let mut done_groups = std::collections::HashSet::new();
    for c in changes {
        if c.kind == "resource" {
            let key = (c.group.clone(), c.from.clone(), c.to.clone());
            if !done_groups.insert(key.clone()) {
                continue;
            }
            let names = &grouped[&key];
            if names.len() > 2 {
                out.push(format!(
                    "{} resources of group {}: {} -> {}",
                    names.len(),
                    key.0,
                    key.1,
                    key.2
                ));
            } else {
                for n in names {
                    out.push(format!("resource {} state: {} -> {}", n, key.1, key.2));
                }
            }
            continue;
        }
        out.push(format!(
            "{} {} {}: {} -> {}",
            c.kind, c.object, c.property, c.from, c.to
        ));
    }
    out
}

/// Downtime per service and kind (service rows only): outages, longest, total, in ticks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DowntimeSummary {
    pub service: String,
    pub kind: &'static str,
    pub outages: usize,
    pub longest: Ticks,
    pub total: Ticks,
}

impl World {
    pub fn downtime_summary(&self) -> Vec<DowntimeSummary> {
        summarize(self.outages.iter(), Ticks::MIN, self.clock)
    }
}

/// Outages of whole services (not single databases) per service and kind, each counted
/// from `from` at the earliest and, while still open, up to `now`.
pub fn summarize<'a>(
    outages: impl Iterator<Item = &'a Outage>,
    from: Ticks,
    now: Ticks,
) -> Vec<DowntimeSummary> {
    let mut out: Vec<DowntimeSummary> = Vec::new();
    for o in outages.filter(|o| o.database.is_empty()) {
        let kind = if o.planned { "Planned" } else { "Unplanned" };
        let d = o.end.unwrap_or(now) - o.start.max(from);
        match out
            .iter_mut()
            .find(|s| s.service == o.service && s.kind == kind)
        {
            Some(s) => {
                s.outages += 1;
                s.longest = s.longest.max(d);
                s.total += d;
            }
            None => out.push(DowntimeSummary {
                service: o.service.clone(),
                kind,
                outages: 1,
                longest: d,
                total: d,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_shows_the_owner_and_counts_resources() {
        let a = crate::model::labs::builtin("e2k3").unwrap_or_else(|e| panic!("{}", e));
        let mut b = a.clone();
        let op = crate::model::Op::MoveGroup {
            cluster: "EXCLUS1".into(),
            group: "EVS1".into(),
            node: Some("NODE2".into()),
        };
        b.apply(
            &op,
            &crate::model::Actor {
                node: "NODE1".into(),
            },
        )
        .unwrap_or_else(|e| panic!("{}", e));
        let lines = describe(&diff(&a, &b));
        assert!(
            lines.contains(&"group EVS1 owner: NODE1 -> NODE2".to_string()),
            "{:?}",
            lines
        );
        assert!(diff(&a, &a).is_empty());
    }
}
