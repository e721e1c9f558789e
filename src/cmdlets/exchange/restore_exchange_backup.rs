//! Restore-ExchangeBackup: NTBackup's Restore Wizard for an Exchange 2000/2003 backup
//! set (E10).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::RestoreExchangeBackupArgs;
use crate::model::Op;

#[derive(Default)]
pub struct RestoreExchangeBackup;

impl Cmdlet for RestoreExchangeBackup {
    type Args = RestoreExchangeBackupArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !cx.should_process(&a.path, "Restore-ExchangeBackup")? {
            return Ok(());
        }
        let op = Op::RestoreBackup {
            file: a.path.clone(),
            storage_group: a.storage_group.clone(),
        };
        lab::apply(cx, op)
            .map(|_| ())
            .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
