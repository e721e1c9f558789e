//! Restore-StorageGroupCopy.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::RestoreStorageGroupCopyArgs;
use crate::model::Op;

#[derive(Default)]
pub struct RestoreStorageGroupCopy;

impl Cmdlet for RestoreStorageGroupCopy {
    type Args = RestoreStorageGroupCopyArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process_high(&a.identity, "Restore-StorageGroupCopy")? {
            return Ok(());
        }
        let op = Op::CopyControl {
            storage_group: a.identity.clone(),
            action: crate::model::exchange::CopyAction::Restore,
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
