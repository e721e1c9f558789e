//! Restart-Computer: a clean restart in simulated time.

use crate::cmdlets::lab::util as lab;
use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::RestartComputerArgs;
use crate::model::Op;

#[derive(Default)]
pub struct RestartComputer;

impl Cmdlet for RestartComputer {
    type Args = RestartComputerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let names = if a.computer_name.is_empty() {
            vec![lab::session(cx)?.current_node.clone()]
        } else {
            a.computer_name.clone()
        };
        for n in names {
            let (_, server) = util::machine(cx, &Some(n))?;
            if !cx.should_process(&server.name, "Restart-Computer")? {
                continue;
            }
            if let Err(e) = lab::apply(
                cx,
                Op::RestartServer {
                    server: server.name.clone(),
                    wait: a.wait,
                },
            ) {
                cx.write_error(lab::model_error(&e))?;
            }
        }
        Ok(())
    }
}
