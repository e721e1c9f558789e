//! NetFx20SP1_x64.exe: .NET Framework 2.0 SP1 on the console's node.

use crate::cmdlets::installers::{exit_code, switches};
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::NetFx20SP1X64ExeArgs;
use crate::engine::value::Value;
use crate::model::Op;

#[derive(Default)]
pub struct NetFx20SP1X64Exe;

impl Cmdlet for NetFx20SP1X64Exe {
    type Args = NetFx20SP1X64ExeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let Some(sw) = switches(
            cx,
            &a.argument_list,
            &["q", "quiet", "norestart", "passive"],
        ) else {
            return Ok(());
        };
        let quiet = sw.iter().any(|s| s == "q" || s == "quiet");
        let node = lab::session(cx)?.current_node.clone();
        if let Err(e) = lab::apply(
            cx,
            Op::InstallNetFx {
                server: node.clone(),
            },
        ) {
            cx.interp.error_count += 1;
            exit_code(cx, 1);
            return Err(cx.fail(lab::model_error(&e)));
        }
        if !quiet {
            cx.write(Value::string(format!(
                "Microsoft .NET Framework 2.0 Service Pack 1 (x64) is installed on {}.",
                node
            )))?;
        }
        exit_code(cx, 0);
        Ok(())
    }
}
