//! Installers on the lab's servers (DOMAIN.md §8): update.exe (the Exchange 2000/2003
//! service pack, E6/E9), Exchange 2003 setup on Exchange 2000 nodes (E8), Windows hotfix
//! packages named by KB, and .NET Framework 2.0 SP1. Each has a plan (the checks, which
//! change nothing) and a run through the one door.

use crate::model::error::{ErrorKind, ModelError};
use crate::model::evs::{family, service_pack_name};
use crate::model::exchange::version_newer;
use crate::model::types::*;

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn invalid(msg: impl Into<String>) -> ModelError {
    ModelError::other(msg, ErrorKind::InvalidOperation)
}

/// What update.exe will do on a server: the media, the hard failures and the warnings.
#[derive(Clone, Debug, Default)]
pub struct UpdatePlan {
    /// `Exchange Server 2003 Service Pack 1`.
    pub title: String,
    pub version: String,
    pub failure: Option<String>,
    pub warnings: Vec<String>,
    /// The node already runs this build (or newer): nothing to do.
    pub already: bool,
}

/// A Windows hotfix package's plan.
#[derive(Clone, Debug, Default)]
pub struct HotfixPlan {
    pub kb: String,
    pub failure: Option<String>,
    pub already: bool,
}

impl World {
    /// The Exchange 2000/2003 service pack media for a server's family.
    fn exchange_sp_media(&self, fam: &str) -> Option<Media> {
        self.media
            .iter()
            .filter(|m| eq(&m.product, &format!("Exchange {}", fam)))
            .filter(|m| !m.path.to_ascii_lowercase().ends_with("setup.exe"))
            .max_by(|a, b| {
                if version_newer(&a.version, &b.version) {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Less
                }
            })
            .cloned()
    }

    /// update.exe on a server (E6 step 1, E8, E9).
    pub fn update_plan(&self, server: &str) -> UpdatePlan {
        let mut plan = UpdatePlan::default();
        let Some(s) = self.server(server) else {
            plan.failure = Some(format!("Cannot find computer '{}'.", server));
            return plan;
        };
        let Some(v) = s.exchange_version.clone() else {
            plan.failure = Some("Microsoft Exchange is not installed on this computer. Update.exe upgrades an existing Exchange 2000 or Exchange 2003 server.".into());
            return plan;
        };
        let fam = family(&v);
        let Some(m) = self.exchange_sp_media(fam) else {
            plan.failure = Some(format!(
                "The lab has no Exchange {} service pack media for this server (Exchange {}).",
                fam, v
            ));
            return plan;
        };
        plan.title = format!("Exchange Server {} {}", fam, service_pack_name(&m.version));
        plan.version = m.version.clone();
        if !version_newer(&m.version, &v) {
            plan.already = true;
            return plan;
        }
        if s.pending_reboot {
            plan.failure = Some("A restart from a previous installation is pending. Restart the computer, then run Update.exe again.".into());
            return plan;
        }
        if let Ok(ci) = self.cluster_idx_of_node(&s.name) {
            let running = self.evs_running_on(ci, &s.name, "");
            if let Some(e) = running.first() {
                plan.failure = Some(format!(
                    "This node owns the Exchange Virtual Server '{}', which is running. Take its System Attendant offline and move the group to another node before upgrading this node.",
                    e.name
                ));
                return plan;
            }
        }
        if fam == "2003"
            && s.os.contains("2003")
            && !s.hotfixes.iter().any(|h| eq(h, "KB831464"))
            && !version_newer("6.5.7226", &m.version)
        {
            plan.failure = Some(format!(
                "{} requires the Windows Server 2003 hotfix 831464 on this server. Install WindowsServer2003-KB831464-x86-ENU.exe, restart the computer, then run Update.exe again.",
                plan.title
            ));
            return plan;
        }
        // E9: front-end servers first.
        if s.roles.iter().any(|r| eq(r, "BackEnd")) {
            for fe in self
                .servers
                .iter()
                .filter(|x| x.roles.iter().any(|r| eq(r, "FrontEnd")))
            {
                if let Some(fv) = &fe.exchange_version {
                    if family(fv) == fam && version_newer(&m.version, fv) {
                        plan.warnings.push(format!(
                            "The front-end server {} still runs Exchange {}. Upgrade front-end servers before back-end servers.",
                            fe.name, fv
                        ));
                    }
                }
            }
        }
        plan
    }

