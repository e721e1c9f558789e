//! Exit-PSSession: back to the node the session started on.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ExitPSSessionArgs;

#[derive(Default)]
pub struct ExitPSSession;

impl Cmdlet for ExitPSSession {
    type Args = ExitPSSessionArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let s = lab::session(cx)?;
        if !s.remote {
            return Ok(());
        }
        let home = s.world.start_node.clone();
        s.current_node = home.clone();
        s.remote = false;
        cx.interp.set_env("COMPUTERNAME", &home);
        Ok(())
    }
}
