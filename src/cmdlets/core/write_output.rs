//! Write-Output: writes objects to the pipeline, enumerating collections unless
//! -NoEnumerate.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::WriteOutputArgs;

#[derive(Default)]
pub struct WriteOutput;

impl Cmdlet for WriteOutput {
    type Args = WriteOutputArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        for v in &a.input_object {
            if a.no_enumerate {
                cx.write(v.clone())?;
            } else {
                cx.write_enumerated(v.clone())?;
            }
        }
        Ok(())
    }
}