    /// Runs update.exe on a server: 20 simulated minutes; a restart is then pending.
    pub(crate) fn run_update(&mut self, server: &str) -> Result<(), ModelError> {
        self.require_admin_on(server)?;
        let plan = self.update_plan(server);
        if let Some(f) = plan.failure {
            return Err(invalid(f));
        }
        if plan.already {
            return Ok(());
        }
        let message = format!(
            "Product: Microsoft Exchange Server - Update '{}' installed successfully (version {}).",
            plan.title, plan.version
        );
        self.install_binaries(server, &plan.version, 20, "MsiInstaller", 1022, message);
        Ok(())
    }

    /// A Windows hotfix package on a server (`WindowsServer2003-KB831464-x86-ENU.exe`).
    pub fn hotfix_plan(&self, server: &str, kb: &str) -> HotfixPlan {
        let mut plan = HotfixPlan {
            kb: kb.to_ascii_uppercase(),
            ..HotfixPlan::default()
        };
        let Some(s) = self.server(server) else {
            plan.failure = Some(format!("Cannot find computer '{}'.", server));
            return plan;
        };
        let Some(m) = self
            .media
            .iter()
            .find(|m| eq(&m.version, kb) || eq(&m.name, kb))
        else {
            plan.failure = Some(format!("The lab's media has no package for {}.", plan.kb));
            return plan;
        };
        let os = m
            .product
            .split(" hotfix")
            .next()
            .unwrap_or_default()
            .replace("Windows Server ", "");
        if !os.is_empty() && !s.os.contains(&os) {
            plan.failure = Some(format!(
                "The update {} does not apply to this system ({}).",
                plan.kb, s.os
            ));
            return plan;
        }
        plan.already = s.hotfixes.iter().any(|h| eq(h, kb));
        plan
    }

    /// Installs a hotfix (2 simulated minutes); a restart is pending, or (`restart`) the
    /// server restarts at once.
    pub(crate) fn run_hotfix(
        &mut self,
        server: &str,
        kb: &str,
        restart: bool,
    ) -> Result<(), ModelError> {
        self.require_admin_on(server)?;
        let plan = self.hotfix_plan(server, kb);
        if let Some(f) = plan.failure {
            return Err(invalid(f));
        }
        if plan.already {
            return Ok(());
        }
        let target = self.clock + 2 * 60 * TICKS_PER_SECOND;
        self.run_until(target);
        let name = self
            .server(server)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        if let Some(s) = self.server_mut(&name) {
            s.hotfixes.push(plan.kb.clone());
            s.pending_reboot = true;
        }
        let now = self.clock;
        self.event_in(
            "System",
            now,
            &name,
            "NtServicePack",
            4377,
            EntryType::Information,
            format!("Windows Server 2003 Hotfix {} was installed.", plan.kb),
            true,
        );
        if restart {
            self.restart_server(&name, false, true)?;
        }
        Ok(())
    }

    /// `NetFx20SP1_x64.exe`: .NET Framework 2.0 SP1 (5 simulated minutes).
    pub(crate) fn run_netfx(&mut self, server: &str) -> Result<(), ModelError> {
        self.require_admin_on(server)?;
        let Some(m) = self
            .media
            .iter()
            .find(|m| eq(&m.product, ".NET Framework"))
            .cloned()
        else {
            return Err(invalid(
                "The lab's media has no .NET Framework 2.0 SP1 package.",
            ));
        };
        let Some(s) = self.server(server) else {
            return Err(ModelError::other(
                format!("Cannot find computer '{}'.", server),
                ErrorKind::NotFound,
            ));
        };
        if s.dotnet.contains("SP1") {
            return Ok(());
        }
        let name = s.name.clone();
        let target = self.clock + 5 * 60 * TICKS_PER_SECOND;
        self.run_until(target);
        if let Some(s) = self.server_mut(&name) {
            s.dotnet = m.version.clone();
        }
        let now = self.clock;
        self.event_in(
            "Application",
            now,
            &name,
            "MsiInstaller",
            11728,
            EntryType::Information,
            "Product: Microsoft .NET Framework 2.0 Service Pack 1 (x64) -- Configuration completed successfully.".into(),
            true,
        );
        Ok(())
    }

