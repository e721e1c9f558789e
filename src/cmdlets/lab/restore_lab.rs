//! Restore-Lab: back to a named snapshot.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::RestoreLabArgs;

#[derive(Default)]
pub struct RestoreLab;

impl Cmdlet for RestoreLab {
    type Args = RestoreLabArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let s = util::session(cx)?;
        let Some(w) = s.checkpoints.get(&a.name.to_lowercase()).cloned() else {
            let names: Vec<String> = s.checkpoints.keys().cloned().collect();
            let msg = if names.is_empty() {
                format!(
                    "There is no checkpoint named '{}'. Checkpoint-Lab has not been run.",
                    a.name
                )
            } else {
                format!(
                    "There is no checkpoint named '{}'. Checkpoints: {}.",
                    a.name,
                    names.join(", ")
                )
            };
            return Err(cx.fail(ErrorRecord::new(
                msg,
                "CheckpointNotFound",
                ErrorCategory::ObjectNotFound,
            )));
        };
        util::replace_world(cx.interp, w, false);
        Ok(())
    }
}
