//! Write-Warning: `WARNING: message` on the console unless $WarningPreference or
//! -WarningAction silences it.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::WriteWarningArgs;

#[derive(Default)]
pub struct WriteWarning;

impl Cmdlet for WriteWarning {
    type Args = WriteWarningArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        cx.write_warning(&a.message)
    }
}
