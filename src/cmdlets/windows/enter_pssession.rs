//! Enter-PSSession: the console moves to another machine.

use crate::cmdlets::lab::util as lab;
use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::EnterPSSessionArgs;

#[derive(Default)]
pub struct EnterPSSession;

impl Cmdlet for EnterPSSession {
    type Args = EnterPSSessionArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if lab::session(cx)?.remote {
            return Err(cx.fail(ErrorRecord::new(
                "Enter-PSSession cannot be run from within a remote session. Use Exit-PSSession first.",
                "RemoteHostDoesNotSupportPushRunspace",
                ErrorCategory::InvalidOperation,
            )));
        }
        let name = match util::machine(cx, &Some(a.computer_name.clone())) {
            Ok((_, s)) => s.name,
            Err(_) => {
                return Err(cx.fail(ErrorRecord::new(
                    format!("Connecting to remote server {} failed with the following error message : The RPC server is unavailable.", a.computer_name),
                    "PSSessionOpenFailed",
                    ErrorCategory::OpenError,
                )));
            }
        };
        let s = lab::session(cx)?;
        s.current_node = name.clone();
        s.remote = true;
        cx.interp.set_env("COMPUTERNAME", &name);
        Ok(())
    }
}
