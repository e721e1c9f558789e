//! Write-Error: writes a non-terminating error (honouring -ErrorAction and
//! $ErrorActionPreference), or re-writes an existing error record.

use std::rc::Rc;

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::WriteErrorArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct WriteError;

fn category(name: &str) -> ErrorCategory {
    use ErrorCategory::*;
    [
        NotSpecified,
        InvalidArgument,
        InvalidOperation,
        InvalidData,
        InvalidType,
        ObjectNotFound,
        ResourceUnavailable,
        PermissionDenied,
        ParserError,
        OperationStopped,
        WriteError,
        ReadError,
        SyntaxError,
        NotImplemented,
        DeviceError,
        ConnectionError,
        LimitsExceeded,
        ResourceExists,
        ResourceBusy,
        NotInstalled,
        OperationTimeout,
    ]
    .into_iter()
    .find(|c| c.name().eq_ignore_ascii_case(name))
    .unwrap_or(NotSpecified)
}

impl Cmdlet for WriteError {
    type Args = WriteErrorArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let rec = match &a.error_record {
            Some(Value::Error(e)) => (**e).clone(),
            _ => {
                let msg = a.message.clone().unwrap_or_default();
                let id = a
                    .error_id
                    .clone()
                    .unwrap_or_else(|| "Microsoft.PowerShell.Commands.WriteErrorException".into());
                let mut e = ErrorRecord::new(
                    msg,
                    &id,
                    a.category
                        .as_deref()
                        .map(category)
                        .unwrap_or(ErrorCategory::NotSpecified),
                );
                e.exception_type = "WriteErrorException".into();
                e.target = a.target_object.clone();
                e
            }
        };
        let mut rec = rec;
        if rec.command.is_none() {
            rec.command = Some("Write-Error".into());
        }
        let common = cx.common.clone();
        cx.interp
            .write_error_to(Rc::new(rec), &common, Some(&mut *cx.out))
    }
}
