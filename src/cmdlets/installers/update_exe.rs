//! update.exe: the Exchange 2000/2003 service pack on the console's node (E6, E8, E9).

use crate::cmdlets::installers::{exit_code, switches};
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::UpdateExeArgs;
use crate::engine::value::Value;
use crate::model::Op;

#[derive(Default)]
pub struct UpdateExe;

const SWITCHES: &[&str] = &["passive", "quiet", "q", "u", "norestart", "forcerestart"];

impl Cmdlet for UpdateExe {
    type Args = UpdateExeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let Some(sw) = switches(cx, &a.argument_list, SWITCHES) else {
            return Ok(());
        };
        let node = lab::session(cx)?.current_node.clone();
        let plan = lab::world(cx)?.update_plan(&node);
        let title = if plan.title.is_empty() {
            "Microsoft Exchange Server Service Pack".to_string()
        } else {
            format!("Microsoft {}", plan.title)
        };
        let mut lines = vec![if plan.version.is_empty() {
            format!("{} Setup on {}", title, node)
        } else {
            format!("{} Setup ({}) on {}", title, plan.version, node)
        }];
        if let Some(why) = &plan.failure {
            lines.push(format!("Setup cannot continue: {}", why));
            for l in lines {
                cx.write(Value::string(l))?;
            }
            cx.interp.error_count += 1;
            exit_code(cx, 1);
            return Ok(());
        }
        if plan.already {
            lines.push(format!(
                "{} ({}) is already installed on {}. Nothing to do.",
                plan.title, plan.version, node
            ));
            for l in lines {
                cx.write(Value::string(l))?;
            }
            exit_code(cx, 0);
            return Ok(());
        }
        for w in &plan.warnings {
            lines.push(format!("Warning: {}", w));
        }
        match lab::apply(
            cx,
            Op::ExchangeUpdate {
                server: node.clone(),
            },
        ) {
            Ok(_) => {}
            Err(e) => {
                for l in lines {
                    cx.write(Value::string(l))?;
                }
                exit_code(cx, 1);
                return Err(cx.fail(lab::model_error(&e)));
            }
        }
        lines.push(
            "    Microsoft Exchange Messaging and Collaboration Services ... COMPLETED".into(),
        );
        lines.push("    Microsoft Exchange System Management Tools ............. COMPLETED".into());
        lines.push(format!("{} was installed successfully.", plan.title));
        let restart = sw.iter().any(|s| s == "forcerestart");
        if !restart {
            lines.push("You must restart this computer for the changes to take effect.".into());
        }
        for l in lines {
            cx.write(Value::string(l))?;
        }
        if restart {
            if let Err(e) = lab::apply(
                cx,
                Op::RestartServer {
                    server: node,
                    wait: false,
                },
            ) {
                exit_code(cx, 1);
                return Err(cx.fail(lab::model_error(&e)));
            }
        }
        exit_code(cx, 0);
        Ok(())
    }
}
