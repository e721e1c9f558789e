//! Shared pieces of the Windows commands: the machine a command runs on, service
//! objects, and error records worded as Windows words them.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::Cx;
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow};
use crate::engine::value::{PsObject, Value};
use crate::model::{Power, Server, Service, ServiceStatus, StartType, World};

/// The machine a command acts on: -ComputerName, else the console's node. A machine
/// that is off answers `The RPC server is unavailable.`
pub fn machine(cx: &mut Cx, given: &Option<String>) -> Result<(World, Server), Flow> {
    let s = lab::session(cx)?;
    let name = given.clone().unwrap_or_else(|| s.current_node.clone());
    let w = s.world.clone();
    let Some(server) = w.server(&name).cloned() else {
        let e = ErrorRecord::new(
            format!("Cannot find the computer '{}' in the lab.", name),
            "ComputerNotFound",
            ErrorCategory::ObjectNotFound,
        );
        return Err(cx.fail(e));
    };
    if server.power == Power::Off {
        let e = lab::model_error(&crate::model::ModelError::win32(1722))
            .with_target(Value::string(name));
        return Err(cx.fail(e));
    }
    Ok((w, server))
}

pub fn status_name(s: ServiceStatus) -> &'static str {
    match s {
        ServiceStatus::Running => "Running",
        ServiceStatus::Stopped => "Stopped",
    }
}

pub fn start_name(s: StartType) -> &'static str {
    match s {
        StartType::Automatic => "Automatic",
        StartType::Manual => "Manual",
        StartType::Disabled => "Disabled",
    }
}

pub fn service_object(machine: &str, sv: &Service) -> Value {
    let mut o = PsObject::with_type("System.ServiceProcess.ServiceController");
    o.set("Status", Value::str(status_name(sv.status)));
    o.set("Name", Value::string(sv.name.clone()));
    o.set("DisplayName", Value::string(sv.display_name.clone()));
    o.set("StartType", Value::str(start_name(sv.start_type)));
    o.set("MachineName", Value::string(machine.to_string()));
    o.set("ServiceName", Value::string(sv.name.clone()));
    o.set("__ToString", Value::string(sv.name.clone()));
    Value::object(o)
}

/// `Cannot find any service with service name 'X'.`
pub fn no_service(name: &str) -> ErrorRecord {
    let mut e = ErrorRecord::new(
        format!("Cannot find any service with service name '{}'.", name),
        "NoServiceFoundForGivenName",
        ErrorCategory::ObjectNotFound,
    )
    .with_target(Value::string(name.to_string()));
    e.exception_type = "ServiceCommandException".into();
    e
}

/// Finds a service by name or display name.
pub fn find<'a>(server: &'a Server, name: &str) -> Option<&'a Service> {
    server
        .services
        .iter()
        .find(|s| s.name.eq_ignore_ascii_case(name) || s.display_name.eq_ignore_ascii_case(name))
}

/// Start-, Stop- and Restart-Service: one service operation per name, with the errors
/// Windows gives and -PassThru.
pub fn control_services(
    cx: &mut Cx,
    names: &[String],
    computer: &Option<String>,
    pass_thru: bool,
    action: crate::model::ServiceAction,
) -> crate::engine::error::FlowResult<()> {
    use crate::model::{Op, ServiceAction};
    let (_, server) = machine(cx, computer)?;
    let (verb, fqid) = match action {
        ServiceAction::Start => ("Start-Service", "CouldNotStartService"),
        ServiceAction::Stop => ("Stop-Service", "CouldNotStopService"),
        ServiceAction::Restart => ("Restart-Service", "CouldNotRestartService"),
    };
    for n in names {
        let Some(sv) = find(&server, n) else {
            cx.write_error(no_service(n))?;
            continue;
        };
        let target = format!("{} ({})", sv.display_name, sv.name);
        if !cx.should_process(&target, verb)? {
            continue;
        }
        let op = Op::ServiceControl {
            server: server.name.clone(),
            service: sv.name.clone(),
            action,
        };
        match lab::apply(cx, op) {
            Ok(_) => {
                if pass_thru {
                    let w = lab::world(cx)?;
                    if let Some(s2) = w.server(&server.name).and_then(|s| find(s, n)) {
                        cx.write(service_object(&server.name, s2))?;
                    }
                }
            }
            // Starting a running service is not an error for Start-Service.
            Err(e) if e.code == Some(1056) => {}
            Err(e) => {
                let msg = match e.code {
                    Some(1058) => format!(
                        "Service '{}' cannot be started due to the following error: Cannot start service {} on computer '{}'.",
                        target, sv.name, server.name
                    ),
                    _ => e.message.clone(),
                };
                let mut r = ErrorRecord::new(msg, fqid, ErrorCategory::OpenError)
                    .with_target(Value::string(sv.name.clone()));
                r.exception_type = "ServiceCommandException".into();
                cx.write_error(r)?;
            }
        }
    }
    Ok(())
}
