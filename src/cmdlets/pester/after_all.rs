//! AfterAll (see `util`).

use crate::cmdlets::pester::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::AfterAllArgs;

#[derive(Default)]
pub struct AfterAll;

impl Cmdlet for AfterAll {
    type Args = AfterAllArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(b) = a.scriptblock.clone() {
            util::with_run(cx, |r| {
                if let Some(f) = r.frames.last_mut() {
                    f.after_all.push(b)
                }
            });
        }
        Ok(())
    }
}
