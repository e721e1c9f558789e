//! Get-DowntimeReport: the outages the model recorded (downtime accounting, DOMAIN.md §5).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::ops;
use crate::engine::registry::GetDowntimeReportArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetDowntimeReport;

impl Cmdlet for GetDowntimeReport {
    type Args = GetDowntimeReportArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = lab::world(cx)?;
        let mut pats = Vec::new();
        for p in &a.service {
            pats.push(ops::wildcard_regex(p, false).map_err(|e| cx.fail(e))?);
        }
        let rows: Vec<&crate::model::Outage> = w
            .outages
            .iter()
            .filter(|o| pats.is_empty() || pats.iter().any(|re| re.is_match(&o.service)))
            .filter(|o| {
                a.kind.as_ref().is_none_or(|k| {
                    k.eq_ignore_ascii_case(if o.planned { "Planned" } else { "Unplanned" })
                })
            })
            .collect();
        let kind = |o: &crate::model::Outage| if o.planned { "Planned" } else { "Unplanned" };
        if a.summary {
            for d in w.downtime_summary() {
                if !(pats.is_empty() || pats.iter().any(|re| re.is_match(&d.service))) {
                    continue;
                }
                if a.kind
                    .as_ref()
                    .is_some_and(|k| !k.eq_ignore_ascii_case(d.kind))
                {
                    continue;
                }
                let mut o = PsObject::with_type("Exsh.Lab.DowntimeSummary");
                o.set("Service", Value::string(d.service));
                o.set("Kind", Value::str(d.kind));
                o.set(
                    "Outages",
                    Value::Int(i32::try_from(d.outages).unwrap_or(i32::MAX)),
                );
                o.set("Longest", Value::TimeSpan(d.longest));
                o.set("Total", Value::TimeSpan(d.total));
                cx.write(Value::object(o))?;
            }
            return Ok(());
        }
        for o in rows {
            let mut x = PsObject::with_type("Exsh.Lab.Downtime");
            x.set("Service", Value::string(o.service.clone()));
            x.set("Database", Value::string(o.database.clone()));
            x.set("Kind", Value::str(kind(o)));
            x.set("Start", Value::DateTime(o.start));
            x.set("End", o.end.map(Value::DateTime).unwrap_or(Value::Null));
            x.set(
                "Duration",
                Value::TimeSpan(o.end.unwrap_or(w.clock) - o.start),
            );
            cx.write(Value::object(x))?;
        }
        Ok(())
    }
}
