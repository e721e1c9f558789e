//! net.exe: `net start|stop NAME` with net.exe's messages.

use crate::cmdlets::lab::util as lab;
use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::NetArgs;
use crate::engine::value::Value;
use crate::model::{Op, ServiceAction, ServiceStatus};

#[derive(Default)]
pub struct Net;

impl Cmdlet for Net {
    type Args = NetArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let args: Vec<String> = a
            .argument_list
            .iter()
            .map(|v| v.to_display_string())
            .collect();
        let verb = args
            .first()
            .map(|s| s.to_ascii_lowercase())
            .unwrap_or_default();
        let name = args[1.min(args.len())..].join(" ");
        let (_, server) = util::machine(cx, &None)?;
        let mut out: Vec<String> = Vec::new();
        let mut err: Option<String> = None;
        let mut code = 0;
        match verb.as_str() {
            "start" if name.is_empty() => {
                out.push("These Windows services are started:".into());
                out.push(String::new());
                for s in server
                    .services
                    .iter()
                    .filter(|s| s.status == ServiceStatus::Running)
                {
                    out.push(format!("   {}", s.display_name));
                }
                out.push(String::new());
                out.push("The command completed successfully.".into());
                out.push(String::new());
            }
            "start" | "stop" => match util::find(&server, &name) {
                None => {
                    err = Some("The service name is invalid.\n\nMore help is available by typing NET HELPMSG 2185.".into());
                    code = 2;
                }
                Some(sv) => {
                    let disp = sv.display_name.clone();
                    let action = if verb == "start" {
                        ServiceAction::Start
                    } else {
                        ServiceAction::Stop
                    };
                    if verb == "stop" && sv.status == ServiceStatus::Stopped {
                        err = Some("The service has not been started.\n\nMore help is available by typing NET HELPMSG 3521.".into());
                        code = 2;
                    } else {
                        match lab::apply(
                            cx,
                            Op::ServiceControl {
                                server: server.name.clone(),
                                service: sv.name.clone(),
                                action,
                            },
                        ) {
                            Ok(_) if verb == "start" => {
                                out.push(format!("The {} service is starting.", disp));
                                out.push(format!("The {} service was started successfully.", disp));
                                out.push(String::new());
                            }
                            Ok(_) => {
                                out.push(format!("The {} service is stopping.", disp));
                                out.push(format!("The {} service was stopped successfully.", disp));
                                out.push(String::new());
                            }
                            Err(e) if e.code == Some(1056) => {
                                err = Some("The requested service has already been started.\n\nMore help is available by typing NET HELPMSG 2182.".into());
                                code = 2;
                            }
                            Err(e) => {
                                err = Some(format!(
                                    "System error {} has occurred.\n\n{}",
                                    e.code.unwrap_or(1),
                                    e.message
                                ));
                                code = 2;
                            }
                        }
                    }
                }
            },
            _ => {
                err = Some(
                    "The syntax of this command is:\n\nNET\n    [ START | STOP ] [service]".into(),
                );
                code = 1;
            }
        }
        for l in out {
            cx.write(Value::string(l))?;
        }
        if let Some(e) = err {
            cx.interp.flush_output();
            cx.interp.host.err(&format!("{}\n", e));
            cx.interp.error_count += 1;
        }
        cx.interp.set_var_in(0, "LASTEXITCODE", Value::Int(code));
        Ok(())
    }
}
