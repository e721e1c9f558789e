//! Get-HotFix.

use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::GetHotFixArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetHotFix;

impl GetHotFix {
    fn one(&mut self, a: &GetHotFixArgs, cx: &mut Cx, computer: &Option<String>) -> FlowResult<()> {
        let (w, server) = util::machine(cx, computer)?;
        for id in &a.id {
            if !server.hotfixes.iter().any(|h| h.eq_ignore_ascii_case(id)) {
                let e = ErrorRecord::new(
                    format!("Cannot find the requested hotfix on the '{}' computer. Verify the input and run the command again.", server.name),
                    "GetHotFixNoEntriesFound",
                    ErrorCategory::ObjectNotFound,
                )
                .with_target(Value::string(id.clone()));
                cx.write_error(e)?;
            }
        }
        for h in &server.hotfixes {
            if !a.id.is_empty() && !a.id.iter().any(|i| i.eq_ignore_ascii_case(h)) {
                continue;
            }
            let mut o = PsObject::with_type(
                "System.Management.ManagementObject#root\\cimv2\\Win32_QuickFixEngineering",
            );
            o.set("Source", Value::string(server.name.clone()));
            o.set("Description", Value::str("Hotfix"));
            o.set("HotFixID", Value::string(h.clone()));
            o.set("InstalledBy", Value::string(w.identity.clone()));
            o.set("InstalledOn", Value::Null);
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}

impl Cmdlet for GetHotFix {
    type Args = GetHotFixArgs;
    /// `-ComputerName NODE1,NODE2`: each machine in turn.
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if a.computer_name.is_empty() {
            return self.one(a, cx, &None);
        }
        for c in a.computer_name.clone() {
            self.one(a, cx, &Some(c))?;
        }
        Ok(())
    }
}
