//! BeforeEach (see `util`).

use crate::cmdlets::pester::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::BeforeEachArgs;

#[derive(Default)]
pub struct BeforeEach;

impl Cmdlet for BeforeEach {
    type Args = BeforeEachArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(b) = a.scriptblock.clone() {
            util::with_run(cx, |r| {
                if let Some(f) = r.frames.last_mut() {
                    f.before_each.push(b)
                }
            });
        }
        Ok(())
    }
}
