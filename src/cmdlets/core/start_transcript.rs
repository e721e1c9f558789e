//! Start-Transcript: records everything the session prints until Stop-Transcript.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::interp::Transcript;
use crate::engine::registry::StartTranscriptArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct StartTranscript;

impl Cmdlet for StartTranscript {
    type Args = StartTranscriptArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let path = a
            .path
            .clone()
            .unwrap_or_else(|| "exsh_transcript.txt".to_string());
        let started = crate::format::datetime::format_custom(cx.interp.now(), "yyyyMMddHHmmss");
        let header = format!(
            "**********************\nPowerShell transcript start\nStart time: {}\n**********************\n",
            started
        );
        let mut text = String::new();
        if a.append {
            text = std::fs::read_to_string(&path).unwrap_or_default();
        }
        text.push_str(&header);
        cx.interp.transcript = Some(Transcript {
            path: path.clone(),
            text,
        });
        cx.write(Value::string(format!(
            "Transcript started, output file is {}",
            path
        )))
    }
}
