//! Set-TransportConfig: the transport dumpster.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::SetTransportConfigArgs;
use crate::model::Op;

#[derive(Default)]
pub struct SetTransportConfig;

/// `18MB`, `1.5GB`, `512KB`, `0` -> megabytes.
fn megabytes(s: &str) -> Option<u64> {
    let t = s.trim().replace(' ', "").to_ascii_uppercase();
    let (num, mult) = if let Some(n) = t.strip_suffix("GB") {
        (n.to_string(), 1024.0)
    } else if let Some(n) = t.strip_suffix("MB") {
        (n.to_string(), 1.0)
    } else if let Some(n) = t.strip_suffix("KB") {
        (n.to_string(), 1.0 / 1024.0)
    } else if let Some(n) = t.strip_suffix('B') {
        (n.to_string(), 1.0 / (1024.0 * 1024.0))
    } else {
        (t.clone(), 1.0 / (1024.0 * 1024.0))
    };
    let v: f64 = num.parse().ok()?;
    if v < 0.0 {
        return None;
    }
    Some((v * mult).ceil() as u64)
}

impl Cmdlet for SetTransportConfig {
    type Args = SetTransportConfigArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let size = match &a.max_dumpster_size_per_storage_group {
            None => None,
            Some(s) => match megabytes(s) {
                Some(m) => Some(m),
                None => {
                    return Err(cx.fail(ErrorRecord::new(
                        format!("Cannot bind parameter 'MaxDumpsterSizePerStorageGroup'. Cannot convert value \"{}\" to type \"Microsoft.Exchange.Data.ByteQuantifiedSize\".", s),
                        "CannotConvertArgumentNoMessage",
                        ErrorCategory::InvalidArgument,
                    )))
                }
            },
        };
        let time = a.max_dumpster_time.map(|t| t / 10_000_000);
        if !cx.should_process("Transport Settings", "Set-TransportConfig")? {
            return Ok(());
        }
        lab::apply(
            cx,
            Op::SetTransportConfig {
                max_dumpster_size_mb: size,
                max_dumpster_time: time,
            },
        )
        .map(|_| ())
        .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
