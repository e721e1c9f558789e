//! AfterEach (see `util`).

use crate::cmdlets::pester::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::AfterEachArgs;

#[derive(Default)]
pub struct AfterEach;

impl Cmdlet for AfterEach {
    type Args = AfterEachArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(b) = a.scriptblock.clone() {
            util::with_run(cx, |r| {
                if let Some(f) = r.frames.last_mut() {
                    f.after_each.push(b)
                }
            });
        }
        Ok(())
    }
}
