//! Set-MailboxServer -AutoDatabaseMountDial.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetMailboxServerArgs;
use crate::model::Op;

#[derive(Default)]
pub struct SetMailboxServer;

impl Cmdlet for SetMailboxServer {
    type Args = SetMailboxServerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(dial) = &a.auto_database_mount_dial else {
            return Ok(());
        };
        if !cx.should_process(&a.identity, "Set-MailboxServer")? {
            return Ok(());
        }
        lab::apply(
            cx,
            Op::SetMountDial {
                cms: a.identity.clone(),
                dial: dial.clone(),
            },
        )
        .map(|_| ())
        .map_err(|e| cx.fail(lab::model_error(&e)))
    }
}
