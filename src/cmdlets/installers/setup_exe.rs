//! setup.exe (the graphical Exchange 2007 setup): refused on cluster nodes (X8).

use crate::cmdlets::installers::exit_code;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetupExeArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct SetupExe;

impl Cmdlet for SetupExe {
    type Args = SetupExeArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let node = lab::session(cx)?.current_node.clone();
        let clustered = lab::world(cx)?
            .server(&node)
            .is_some_and(|s| s.cluster.is_some());
        let text = if clustered {
            format!(
                "Setup.exe cannot upgrade a clustered mailbox server node. Run setup.com /mode:upgrade from a command prompt on {}.",
                node
            )
        } else {
            format!(
                "exsh simulates Exchange's unattended setup only: run setup.com /mode:upgrade on {}.",
                node
            )
        };
        cx.write(Value::string(text))?;
        cx.interp.error_count += 1;
        exit_code(cx, 1);
        Ok(())
    }
}
