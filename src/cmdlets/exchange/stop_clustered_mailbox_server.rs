//! Stop-ClusteredMailboxServer (X3).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StopClusteredMailboxServerArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StopClusteredMailboxServer;

impl Cmdlet for StopClusteredMailboxServer {
    type Args = StopClusteredMailboxServerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process_high(&a.identity, "Stop-ClusteredMailboxServer")? {
            return Ok(());
        }
        let op = Op::StopCms {
            cms: a.identity.clone(),
            reason: a.stop_reason.clone(),
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
