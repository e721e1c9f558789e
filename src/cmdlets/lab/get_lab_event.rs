//! Get-LabEvent: the timeline.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetLabEventArgs;

#[derive(Default)]
pub struct GetLabEvent;

impl Cmdlet for GetLabEvent {
    type Args = GetLabEventArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = util::world(cx)?;
        let mut list: Vec<_> = w
            .events
            .iter()
            .filter(|e| {
                a.server.is_empty() || a.server.iter().any(|s| s.eq_ignore_ascii_case(&e.server))
            })
            .filter(|e| {
                a.event_id.is_empty()
                    || a.event_id
                        .iter()
                        .any(|i| i64::from(*i) == i64::from(e.event_id))
            })
            .filter(|e| {
                a.source.is_empty() || a.source.iter().any(|s| s.eq_ignore_ascii_case(&e.source))
            })
            .filter(|e| a.after.is_none_or(|t| e.time > t))
            .collect();
        if let Some(n) = a.newest {
            let n = usize::try_from(n).unwrap_or(0);
            if list.len() > n {
                list.drain(..list.len() - n);
            }
        }
        for e in list {
            cx.write(util::event_object(e))?;
        }
        Ok(())
    }
}
