//! Clear-Host: clears a terminal screen (nothing when output is not a terminal).

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ClearHostArgs;

#[derive(Default)]
pub struct ClearHost;

impl Cmdlet for ClearHost {
    type Args = ClearHostArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if cx.interp.host.color() {
            cx.interp.console("\x1b[2J\x1b[H");
        }
        Ok(())
    }
}
