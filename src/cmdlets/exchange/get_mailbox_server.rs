//! Get-MailboxServer.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetMailboxServerArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::exchange::admin_display_version;

#[derive(Default)]
pub struct GetMailboxServer;

impl Cmdlet for GetMailboxServer {
    type Args = GetMailboxServerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = lab::world(cx)?;
        for c in w.exchange.clustered_mailbox_servers.iter().filter(|c| {
            a.identity
                .as_ref()
                .is_none_or(|i| c.name.eq_ignore_ascii_case(i))
        }) {
            let mut o =
                PsObject::with_type("Microsoft.Exchange.Data.Directory.Management.MailboxServer");
            o.set("Name", Value::string(c.name.clone()));
            o.set(
                "RedundantMachines",
                Value::array(
                    c.redundant_machines
                        .iter()
                        .map(|m| Value::string(m.clone()))
                        .collect(),
                ),
            );
            o.set(
                "ClusteredStorageType",
                Value::str(if c.kind.eq_ignore_ascii_case("CCR") {
                    "NonShared"
                } else {
                    "Shared"
                }),
            );
            o.set(
                "AutoDatabaseMountDial",
                Value::string(c.auto_database_mount_dial.clone()),
            );
            o.set(
                "AdminDisplayVersion",
                Value::string(admin_display_version(&c.version)),
            );
            o.set("__ToString", Value::string(c.name.clone()));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}
