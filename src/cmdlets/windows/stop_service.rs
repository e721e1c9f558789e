//! Stop-Service.

use crate::cmdlets::lab::util as lab;
use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::StopServiceArgs;
use crate::model::{Op, ServiceAction};

#[derive(Default)]
pub struct StopService;

impl Cmdlet for StopService {
    type Args = StopServiceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, server) = util::machine(cx, &a.computer_name)?;
        for n in &a.name {
            let Some(sv) = util::find(&server, n) else {
                cx.write_error(util::no_service(n))?;
                continue;
            };
            let target = format!("{} ({})", sv.display_name, sv.name);
            if !cx.should_process(&target, "Stop-Service")? {
                continue;
            }
            let op = Op::ServiceControl { server: server.name.clone(), service: sv.name.clone(), action: ServiceAction::Stop };
            match lab::apply(cx, op) {
                Ok(_) => {
                    if a.pass_thru {
                        let w = lab::world(cx)?;
                        if let Some(s2) = w.server(&server.name).and_then(|s| util::find(s, n)) {
                            cx.write(util::service_object(&server.name, s2))?;
                        }
                    }
                }
                Err(e) => {
                    let msg = match e.code {
                        Some(1058) => format!("Service '{}' cannot be started due to the following error: Cannot start service {} on computer '{}'.", target, sv.name, server.name),
                        Some(1056) => continue,
                        _ => e.message.clone(),
                    };
                    let mut r = ErrorRecord::new(msg, "CouldNotStopService", ErrorCategory::OpenError).with_target(crate::engine::value::Value::string(sv.name.clone()));
                    r.exception_type = "ServiceCommandException".into();
                    cx.write_error(r)?;
                }
            }
        }
        Ok(())
    }
}
