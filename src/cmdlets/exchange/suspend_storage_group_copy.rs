//! Suspend-StorageGroupCopy (X6).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SuspendStorageGroupCopyArgs;
use crate::model::exchange::CopyAction;
use crate::model::Op;

#[derive(Default)]
pub struct SuspendStorageGroupCopy;

impl Cmdlet for SuspendStorageGroupCopy {
    type Args = SuspendStorageGroupCopyArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process_high(&a.identity, "Suspend-StorageGroupCopy")? {
            return Ok(());
        }
        let op = Op::CopyControl {
            storage_group: a.identity.clone(),
            action: CopyAction::Suspend(a.suspend_comment.clone().unwrap_or_default()),
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
