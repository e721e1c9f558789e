//! Get-LabClock: the simulated time.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetLabClockArgs;

#[derive(Default)]
pub struct GetLabClock;

impl Cmdlet for GetLabClock {
    type Args = GetLabClockArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let t = util::session(cx)?.world.clock;
        cx.write(util::time(t))
    }
}
