//! Start-Sleep: advances the simulated clock; exsh never sleeps for real.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StartSleepArgs;

#[derive(Default)]
pub struct StartSleep;

impl Cmdlet for StartSleep {
    type Args = StartSleepArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let ms =
            a.milliseconds.map(|m| m as f64).unwrap_or(0.0) + a.seconds.unwrap_or(0.0) * 1000.0;
        cx.interp.advance_clock((ms * 10_000.0) as i64);
        Ok(())
    }
}
