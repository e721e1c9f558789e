//! Resume-StorageGroupCopy (X6).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ResumeStorageGroupCopyArgs;
use crate::model::exchange::CopyAction;
use crate::model::Op;

#[derive(Default)]
pub struct ResumeStorageGroupCopy;

impl Cmdlet for ResumeStorageGroupCopy {
    type Args = ResumeStorageGroupCopyArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process_high(&a.identity, "Resume-StorageGroupCopy")? {
            return Ok(());
        }
        let op = Op::CopyControl {
            storage_group: a.identity.clone(),
            action: CopyAction::Resume,
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
