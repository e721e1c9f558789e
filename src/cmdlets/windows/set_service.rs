//! Set-Service: start type and status.

use crate::cmdlets::lab::util as lab;
use crate::cmdlets::windows::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::SetServiceArgs;
use crate::model::{Op, ServiceAction, StartType};

#[derive(Default)]
pub struct SetService;

impl Cmdlet for SetService {
    type Args = SetServiceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, server) = util::machine(cx, &a.computer_name)?;
        let Some(sv) = util::find(&server, &a.name).cloned() else {
            return cx.write_error(util::no_service(&a.name));
        };
        if !cx.should_process(&format!("{} ({})", sv.display_name, sv.name), "Set-Service")? {
            return Ok(());
        }
        if let Some(t) = &a.startup_type {
            let st = match t.to_ascii_lowercase().as_str() {
                "automatic" => StartType::Automatic,
                "manual" => StartType::Manual,
                _ => StartType::Disabled,
            };
            if let Err(e) = lab::apply(
                cx,
                Op::SetStartType {
                    server: server.name.clone(),
                    service: sv.name.clone(),
                    start_type: st,
                },
            ) {
                return cx.write_error(lab::model_error(&e));
            }
        }
        if let Some(s) = &a.status {
            let action = if s.eq_ignore_ascii_case("Running") {
                ServiceAction::Start
            } else {
                ServiceAction::Stop
            };
            match lab::apply(
                cx,
                Op::ServiceControl {
                    server: server.name.clone(),
                    service: sv.name.clone(),
                    action,
                },
            ) {
                Ok(_) => {}
                Err(e) if e.code == Some(1056) => {}
                Err(e) => return cx.write_error(lab::model_error(&e)),
            }
        }
        if a.pass_thru {
            let w = lab::world(cx)?;
            if let Some(s2) = w.server(&server.name).and_then(|s| util::find(s, &sv.name)) {
                cx.write(util::service_object(&server.name, s2))?;
            }
        }
        Ok(())
    }
}
