//! Stop-Transcript: ends the transcript and writes its file.

use crate::cmdlets::core::set_content::write_file;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::StopTranscriptArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct StopTranscript;

impl Cmdlet for StopTranscript {
    type Args = StopTranscriptArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(mut t) = cx.interp.transcript.take() else {
            return Err(cx.fail(ErrorRecord::new(
                "An error occurred stopping transcription: The host is not currently transcribing.",
                "InvalidOperation",
                ErrorCategory::InvalidOperation,
            )));
        };
        let ended = crate::format::datetime::format_custom(cx.interp.now(), "yyyyMMddHHmmss");
        t.text.push_str(&format!("**********************\nPowerShell transcript end\nEnd time: {}\n**********************\n", ended));
        write_file(&t.path, &t.text, false).map_err(|e| cx.fail(e))?;
        cx.write(Value::string(format!(
            "Transcript stopped, output file is {}",
            t.path
        )))
    }
}
