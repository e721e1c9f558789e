//! Update-StorageGroupCopy.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::UpdateStorageGroupCopyArgs;
use crate::model::Op;

#[derive(Default)]
pub struct UpdateStorageGroupCopy;

impl Cmdlet for UpdateStorageGroupCopy {
    type Args = UpdateStorageGroupCopyArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process_high(&a.identity, "Update-StorageGroupCopy")? {
            return Ok(());
        }
        let op = Op::CopyControl {
            storage_group: a.identity.clone(),
            action: crate::model::exchange::CopyAction::Reseed {
                manual_resume: a.manual_resume,
            },
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
