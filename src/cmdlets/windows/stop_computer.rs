//! Stop-Computer: a clean shutdown.

use crate::cmdlets::lab::util as lab;
use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StopComputerArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StopComputer;

impl Cmdlet for StopComputer {
    type Args = StopComputerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let names = if a.computer_name.is_empty() {
            vec![lab::session(cx)?.current_node.clone()]
        } else {
            a.computer_name.clone()
        };
        for n in names {
            let (_, server) = util::machine(cx, &Some(n))?;
            if !cx.should_process(&server.name, "Stop-Computer")? {
                continue;
            }
            if let Err(e) = lab::apply(
                cx,
                Op::ShutdownServer {
                    server: server.name.clone(),
                },
            ) {
                cx.write_error(lab::model_error(&e))?;
            }
        }
        Ok(())
    }
}
