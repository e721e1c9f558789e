//! Read-Host: a line from the user; in a non-interactive run it is an error, never a
//! wait.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::ReadHostArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct ReadHost;

impl Cmdlet for ReadHost {
    type Args = ReadHostArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let prompt = a
            .prompt
            .as_ref()
            .map(|p| format!("{}: ", cx.interp.stringify(p)))
            .unwrap_or_default();
        cx.interp.flush_output();
        match cx.interp.host.read_line(&prompt) {
            Some(line) => cx.write(Value::string(line)),
            None => Err(cx.fail(ErrorRecord::new(
                "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                "InvalidOperation",
                ErrorCategory::InvalidOperation,
            ))),
        }
    }
}
