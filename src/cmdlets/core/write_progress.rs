//! Write-Progress: accepted and ignored (no progress bar in a simulated run).

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::WriteProgressArgs;

#[derive(Default)]
pub struct WriteProgress;

impl Cmdlet for WriteProgress {
    type Args = WriteProgressArgs;
    fn process(&mut self, _a: &Self::Args, _cx: &mut Cx) -> FlowResult<()> {
        Ok(())
    }
}
