//! Checkpoint-Lab: a named snapshot of the world.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::CheckpointLabArgs;

#[derive(Default)]
pub struct CheckpointLab;

impl Cmdlet for CheckpointLab {
    type Args = CheckpointLabArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let s = util::session(cx)?;
        let w = s.world.clone();
        s.checkpoints.insert(a.name.to_lowercase(), w);
        Ok(())
    }
}
