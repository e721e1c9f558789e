//! BeforeAll (see `util`).

use crate::cmdlets::pester::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::BeforeAllArgs;

#[derive(Default)]
pub struct BeforeAll;

impl Cmdlet for BeforeAll {
    type Args = BeforeAllArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        match &a.scriptblock {
            Some(b) => util::in_new_scope_current(cx, b),
            None => Ok(()),
        }
    }
}
