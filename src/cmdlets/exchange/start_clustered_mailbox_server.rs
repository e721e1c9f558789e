//! Start-ClusteredMailboxServer (X3).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StartClusteredMailboxServerArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StartClusteredMailboxServer;

impl Cmdlet for StartClusteredMailboxServer {
    type Args = StartClusteredMailboxServerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process(&a.identity, "Start-ClusteredMailboxServer")? {
            return Ok(());
        }
        let op = Op::StartCms {
            cms: a.identity.clone(),
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