    /// Exchange 2003 setup run on an Exchange 2000 cluster node (E8, domain-sources 4.4).
    pub fn e2k3_upgrade_plan(&self, server: &str) -> UpdatePlan {
        let mut plan = UpdatePlan {
            title: "Exchange Server 2003".into(),
            ..UpdatePlan::default()
        };
        let Some(s) = self.server(server) else {
            plan.failure = Some(format!("Cannot find computer '{}'.", server));
            return plan;
        };
        let Some(m) = self.media.iter().find(|m| {
            eq(&m.product, "Exchange 2003") && m.path.to_ascii_lowercase().ends_with("setup.exe")
        }) else {
            plan.failure = Some("The lab has no Exchange Server 2003 setup media.".into());
            return plan;
        };
        plan.version = m.version.clone();
        let v = s.exchange_version.clone().unwrap_or_default();
        if family(&v) == "2003" {
            plan.already = true;
            return plan;
        }
        let fail = |why: String| Some(why);
        plan.failure = if family(&v) != "2000" {
            fail(
                "Setup can upgrade only an Exchange 2000 server to Exchange Server 2003 here."
                    .into(),
            )
        } else if version_newer("6.0.6249", &v) {
            fail(format!("Exchange 2000 Server Service Pack 3 or later is required to upgrade to Exchange Server 2003; this server runs {}. Apply Exchange 2000 SP3 first.", v))
        } else if s.pending_reboot {
            fail("A restart from a previous installation is pending. Restart the computer, then run setup again.".into())
        } else {
            self.cluster_upgrade_failure(&s.name)
        };
        plan
    }

    fn cluster_upgrade_failure(&self, node: &str) -> Option<String> {
        let ci = self.cluster_idx_of_node(node).ok()?;
        let c = &self.clusters[ci];
        let owned: Vec<&str> = c
            .groups
            .iter()
            .filter(|g| eq(&g.owner, node))
            .map(|g| g.name.as_str())
            .collect();
        if !owned.is_empty() {
            return Some(format!(
                "No cluster resources may run on a node that setup upgrades: move {} off {} first.",
                owned.join(", "),
                node
            ));
        }
        let evs = self
            .exchange
            .virtual_servers
            .iter()
            .filter(|e| c.group(e.group_name()).is_some())
            .count();
        if c.nodes.len() > 2 && evs >= c.nodes.len() {
            return Some(format!(
                "A cluster of more than two nodes must be active/passive to be upgraded to Exchange Server 2003: {} has {} Exchange Virtual Servers on {} nodes.",
                c.name,
                evs,
                c.nodes.len()
            ));
        }
        let dtc = c.resources.iter().any(|r| {
            r.kind
                .to_ascii_lowercase()
                .contains("transaction coordinator")
                && r.state == ResourceState::Online
        });
        if !dtc {
            return Some("The Microsoft Distributed Transaction Coordinator (MSDTC) resource must be online in the cluster before setup can upgrade a node to Exchange Server 2003.".into());
        }
        None
    }

    /// Runs the Exchange 2003 upgrade on a node: 30 simulated minutes, restart pending.
    pub(crate) fn run_e2k3_upgrade(&mut self, server: &str) -> Result<(), ModelError> {
        self.require_admin_on(server)?;
        let plan = self.e2k3_upgrade_plan(server);
        if let Some(f) = plan.failure {
            return Err(invalid(f));
        }
        if plan.already {
            return Ok(());
        }
        let message = format!(
            "Microsoft Exchange Server was upgraded to Exchange Server 2003 ({}).",
            plan.version
        );
        self.install_binaries(server, &plan.version, 30, "MSExchangeSetup", 1000, message);
        Ok(())
    }

    /// New Exchange binaries on a server: the time they take, then a restart pending and
    /// the installer's event.
    fn install_binaries(
        &mut self,
        server: &str,
        version: &str,
        minutes: i64,
        source: &str,
        event_id: u32,
        message: String,
    ) {
        let target = self.clock + minutes * 60 * TICKS_PER_SECOND;
        self.run_until(target);
        let name = self
            .server(server)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        if let Some(s) = self.server_mut(&name) {
            s.exchange_version = Some(version.to_string());
            s.pending_reboot = true;
        }
        let now = self.clock;
        self.event_in(
            "Application",
            now,
            &name,
            source,
            event_id,
            EntryType::Information,
            message,
            true,
        );
    }
}
