//! Get-StorageGroup.

use crate::cmdlets::exchange::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetStorageGroupArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetStorageGroup;

impl Cmdlet for GetStorageGroup {
    type Args = GetStorageGroupArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = lab::world(cx)?;
        for (srv, sg) in util::storage_groups(&w, &a.identity, &a.server) {
            let ccr = w
                .cms(&srv)
                .is_some_and(|c| c.kind.eq_ignore_ascii_case("CCR"));
            let mut o = PsObject::with_type(
                "Microsoft.Exchange.Data.Directory.SystemConfiguration.StorageGroup",
            );
            o.set("Identity", Value::string(format!("{}\\{}", srv, sg.name)));
            o.set("Name", Value::string(sg.name.clone()));
            o.set("Server", Value::string(srv.clone()));
            // The default paths setup gives a storage group (Exchange 2007; Exchange
            // 2003 keeps them under Exchsrvr\mdbdata on the EVS's disks).
            let folder = if w.cms(&srv).is_some() {
                format!(
                    "C:\\Program Files\\Microsoft\\Exchange Server\\Mailbox\\{}",
                    sg.name
                )
            } else {
                let drive = w
                    .evs(&srv)
                    .and_then(|e| {
                        w.clusters.iter().find_map(|c| {
                            c.resources_in(e.group_name())
                                .into_iter()
                                .map(|i| &c.resources[i])
                                .find(|r| r.kind.eq_ignore_ascii_case("Physical Disk"))
                                .and_then(|r| r.private.get("Drive").cloned())
                        })
                    })
                    .unwrap_or_else(|| "C:".into());
                format!("{}\\Program Files\\Exchsrvr\\mdbdata", drive)
            };
            o.set("LogFolderPath", Value::string(folder.clone()));
            o.set("SystemFolderPath", Value::string(folder));
            o.set("Recovery", Value::Bool(false));
            o.set("HasLocalCopy", Value::Bool(false));
            o.set("CopyEnabled", Value::Bool(ccr));
            o.set("__ToString", Value::string(sg.name.clone()));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}
