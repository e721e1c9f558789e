//! Get-Date: the current (simulated, when a lab runs) date and time, or a given date,
//! adjusted by -Year/-Month/-Day/-Hour/-Minute/-Second, formatted with -Format.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetDateArgs;
use crate::engine::value::Value;
use crate::format::datetime as dt;

#[derive(Default)]
pub struct GetDate;

impl Cmdlet for GetDate {
    type Args = GetDateArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let t = match &a.date {
            Some(Value::DateTime(t)) => *t,
            Some(other) => match crate::engine::convert::convert_to(
                other,
                crate::engine::value::TypeName::DateTime,
            ) {
                Ok(Value::DateTime(t)) => t,
                Ok(_) => cx.interp.now(),
                Err(e) => return Err(cx.fail(e)),
            },
            None => cx.interp.now(),
        };
        let mut c = dt::to_civil(t);
        if let Some(y) = a.year {
            c.year = y as i64;
        }
        if let Some(m) = a.month {
            c.month = m.clamp(1, 12) as u32;
        }
        if let Some(d) = a.day {
            c.day = (d.max(1) as u32).min(dt::days_in_month(c.year, c.month));
        }
        if let Some(h) = a.hour {
            c.hour = h.clamp(0, 23) as u32;
        }
        if let Some(m) = a.minute {
            c.minute = m.clamp(0, 59) as u32;
        }
        if let Some(s) = a.second {
            c.second = s.clamp(0, 59) as u32;
        }
        let t = dt::from_civil(c);
        match &a.format {
            Some(f) => cx.write(Value::string(dt::format_custom(t, f))),
            None => cx.write(Value::DateTime(t)),
        }
    }
}
