//! setup.com (Exchange 2007), on the console's node (X8).

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetupComArgs;
use crate::engine::value::Value;
use crate::model::cms_setup::{parse_roles, CmsSetup};
use crate::model::exchange::{SetupMode, SetupPlan};
use crate::model::Op;

#[derive(Default)]
pub struct SetupCom;

/// `    Mailbox Role Checks                   ......................... COMPLETED`
fn stage(name: &str, status: &str) -> String {
    format!("    {:<38}{} {}", name, ".".repeat(25), status)
}

/// What a setup.com command line asks for.
enum Parsed {
    Binaries(SetupMode),
    Cms(CmsSetup),
}

fn mode_of(args: &[String]) -> Result<Parsed, String> {
    let mut mode: Option<&str> = None;
    let (mut name, mut ip, mut path) = (String::new(), String::new(), String::new());
    let mut roles: Option<String> = None;
    for a in args {
        let l = a.to_ascii_lowercase();
        let l = l.trim_start_matches(['/', '-']);
        let value = |v: &str| {
            a.split_once(':')
                .map(|(_, x)| x.trim_matches('"').to_string())
                .unwrap_or_else(|| v.to_string())
        };
        match l.split_once(':') {
            Some(("mode" | "m", v)) if v.eq_ignore_ascii_case("upgrade") => mode = Some("upgrade"),
            Some(("mode" | "m", v)) if v.eq_ignore_ascii_case("install") => mode = Some("install"),
            Some(("mode" | "m", v)) => return Err(format!("The /mode:{} option is not simulated by exsh (it simulates /mode:install and /mode:upgrade).", v)),
            Some(("roles" | "role" | "r", v)) => roles = Some(value(v)),
            Some(("cmsname", v)) => name = value(v),
            Some(("cmsipaddress" | "cmsip", v)) => ip = value(v),
            Some(("cmsdatapath", v)) => path = value(v),
            _ => match l {
                "upgradecms" => mode = Some("upgradecms"),
                "prepareschema" | "ps" => mode = Some("prepareschema"),
                "preparead" | "p" => mode = Some("preparead"),
                "newcms" => mode = Some("newcms"),
                "removecms" => mode = Some("removecms"),
                "clearlocalcms" => mode = Some("clearlocalcms"),
                "recovercms" => mode = Some("recovercms"),
                _ => return Err(format!("The '{}' option is not simulated by exsh (it simulates /mode:upgrade, /upgradecms, /newcms, /removecms, /clearlocalcms, /recovercms, /prepareschema and /preparead).", a)),
            },
        }
    }
    let need_name = |what: &str| -> Result<String, String> {
        if name.is_empty() {
            Err(format!("/{} requires /CmsName:<name>.", what))
        } else {
            Ok(name.clone())
        }
    };
    Ok(match mode {
        Some("upgrade") => Parsed::Binaries(SetupMode::Upgrade),
        Some("install") => Parsed::Cms(CmsSetup::Install {
            roles: parse_roles(roles.as_deref().unwrap_or(""))?,
        }),
        None if roles.is_some() => Parsed::Cms(CmsSetup::Install {
            roles: parse_roles(roles.as_deref().unwrap_or(""))?,
        }),
        Some("upgradecms") => Parsed::Binaries(SetupMode::UpgradeCms),
        Some("prepareschema") => Parsed::Cms(CmsSetup::PrepareSchema),
        Some("preparead") => Parsed::Cms(CmsSetup::PrepareAd),
        Some("newcms") => Parsed::Cms(CmsSetup::NewCms {
            name: need_name("NewCms")?,
            ip,
            data_path: path,
        }),
        Some("removecms") => Parsed::Cms(CmsSetup::RemoveCms {
            name: need_name("RemoveCms")?,
        }),
        Some("clearlocalcms") => Parsed::Cms(CmsSetup::ClearLocalCms {
            name: need_name("ClearLocalCms")?,
        }),
        Some("recovercms") => Parsed::Cms(CmsSetup::RecoverCms {
            name: need_name("RecoverCms")?,
            ip,
        }),
        _ => return Err("Specify /mode:upgrade, /upgradecms, /newcms, /removecms, /clearlocalcms, /recovercms, /prepareschema or /preparead.".into()),
    })
}

/// The stage list of an organization or CMS switch.
/// The console output of setup.com: the prerequisite checks, then either the failure
/// tail or the configuration stages. `upgrading` lists the roles an upgrade names;
/// `reboot` adds the restart notice an install or upgrade of binaries ends with.
fn render_setup(
    plan: &SetupPlan,
    upgrading: &[&str],
    steps: &[&str],
    reboot: bool,
    done: bool,
) -> Vec<String> {
    let mut v = vec![
        "Welcome to Microsoft Exchange Server 2007 Unattended Setup".to_string(),
        String::new(),
        "Preparing Exchange Setup".into(),
        String::new(),
        stage("Copying Setup Files", "COMPLETED"),
        String::new(),
    ];
    if !upgrading.is_empty() {
        v.push("The following server roles will be upgraded".to_string());
        v.extend(upgrading.iter().map(|r| r.to_string()));
        v.push(String::new());
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
    v.extend(steps.iter().map(|s| stage(s, "COMPLETED")));
    v.push(String::new());
    v.push("The Microsoft Exchange Server setup operation completed successfully.".into());
    if reboot {
        v.push("Setup has made changes to operating system settings that require a reboot to take effect. Please reboot this server prior to placing it into production.".into());
    }
    v
}

fn render_cms(plan: &SetupPlan, action: &CmsSetup, done: bool) -> Vec<String> {
    let reboot = matches!(action, CmsSetup::Install { .. });
    let steps = action.stages().1;
    let steps: Vec<&str> = steps.iter().map(String::as_str).collect();
    render_setup(plan, &[], &steps, reboot, done)
}

fn render(plan: &SetupPlan, mode: SetupMode, done: bool) -> Vec<String> {
    match mode {
        SetupMode::Upgrade => render_setup(
            plan,
            &["Mailbox Role", "Management Tools"],
            &[
                "Preparing Setup",
                "Copying Exchange Files",
                "Mailbox Server Role",
                "Exchange Management Tools",
                "Finalizing Setup",
            ],
            true,
            done,
        ),
        SetupMode::UpgradeCms => render_setup(
            plan,
            &[],
            &[
                "Preparing Setup",
                "Clustered Mailbox Server Upgrade",
                "Finalizing Setup",
            ],
            false,
            done,
        ),
    }
}

impl Cmdlet for SetupCom {
    type Args = SetupComArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let args: Vec<String> = crate::cmdlets::installers::native_args(&a.argument_list);
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
        let mode = match mode {
            Parsed::Binaries(m) => m,
            Parsed::Cms(action) => {
                let plan = lab::world(cx)?.cms_setup_plan(&node, &action);
                let mut done = false;
                if plan.ok() {
                    let op = Op::CmsSetup {
                        server: node.clone(),
                        action: action.clone(),
                    };
                    match lab::apply(cx, op) {
                        Ok(_) => done = true,
                        Err(e) => cx.write_error(lab::model_error(&e))?,
                    }
                }
                for l in render_cms(&plan, &action, done) {
                    cx.write(Value::string(l))?;
                }
                if !done {
                    cx.interp.error_count += 1;
                }
                cx.interp
                    .set_var_in(0, "LASTEXITCODE", Value::Int(if done { 0 } else { 1 }));
                return Ok(());
            }
        };
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
