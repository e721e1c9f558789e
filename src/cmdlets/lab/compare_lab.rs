//! Compare-Lab: the differences between two checkpoints (or one and the lab now).

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::CompareLabArgs;
use crate::engine::value::{PsObject, Value};
use crate::model::diff::diff;
use crate::model::World;

#[derive(Default)]
pub struct CompareLab;

fn row(object: String, property: &str, reference: Value, difference: Value) -> Value {
    let mut o = PsObject::with_type("Exsh.Lab.Difference");
    o.set("Object", Value::string(object));
    o.set("Property", Value::str(property));
    o.set("Reference", reference);
    o.set("Difference", difference);
    Value::object(o)
}

fn checkpoint(cx: &mut Cx, name: &str) -> Result<World, crate::engine::error::Flow> {
    let s = util::session(cx)?;
    match s.checkpoints.get(&name.to_lowercase()) {
        Some(w) => Ok(w.clone()),
        None => {
            let known: Vec<String> = s.checkpoints.keys().cloned().collect();
            Err(cx.fail(ErrorRecord::new(
                format!(
                    "There is no checkpoint named '{}'{}.",
                    name,
                    if known.is_empty() {
                        " (Checkpoint-Lab NAME makes one)".to_string()
                    } else {
                        format!(" (checkpoints: {})", known.join(", "))
                    }
                ),
                "CheckpointNotFound",
                ErrorCategory::ObjectNotFound,
            )))
        }
    }
}

impl Cmdlet for CompareLab {
    type Args = CompareLabArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let reference = checkpoint(cx, &a.reference_checkpoint)?;
        let difference = match &a.difference_checkpoint {
            Some(n) => checkpoint(cx, n)?,
            None => util::world(cx)?,
        };
        for c in diff(&reference, &difference) {
            cx.write(row(
                format!("{} {}", c.kind, c.object),
                c.property,
                Value::string(c.from),
                Value::string(c.to),
            ))?;
        }
        if reference.clock != difference.clock {
            cx.write(row(
                "lab".into(),
                "clock",
                Value::DateTime(reference.clock),
                Value::DateTime(difference.clock),
            ))?;
        }
        let (ra, rb) = (reference.downtime_summary(), difference.downtime_summary());
        let mut keys: Vec<(String, &'static str)> = Vec::new();
        for d in ra.iter().chain(rb.iter()) {
            if !keys.iter().any(|k| k.0 == d.service && k.1 == d.kind) {
                keys.push((d.service.clone(), d.kind));
            }
        }
        for (service, kind) in keys {
            let total = |l: &[crate::model::diff::DowntimeSummary]| {
                l.iter()
                    .find(|d| d.service == service && d.kind == kind)
                    .map(|d| d.total)
                    .unwrap_or(0)
            };
            let (x, y) = (total(&ra), total(&rb));
            if x != y {
                cx.write(row(
                    format!("downtime {}", service),
                    if kind == "Planned" {
                        "planned"
                    } else {
                        "unplanned"
                    },
                    Value::TimeSpan(x),
                    Value::TimeSpan(y),
                ))?;
            }
        }
        Ok(())
    }
}
