//! setup.com (Exchange 2007), on the console's node (X8).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetupComArgs;
use crate::engine::value::Value;
use crate::model::exchange::{SetupMode, SetupPlan};
use crate::model::Op;

#[derive(Default)]
pub struct SetupCom;

/// `    Mailbox Role Checks                   ......................... COMPLETED`
fn stage(name: &str, status: &str) -> String {
    format!("    {:<38}{} {}", name, ".".repeat(25), status)
}

fn mode_of(args: &[String]) -> Result<SetupMode, String> {
    let mut mode = None;
    for a in args {
        let l = a.to_ascii_lowercase();
        let l = l.trim_start_matches(['/', '-']);
        match l.split_once(':') {
            Some(("mode" | "m", v)) if v.eq_ignore_ascii_case("upgrade") => mode = Some(SetupMode::Upgrade),
            Some(("mode" | "m", v)) => return Err(format!("The /mode:{} option is not simulated by exsh (only /mode:upgrade).", v)),
            _ if l == "upgradecms" => mode = Some(SetupMode::UpgradeCms),
            _ => return Err(format!("The '{}' option is not simulated by exsh (it simulates /mode:upgrade and /upgradecms).", a)),
        }
    }
    mode.ok_or_else(|| "Specify /mode:upgrade or /upgradecms.".into())
}

fn render(plan: &SetupPlan, mode: SetupMode, done: bool) -> Vec<String> {
    let mut v = vec![
        "Welcome to Microsoft Exchange Server 2007 Unattended Setup".to_string(),
        String::new(),
        "Preparing Exchange Setup".into(),
        String::new(),
        stage("Copying Setup Files", "COMPLETED"),
        String::new(),
    ];
    if mode == SetupMode::Upgrade {
        v.extend([
            "The following server roles will be upgraded".to_string(),
            "Mailbox Role".into(),
            "Management Tools".into(),
            String::new(),
        ]);
    }
    v.push("Performing Microsoft Exchange Server Prerequisite Check".into());
    v.push(String::new());
    let mut failed = false;
    for (i, (name, failure)) in plan.checks.iter().enumerate() {
        match failure {
            Some(why) => {
                failed = true;
                v.push(stage(name, "FAILED"));
                v.push(format!("     {}", why));
                v.push(String::new());
            }
            None => {
                v.push(stage(name, "COMPLETED"));
                if i == 0 {
                    for w in &plan.warnings {
                        v.push("     Warning:".into());
                        v.push(format!("     {}", w));
                        v.push(String::new());
                    }
                }
            }
        }
    }
    v.push(String::new());
    if failed || !done {
        v.push("The Microsoft Exchange Server setup operation did not complete. Visit http://support.microsoft.com and enter the Error ID to find more information.".into());
        v.push(String::new());
        v.push("Exchange Server setup encountered an error.".into());
        return v;
    }
    v.push("Configuring Microsoft Exchange Server".into());
    v.push(String::new());
    let steps: &[&str] = match mode {
        SetupMode::Upgrade => &[
            "Preparing Setup",
            "Copying Exchange Files",
            "Mailbox Server Role",
            "Exchange Management Tools",
            "Finalizing Setup",
        ],
        SetupMode::UpgradeCms => &[
            "Preparing Setup",
            "Clustered Mailbox Server Upgrade",
            "Finalizing Setup",
        ],
    };
    v.extend(steps.iter().map(|s| stage(s, "COMPLETED")));
    v.push(String::new());
    v.push("The Microsoft Exchange Server setup operation completed successfully.".into());
    if mode == SetupMode::Upgrade {
        v.push("Setup has made changes to operating system settings that require a reboot to take effect. Please reboot this server prior to placing it into production.".into());
    }
    v
}

impl Cmdlet for SetupCom {
    type Args = SetupComArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let args: Vec<String> = a
            .argument_list
            .iter()
            .map(|v| v.to_display_string())
            .collect();
        let mode = match mode_of(&args) {
            Ok(m) => m,
            Err(e) => {
                cx.interp.flush_output();
                cx.interp.host.err(&format!("{}\n", e));
                cx.interp.error_count += 1;
                cx.interp.set_var_in(0, "LASTEXITCODE", Value::Int(1));
                return Ok(());
            }
        };
        let node = lab::session(cx)?.current_node.clone();
        let plan = lab::world(cx)?.setup_plan(&node, mode);
        let mut done = false;
        if plan.ok() {
            match lab::apply(
                cx,
                Op::Setup {
                    server: node.clone(),
                    mode,
                },
            ) {
                Ok(_) => done = true,
                Err(e) => {
                    cx.write_error(lab::model_error(&e))?;
                }
            }
        }
        for l in render(&plan, mode, done) {
            cx.write(Value::string(l))?;
        }
        if !done {
            cx.interp.error_count += 1;
        }
        cx.interp
            .set_var_in(0, "LASTEXITCODE", Value::Int(if done { 0 } else { 1 }));
        Ok(())
    }
}
