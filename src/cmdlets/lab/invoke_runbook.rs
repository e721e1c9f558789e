//! Invoke-Runbook: a runbook on the lab, or with -WhatIf on a copy of it (issue 5).

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::InvokeRunbookArgs;
use crate::engine::value::Value;
use crate::host::{report, runbook};

#[derive(Default)]
pub struct InvokeRunbook;

impl Cmdlet for InvokeRunbook {
    type Args = InvokeRunbookArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let path = a.path.replace('\\', "/");
        if !std::path::Path::new(&path).is_file() {
            return Err(cx.fail(ErrorRecord::new(
                format!("Cannot find path '{}' because it does not exist.", a.path),
                "PathNotFound",
                ErrorCategory::ObjectNotFound,
            )));
        }
        cx.interp.flush_output();
        let depth = cx.interp.handler_depth;
        let r = if cx.common.what_if.unwrap_or(false) {
            runbook::what_if(cx.interp, &path, &a.argument_list)
        } else {
            // `Invoke-Runbook X *> $null` runs it without showing what it prints, as
            // every stream of a script is hidden that way.
            use crate::engine::interp::StreamDest;
            let streams = cx.interp.streams;
            let quiet =
                streams.information == StreamDest::Null && streams.error == StreamDest::Null;
            runbook::run_recorded(cx.interp, &path, &a.argument_list, quiet)
        };
        cx.interp.handler_depth = depth;
        cx.interp
            .set_var_in(0, "LASTEXITCODE", Value::Int(r.exit_code));
        if let Some(out) = &a.report {
            let text = report::render(&r, out).map_err(|e| {
                cx.fail(ErrorRecord::new(
                    e,
                    "ReportFormat",
                    ErrorCategory::InvalidArgument,
                ))
            })?;
            crate::host::cli::write_atomic(out, &text).map_err(|e| {
                cx.fail(ErrorRecord::new(
                    e,
                    "ReportWrite",
                    ErrorCategory::WriteError,
                ))
            })?;
        }
        if cx.common.what_if.unwrap_or(false) {
            for line in report::what_if_text(&r).lines() {
                cx.write(Value::string(line.to_string()))?;
            }
        }
        Ok(())
    }
}
