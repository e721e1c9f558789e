//! Operations beyond moving groups: services (C12, C14), joining nodes, the quorum
//! configuration, and the security check on a target server (DOMAIN.md §6). Reached only
//! through [`World::apply`](crate::model::World::apply).

use crate::model::error::{ErrorKind, ModelError};
use crate::model::types::*;

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// The Service Control Manager's words for a start type (event 7040).
pub(crate) fn start_name(t: StartType) -> &'static str {
    match t {
        StartType::Automatic => "auto start",
        StartType::Manual => "demand start",
        StartType::Disabled => "disabled",
    }
}

/// The Windows service behind a cluster resource type: stopping it behind the cluster's
/// back fails that resource (C12, A4). Resource types not listed run no service of their
/// own the administrator could stop.
pub fn service_of_resource_type(kind: &str) -> Option<&'static str> {
    let k = kind.to_ascii_lowercase();
    let s = if k.contains("system attendant") {
        "MSExchangeSA"
    } else if k.contains("information store") {
        "MSExchangeIS"
    } else if k.contains("routing service") {
        "RESvc"
    } else if k.contains("message transfer agent") {
        "MSExchangeMTA"
    } else if k.contains("smtp") {
        "SMTPSVC"
    } else if k.contains("http") {
        "W3SVC"
    } else if k.contains("search") {
        "MSSEARCH"
    } else if k.contains("pop3") {
        "POP3Svc"
    } else if k.contains("imap4") {
        "IMAP4Svc"
    } else if k.contains("transaction coordinator") || k == "msdtc" {
        "MSDTC"
    } else {
        return None;
    };
    Some(s)
}

impl World {
    /// DOMAIN.md §6: changing a server needs local Administrators on it.
    pub(crate) fn require_admin_on(&self, server: &str) -> Result<(), ModelError> {
        let acct = self.accounts.iter().find(|a| eq(&a.name, &self.identity));
        match acct {
            Some(a) if a.local_admin_on.iter().any(|n| eq(n, server) || n == "*") => Ok(()),
            // A lab without accounts does not check.
            None if self.accounts.is_empty() => Ok(()),
            _ => Err(ModelError::win32(5)),
        }
    }

    /// The server and service (by name or display name), on a powered server.
    pub(crate) fn service_idx(
        &self,
        server: &str,
        service: &str,
    ) -> Result<(usize, usize), ModelError> {
        let Some(si) = self.servers.iter().position(|s| eq(&s.name, server)) else {
            return Err(ModelError::other(
                format!("Cannot find computer '{}'.", server),
                ErrorKind::NotFound,
            ));
        };
        if self.servers[si].power == Power::Off {
            return Err(ModelError::win32(1722));
        }
        let svcs = &self.servers[si].services;
        let vi = svcs
            .iter()
            .position(|x| eq(&x.name, service))
            .or_else(|| svcs.iter().position(|x| eq(&x.display_name, service)))
            .ok_or_else(|| ModelError::win32(1060))?;
        Ok((si, vi))
    }

    /// Stop-Service / `net stop`. ClusSvc: a clean stop, the node's groups move away
    /// first. A service behind an online cluster resource: the cluster sees the resource
    /// fail and applies its restart policy (C12 -> C7).
    pub(crate) fn stop_service(&mut self, server: &str, service: &str) -> Result<(), ModelError> {
        let (si, vi) = self.service_idx(server, service)?;
        if self.servers[si].services[vi].status == ServiceStatus::Stopped {
            // Stop-Service on a stopped service succeeds silently (net stop checks first
            // and prints NET HELPMSG 3521 itself).
            return Ok(());
        }
        let host = self.servers[si].name.clone();
        let name = self.servers[si].services[vi].name.clone();
        let display = self.servers[si].services[vi].display_name.clone();
        let now = self.clock;
        if eq(&name, "ClusSvc") {
            if let Ok(ci) = self.cluster_idx_of_node(&host) {
                self.evacuate(ci, &host, now);
            }
        }
        self.servers[si].services[vi].status = ServiceStatus::Stopped;
        let at = self.clock;
        self.event_in(
            "System",
            at,
            &host,
            "Service Control Manager",
            7036,
            EntryType::Information,
            format!("The {} service entered the stopped state.", display),
            true,
        );
        // C12: the resources this service carries on this node fail.
        let Ok(ci) = self.cluster_idx_of_node(&host) else {
            return Ok(());
        };
        if !self.clusters[ci].running {
            return Ok(());
        }
        let hit: Vec<usize> = self.clusters[ci]
            .resources
            .iter()
            .enumerate()
            .filter(|(_, r)| r.state == ResourceState::Online)
            .filter(|(_, r)| service_of_resource_type(&r.kind).is_some_and(|s| eq(s, &name)))
            .filter(|(_, r)| {
                self.clusters[ci]
                    .group(&r.group)
                    .is_some_and(|g| eq(&g.owner, &host))
            })
            .map(|(i, _)| i)
            .collect();
        for ri in hit {
            // An earlier failure in this loop may already have taken it down.
            if self.clusters[ci].resources[ri].state == ResourceState::Online {
                self.resource_failure(ci, ri, false);
            }
        }
        // The restart started the service again where its resource came back.
        self.sync_resource_services(ci);
        Ok(())
    }

