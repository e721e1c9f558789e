//! Move-ClusteredMailboxServer (X1).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::MoveClusteredMailboxServerArgs;
use crate::model::Op;

#[derive(Default)]
pub struct MoveClusteredMailboxServer;

impl Cmdlet for MoveClusteredMailboxServer {
    type Args = MoveClusteredMailboxServerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let target = format!("{} to node {}", a.identity, a.target_machine);
        let go = if a.validate_only {
            true
        } else {
            cx.should_process_high(&target, "Move-ClusteredMailboxServer")?
        };
        if !go {
            return Ok(());
        }
        let op = Op::MoveCms {
            cms: a.identity.clone(),
            target: a.target_machine.clone(),
            comment: a.move_comment.clone(),
            validate_only: a.validate_only,
            ignore_dismounted: a.ignore_dismounted,
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
