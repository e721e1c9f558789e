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
            o.set("Recovery", Value::Bool(false));
            o.set("HasLocalCopy", Value::Bool(false));
            o.set("CopyEnabled", Value::Bool(ccr));
            o.set("__ToString", Value::string(sg.name.clone()));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}
