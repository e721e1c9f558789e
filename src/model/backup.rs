//! Exchange 2000/2003 online backups and restores (DOMAIN.md E10): `ntbackup backup`
//! records the build that ran the databases; a restore is refused once a newer build has
//! mounted them.

use crate::model::error::{ErrorKind, ModelError};
use crate::model::exchange::{version_newer, Backup, Evs};
use crate::model::types::*;

fn eq(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn invalid(msg: impl Into<String>) -> ModelError {
    ModelError::other(msg, ErrorKind::InvalidOperation)
}

impl World {
    /// The EVS, its cluster index, and whether its Information Store is online.
    fn evs_store(&self, server: &str) -> Result<(Evs, usize, bool), ModelError> {
        let Some(evs) = self.evs(server).cloned() else {
            return Err(ModelError::other(
                format!("The Exchange server '{}' was not found (ntbackup backs up Exchange 2000/2003 virtual servers: \\\\EVS1\\Microsoft Information Store).", server),
                ErrorKind::NotFound,
            ));
        };
        let Some(ci) = self
            .clusters
            .iter()
            .position(|c| c.group(evs.group_name()).is_some())
        else {
            return Err(ModelError::win32(5013));
        };
        let c = &self.clusters[ci];
        let online = c
            .resources_in(evs.group_name())
            .into_iter()
            .map(|i| &c.resources[i])
            .filter(|r| r.kind.to_ascii_lowercase().contains("information store"))
            .all(|r| r.state == ResourceState::Online);
        Ok((evs, ci, online))
    }

    /// `ntbackup backup \\EVS1\Microsoft Information Store[\SG] /f FILE`: an online
    /// backup of storage groups (5 simulated minutes each), recorded with the build (E10).
    pub(crate) fn backup_evs(
        &mut self,
        server: &str,
        storage_group: Option<&str>,
        file: &str,
        kind: &str,
        job: &str,
    ) -> Result<(), ModelError> {
        let (evs, ci, online) = self.evs_store(server)?;
        self.require_full_admin(&evs.admin_group)?;
        if !online {
            return Err(invalid(format!("The Microsoft Information Store of '{}' is not running: an online backup needs it. Bring the Exchange Virtual Server online first.", evs.name)));
        }
        let groups: Vec<String> = match storage_group {
            None => evs.storage_groups.iter().map(|g| g.name.clone()).collect(),
            Some(sg) => match evs.storage_groups.iter().find(|g| eq(&g.name, sg)) {
                Some(g) => vec![g.name.clone()],
                None => {
                    return Err(ModelError::other(
                        format!(
                            "The storage group '{}' does not exist on '{}'.",
                            sg, evs.name
                        ),
                        ErrorKind::NotFound,
                    ))
                }
            },
        };
        let target = self.clock + 5 * 60 * TICKS_PER_SECOND * groups.len() as i64;
        self.run_until(target);
        let now = self.clock;
        let owner = self.clusters[ci]
            .group(evs.group_name())
            .map(|g| g.owner.clone())
            .unwrap_or_default();
        self.event_in(
            "Application",
            now,
            &owner,
            "NTBackup",
            8001,
            EntryType::Information,
            format!(
                "End Operation: the backup of {} ({}) of '{}' to '{}' completed ({} backup).",
                groups.join(", "),
                evs.version,
                evs.name,
                file,
                kind
            ),
            true,
        );
        self.exchange.backups.push(Backup {
            file: file.to_string(),
            server: evs.name.clone(),
            storage_groups: groups,
            build: evs.version.clone(),
            time: now,
            kind: kind.to_string(),
            job: job.to_string(),
        });
        Ok(())
    }

    /// Restores a backup set (NTBackup's restore wizard): refused when the databases have
    /// been mounted by a newer build than the one that wrote the backup (E10). Each restored
    /// storage group's databases are down for 10 simulated minutes.
    pub(crate) fn restore_backup(
        &mut self,
        file: &str,
        storage_group: Option<&str>,
    ) -> Result<(), ModelError> {
        let Some(b) = self
            .exchange
            .backups
            .iter()
            .rev()
            .find(|b| eq(&b.file, file))
            .cloned()
        else {
            return Err(ModelError::other(
                format!(
                    "The backup file '{}' was not found (no ntbackup backup wrote it in this lab).",
                    file
                ),
                ErrorKind::NotFound,
            ));
        };
        let (evs, ci, online) = self.evs_store(&b.server)?;
        self.require_full_admin(&evs.admin_group)?;
        let groups: Vec<String> = match storage_group {
            None => b.storage_groups.clone(),
            Some(sg) => match b.storage_groups.iter().find(|g| eq(g, sg)) {
                Some(g) => vec![g.clone()],
                None => {
                    return Err(ModelError::other(
                        format!(
                            "The backup set '{}' does not contain the storage group '{}'.",
                            file, sg
                        ),
                        ErrorKind::NotFound,
                    ))
                }
            },
        };
        if !online {
            return Err(invalid(format!("The Microsoft Information Store of '{}' is not running: a restore goes through it. Bring the Exchange Virtual Server online first.", evs.name)));
        }
        if version_newer(&evs.version, &b.build) {
            return Err(invalid(format!(
                "The restore failed: the backup set '{}' was written by Exchange {} and the databases of {} have been mounted by Exchange {}. A backup taken before an upgrade cannot be restored after it: take a full backup after every service pack.",
                file, b.build, groups.join(", "), evs.version
            )));
        }
        let start = self.clock;
        let end = start + 10 * 60 * TICKS_PER_SECOND * groups.len() as i64;
        self.run_until(end);
        let owner = self.clusters[ci]
            .group(evs.group_name())
            .map(|g| g.owner.clone())
            .unwrap_or_default();
        for g in &groups {
            if let Some(sg) = evs.storage_groups.iter().find(|x| eq(&x.name, g)) {
                for db in &sg.databases {
                    self.outages.push(Outage {
                        service: evs.name.clone(),
                        database: format!("{}\\{}", sg.name, db),
                        planned: true,
                        start,
                        end: Some(end),
                    });
                }
            }
        }
        self.event_in("Application", end, &owner, "MSExchangeIS", 9635, EntryType::Information,
            format!("The restore of {} of '{}' from '{}' (Exchange {}) completed; the databases were remounted.", groups.join(", "), evs.name, file, b.build), true);
        Ok(())
    }
}