    /// Start-Service / `net start`: a Disabled service cannot start (C14). Starting
    /// ClusSvc on a node that is down makes it join.
    pub(crate) fn start_service(&mut self, server: &str, service: &str) -> Result<(), ModelError> {
        let (si, vi) = self.service_idx(server, service)?;
        let sv = &self.servers[si].services[vi];
        if sv.start_type == StartType::Disabled {
            return Err(ModelError::win32(1058));
        }
        if sv.status == ServiceStatus::Running {
            return Err(ModelError::win32(1056));
        }
        let host = self.servers[si].name.clone();
        let name = sv.name.clone();
        let display = sv.display_name.clone();
        self.servers[si].services[vi].status = ServiceStatus::Running;
        let now = self.clock;
        self.event_in(
            "System",
            now,
            &host,
            "Service Control Manager",
            7036,
            EntryType::Information,
            format!("The {} service entered the running state.", display),
            true,
        );
        if eq(&name, "ClusSvc") {
            if let Ok(ci) = self.cluster_idx_of_node(&host) {
                if self.clusters[ci]
                    .node(&host)
                    .is_some_and(|n| n.state == NodeState::Down)
                {
                    // The service starts, then the node joins.
                    let done = now + 10 * TICKS_PER_SECOND;
                    self.scheduled.push(Scheduled {
                        at: done,
                        action: Due::BootComplete { server: host },
                    });
                    self.run_until(done);
                }
            }
        }
        Ok(())
    }

