//! Windows hotfix packages named by KB (`WindowsServer2003-KB831464-x86-ENU.exe`), on the
//! console's node. The command resolves under the name the script typed; the KB comes
//! from it.

use crate::cmdlets::installers::{exit_code, kb_of, switches};
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::KBnnnnnnExeArgs;
use crate::engine::value::Value;
use crate::model::Op;

#[derive(Default)]
pub struct KBnnnnnnExe;

const SWITCHES: &[&str] = &[
    "quiet",
    "q",
    "passive",
    "u",
    "norestart",
    "forcerestart",
    "warnrestart",
    "promptrestart",
    "z",
];

impl Cmdlet for KBnnnnnnExe {
    type Args = KBnnnnnnExeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let Some(sw) = switches(cx, &a.argument_list, SWITCHES) else {
            return Ok(());
        };
        let file = cx.spec.name.clone();
        let Some(kb) = kb_of(&file) else {
            cx.interp.flush_output();
            cx.interp.host.err(&format!(
                "{}: name a hotfix package by its KB number, as WindowsServer2003-KB831464-x86-ENU.exe.\n",
                file
            ));
            cx.interp.error_count += 1;
            exit_code(cx, 1);
            return Ok(());
        };
        let has = |s: &str| sw.iter().any(|x| x == s);
        let quiet = has("quiet") || has("q");
        let unattended = quiet || has("passive") || has("u");
        let norestart = has("norestart") || has("z");
        let restart = has("forcerestart") || (unattended && !norestart);
        let node = lab::session(cx)?.current_node.clone();
        let plan = lab::world(cx)?.hotfix_plan(&node, &kb);
        if let Some(why) = &plan.failure {
            cx.write(Value::string(why.clone()))?;
            cx.interp.error_count += 1;
            exit_code(cx, 1);
            return Ok(());
        }
        if plan.already {
            if !quiet {
                cx.write(Value::string(format!(
                    "Hotfix {} is already installed on {}.",
                    plan.kb, node
                )))?;
            }
            exit_code(cx, 0);
            return Ok(());
        }
        let op = Op::InstallHotfix {
            server: node.clone(),
            kb: kb.clone(),
            restart,
        };
        if let Err(e) = lab::apply(cx, op) {
            exit_code(cx, 1);
            return Err(cx.fail(lab::model_error(&e)));
        }
        if !quiet {
            cx.write(Value::string(format!(
                "Installing Windows Server 2003 Hotfix {} on {} ... completed.",
                plan.kb, node
            )))?;
            cx.write(Value::string(if restart {
                format!("{} is restarting to complete the installation.", node)
            } else {
                "You must restart this computer for the update to take effect.".to_string()
            }))?;
        }
        exit_code(cx, if restart { 0 } else { 3010 });
        Ok(())
    }
}
