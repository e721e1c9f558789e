//! Get-EventLog: a machine's System or Application log, newest first.

use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::GetEventLogArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetEventLog;

impl GetEventLog {
    fn one(
        &mut self,
        a: &GetEventLogArgs,
        cx: &mut Cx,
        computer: &Option<String>,
    ) -> FlowResult<()> {
        let (w, server) = util::machine(cx, computer)?;
        if !["system", "application"].contains(&a.log_name.to_ascii_lowercase().as_str()) {
            return Err(cx.fail(ErrorRecord::new(
                format!(
                    "The event log '{}' on computer '.' does not exist.",
                    a.log_name
                ),
                "System.InvalidOperationException",
                ErrorCategory::ObjectNotFound,
            )));
        }
        let entries: Vec<(usize, &crate::model::Event)> = w
            .events
            .iter()
            .filter(|e| {
                e.server.eq_ignore_ascii_case(&server.name)
                    && e.log.eq_ignore_ascii_case(&a.log_name)
            })
            .enumerate()
            .map(|(i, e)| (i + 1, e))
            .collect();
        let mut shown = 0;
        for (index, e) in entries.iter().rev() {
            if !a.source.is_empty() && !a.source.iter().any(|s| s.eq_ignore_ascii_case(&e.source)) {
                continue;
            }
            if !a.entry_type.is_empty()
                && !a
                    .entry_type
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case(e.entry_type.name()))
            {
                continue;
            }
            if a.instance_id.is_some_and(|i| i != i64::from(e.event_id)) {
                continue;
            }
            if a.newest.is_some_and(|n| shown >= n) {
                break;
            }
            shown += 1;
            let mut o = PsObject::with_type("System.Diagnostics.EventLogEntry");
            o.set(
                "Index",
                Value::Int(i32::try_from(*index).unwrap_or(i32::MAX)),
            );
            o.set("TimeGenerated", Value::DateTime(e.time));
            o.set("EntryType", Value::str(e.entry_type.name()));
            o.set("Source", Value::string(e.source.clone()));
            o.set(
                "EventID",
                Value::Int(i32::try_from(e.event_id).unwrap_or(0)),
            );
            o.set("InstanceId", Value::Long(i64::from(e.event_id)));
            o.set("Message", Value::string(e.message.clone()));
            o.set("MachineName", Value::string(server.name.clone()));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}

impl Cmdlet for GetEventLog {
    type Args = GetEventLogArgs;
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
