//! Out-Null: discards its input.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::OutNullArgs;

#[derive(Default)]
pub struct OutNull;

impl Cmdlet for OutNull {
    type Args = OutNullArgs;
    fn process(&mut self, _a: &Self::Args, _cx: &mut Cx) -> FlowResult<()> {
        Ok(())
    }
}
