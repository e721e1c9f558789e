//! Context: a group of tests inside a Describe.

use crate::cmdlets::pester::describe;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ContextArgs;

#[derive(Default)]
pub struct Context;

impl Cmdlet for Context {
    type Args = ContextArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(f) = &a.fixture else { return Ok(()) };
        describe::block(cx, &a.name, f, &a.tag, a.skip)
    }
}