    /// Services behind cluster resources run exactly where those resources are online:
    /// on the owner of an online resource, and nowhere else among the cluster's nodes
    /// (the cluster starts and stops them; their start type is Manual).
    pub(crate) fn sync_resource_services(&mut self, ci: usize) {
        let c = &self.clusters[ci];
        let mut managed: Vec<&'static str> = Vec::new();
        let mut running: Vec<(String, &'static str)> = Vec::new();
        for r in &c.resources {
            let Some(svc) = service_of_resource_type(&r.kind) else {
                continue;
            };
            if !managed.contains(&svc) {
                managed.push(svc);
            }
            if r.state == ResourceState::Online {
                if let Some(g) = c.group(&r.group) {
                    running.push((g.owner.to_ascii_lowercase(), svc));
                }
            }
        }
        let nodes: Vec<String> = c
            .nodes
            .iter()
            .map(|n| n.name.to_ascii_lowercase())
            .collect();
        for s in self
            .servers
            .iter_mut()
            .filter(|s| nodes.contains(&s.name.to_ascii_lowercase()))
        {
            if s.power != Power::On {
                continue;
            }
            let host = s.name.to_ascii_lowercase();
            for svc in &managed {
                if let Some(x) = s.services.iter_mut().find(|x| eq(&x.name, svc)) {
                    let on = running.iter().any(|(h, v)| *h == host && v == svc);
                    x.status = if on {
                        ServiceStatus::Running
                    } else {
                        ServiceStatus::Stopped
                    };
                }
            }
        }
    }

    /// Add-ClusterNode: a powered server joins. It is not a possible owner of the
    /// resources that exist already (A4: "resources created before all nodes joined do not
    /// list that node"); Set-ClusterOwnerNode / `/addowner` fixes that.
    pub(crate) fn add_node(&mut self, cluster: &str, node: &str) -> Result<(), ModelError> {
        let ci = self.cluster_idx(cluster)?;
        if !self.clusters[ci].running {
            return Err(ModelError::win32(5005));
        }
        let Some(si) = self.servers.iter().position(|s| eq(&s.name, node)) else {
            return Err(ModelError::other(
                format!("Cannot find computer '{}'.", node),
                ErrorKind::NotFound,
            ));
        };
        if self.clusters.iter().any(|c| c.node(node).is_some())
            || self.servers[si].cluster.is_some()
        {
            return Err(ModelError::win32(5065));
        }
        if self.servers[si].power == Power::Off {
            return Err(ModelError::win32(1722));
        }
        let name = self.servers[si].name.clone();
        let id = self.clusters[ci]
            .nodes
            .iter()
            .map(|n| n.id)
            .max()
            .unwrap_or(0)
            + 1;
        let s = &mut self.servers[si];
        s.cluster = Some(self.clusters[ci].name.clone());
        match s.services.iter_mut().find(|x| eq(&x.name, "ClusSvc")) {
            Some(x) => {
                x.status = ServiceStatus::Running;
                x.start_type = StartType::Automatic;
            }
            None => s.services.push(Service {
                name: "ClusSvc".into(),
                display_name: "Cluster Service".into(),
                status: ServiceStatus::Running,
                start_type: StartType::Automatic,
            }),
        }
        self.clusters[ci].nodes.push(Node {
            name: name.clone(),
            id,
            state: NodeState::Joining,
            paused: false,
        });
        // Joining: configuration copied, the service started (Decision: 60 s).
        let done = self.clock + 60 * TICKS_PER_SECOND;
        self.scheduled.push(Scheduled {
            at: done,
            action: Due::BootComplete { server: name },
        });
        self.run_until(done);
        Ok(())
    }

    /// Set-ClusterQuorum / `cluster /quorum`. The model must belong to the cluster's OS
    /// generation; a disk model needs an online Physical Disk; a witness model a share on a
    /// powered server; and the cluster must keep quorum under the new model.
    pub(crate) fn set_quorum(
        &mut self,
        cluster: &str,
        kind: QuorumKind,
        resource: Option<&str>,
        witness: Option<&str>,
    ) -> Result<(), ModelError> {
        use QuorumKind::*;
        let ci = self.cluster_idx(cluster)?;
        let c = &self.clusters[ci];
        if !c.running {
            return Err(ModelError::win32(5005));
        }
        let new_style = matches!(
            kind,
            NodeMajority | NodeAndDiskMajority | NodeAndFileShareMajority | DiskOnly
        );
        if new_style != (c.os_generation >= 2008) {
            return Err(ModelError::win32(87));
        }
        let needs_disk = matches!(kind, Disk | DiskOnly | NodeAndDiskMajority);
        let needs_share = matches!(kind, MajorityNodeSetWithWitness | NodeAndFileShareMajority);
        let res = match resource {
            Some(r) => {
                let ri = c.res_idx(r)?;
                let rk = c.resources[ri].kind.to_ascii_lowercase();
                let capable = if needs_disk {
                    rk == "physical disk"
                } else {
                    rk == "majority node set" || rk == "file share witness"
                };
                if !capable {
                    return Err(ModelError::win32(5021));
                }
                if needs_disk && c.resources[ri].state != ResourceState::Online {
                    return Err(ModelError::win32(5004));
                }
                Some(c.resources[ri].name.clone())
            }
            None if needs_disk => return Err(ModelError::win32(87)),
            None => None,
        };
        let share = match witness {
            Some(w) if needs_share => {
                // \\HOST\SHARE on a server of the lab that is on ([S28]: the share must exist).
                let host = w.trim_start_matches('\\').split('\\').next().unwrap_or("");
                let ok = w.starts_with("\\\\") && w.trim_start_matches('\\').contains('\\');
                if !ok || !self.server(host).is_some_and(|s| s.power == Power::On) {
                    return Err(ModelError::win32(53));
                }
                Some(w.to_string())
            }
            None if needs_share => return Err(ModelError::win32(87)),
            _ => None,
        };
        let mut trial = self.clusters[ci].clone();
        trial.quorum = Quorum {
            kind,
            resource: res,
            witness: share,
            witness_online: true,
        };
        let (have, need) = trial.quorum_votes(self.witness_up(&trial));
        if have < need {
            return Err(ModelError::win32(5023));
        }
        // Decision: no event; the sources name none for a quorum change.
        self.clusters[ci].quorum = trial.quorum;
        Ok(())
    }
}
