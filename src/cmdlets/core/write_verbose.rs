//! Write-Verbose: `VERBOSE: message` when -Verbose or $VerbosePreference asks for it.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::WriteVerboseArgs;

#[derive(Default)]
pub struct WriteVerbose;

impl Cmdlet for WriteVerbose {
    type Args = WriteVerboseArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        cx.write_verbose(&a.message);
        Ok(())
    }
}
