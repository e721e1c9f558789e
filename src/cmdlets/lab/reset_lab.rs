//! Reset-Lab: back to the lab as loaded.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ResetLabArgs;

#[derive(Default)]
pub struct ResetLab;

impl Cmdlet for ResetLab {
    type Args = ResetLabArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let initial = util::session(cx)?.initial.clone();
        util::replace_world(cx.interp, initial, true);
        Ok(())
    }
}
