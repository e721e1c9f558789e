//! Get-MailboxDatabase (-Status): mounted when the CMS's database resource is online (or,
//! for an EVS, its Store is) and no administrator dismounted it.

use crate::cmdlets::exchange::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetMailboxDatabaseArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::ResourceState;

#[derive(Default)]
pub struct GetMailboxDatabase;

impl Cmdlet for GetMailboxDatabase {
    type Args = GetMailboxDatabaseArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = lab::world(cx)?;
        for (srv, sg) in util::storage_groups(&w, &None, &a.server) {
            for db in &sg.databases {
                let identity = format!("{}\\{}\\{}", srv, sg.name, db);
                if let Some(id) = &a.identity {
                    let ok = crate::engine::ops::wildcard_regex(id, false)
                        .is_ok_and(|re| re.is_match(&identity) || re.is_match(db));
                    if !ok {
                        continue;
                    }
                }
                if db.to_lowercase().contains("public folder") {
                    continue;
                }
                let resource_online = w.clusters.iter().any(|c| {
                    c.resources.iter().any(|r| {
                        r.group.eq_ignore_ascii_case(&srv)
                            && r.state == ResourceState::Online
                            && (r
                                .name
                                .eq_ignore_ascii_case(&format!("{}/{} ({})", sg.name, db, srv))
                                || (r.kind.to_lowercase().contains("information store")
                                    && !c.resources.iter().any(|x| {
                                        x.kind.to_lowercase().contains("database instance")
                                            && x.group.eq_ignore_ascii_case(&srv)
                                    })))
                    })
                });
                let mounted =
                    resource_online && !sg.dismounted.iter().any(|d| d.eq_ignore_ascii_case(db));
                let mut o = PsObject::with_type(
                    "Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxDatabase",
                );
                o.set("Identity", Value::string(identity));
                o.set("Name", Value::string(db.clone()));
                o.set("Server", Value::string(srv.clone()));
                o.set(
                    "StorageGroup",
                    Value::string(format!("{}\\{}", srv, sg.name)),
                );
                o.set("Recovery", Value::Bool(false));
                if a.status {
                    o.set("Mounted", Value::Bool(mounted));
                }
                o.set("__ToString", Value::string(db.clone()));
                cx.write(Value::object(o))?;
            }
        }
        Ok(())
    }
}
