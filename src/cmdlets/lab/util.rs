//! The lab session: the simulated world the shell acts on, the node the console is on,
//! checkpoints; and the bridge from shell commands to `World::apply`.

use indexmap::IndexMap;

use crate::engine::command::Cx;
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow};
use crate::engine::interp::Interp;
use crate::engine::value::{PsObject, Value};
use crate::model::{Actor, ErrorKind, Event, ModelError, Op, World};

/// The shell's view of the lab.
pub struct LabSession {
    pub world: World,
    /// The lab as loaded (Reset-Lab).
    pub initial: World,
    /// The node the console is on (Enter-PSSession changes it).
    pub current_node: String,
    /// True inside Enter-PSSession.
    pub remote: bool,
    /// Named snapshots (Checkpoint-Lab / Restore-Lab).
    pub checkpoints: IndexMap<String, World>,
    /// Records each state change with its command and simulated times (runbook
    /// what-if and reports).
    pub recorder: Option<crate::host::runbook::Recorder>,
}

/// Loads a world into the interpreter: clock, `$env:COMPUTERNAME`, prompt, Start-Sleep.
pub fn install(interp: &mut Interp, world: World) {
    let node = world.start_node.clone();
    let clock = world.clock;
    let (checkpoints, recorder) = interp
        .ext_mut::<LabSession>()
        .map(|s| (std::mem::take(&mut s.checkpoints), s.recorder.take()))
        .unwrap_or_default();
    interp.set_ext(LabSession {
        initial: world.clone(),
        world,
        current_node: node.clone(),
        remote: false,
        checkpoints,
        recorder,
    });
    interp.sim_time = Some(clock);
    interp.set_env("COMPUTERNAME", &node);
    interp.set_env("USERDOMAIN", "CONTOSO");
    interp.hooks.advance = Some(advance);
    interp.hooks.prompt = Some(prompt);
}

/// Replaces the world (Import-Lab, Restore-Lab, Reset-Lab) keeping checkpoints.
pub fn replace_world(interp: &mut Interp, world: World, initial: bool) {
    let keep_initial = interp.ext::<LabSession>().map(|s| s.initial.clone());
    install(interp, world);
    if !initial {
        if let (Some(i), Some(s)) = (keep_initial, interp.ext_mut::<LabSession>()) {
            s.initial = i;
        }
    }
}

fn advance(interp: &mut Interp, ticks: i64) {
    let (line, text) = crate::host::runbook::current_line(interp);
    let Some(s) = interp.ext_mut::<LabSession>() else {
        return;
    };
    let before = s
        .recorder
        .as_ref()
        .map(|_| (s.world.clock, crate::model::diff::snapshot(&s.world)));
    let _ = s.world.apply(&Op::Sleep { ticks }, &Actor::default());
    if let (Some(r), Some((start, snap))) = (s.recorder.as_mut(), before) {
        r.record(&s.world, start, snap, line, "Start-Sleep", text, None);
    }
    let clock = s.world.clock;
    interp.sim_time = Some(clock);
}

/// `PS NODE1> `, or `[NODE2]: PS> ` inside Enter-PSSession.
fn prompt(interp: &Interp) -> String {
    match interp.ext::<LabSession>() {
        Some(s) if s.remote => format!("[{}]: PS> ", s.current_node),
        Some(s) => format!("PS {}> ", s.current_node),
        None => "PS> ".to_string(),
    }
}

fn no_lab() -> ErrorRecord {
    ErrorRecord::new(
        "No lab is loaded. Start exsh with --lab NAME or run Import-Lab.",
        "NoLab",
        ErrorCategory::InvalidOperation,
    )
}

/// The session, or a terminating error.
pub fn session<'a>(cx: &'a mut Cx) -> Result<&'a mut LabSession, Flow> {
    let fail = cx.fail(no_lab());
    cx.interp.ext_mut::<LabSession>().ok_or(fail)
}

/// A read-only view of the world.
pub fn world(cx: &mut Cx) -> Result<World, Flow> {
    Ok(session(cx)?.world.clone())
}

/// The shell error for a refused operation.
pub fn model_error(e: &ModelError) -> ErrorRecord {
    let category = match e.kind {
        ErrorKind::NotFound => ErrorCategory::ObjectNotFound,
        ErrorKind::AccessDenied => ErrorCategory::PermissionDenied,
        ErrorKind::Unavailable => ErrorCategory::ResourceUnavailable,
        ErrorKind::InvalidArgument => ErrorCategory::InvalidArgument,
        ErrorKind::InvalidOperation => ErrorCategory::InvalidOperation,
    };
    let id = match e.code {
        Some(c) => format!("Win32Error{}", c),
        None => "LabOperationFailed".to_string(),
    };
    let mut r = ErrorRecord::new(e.message.clone(), &id, category);
    r.exception_type = match e.kind {
        ErrorKind::AccessDenied => "UnauthorizedAccessException".into(),
        _ => "ClusterCmdletException".into(),
    };
    r
}

/// Commands run on the console's node: when it is off, `The RPC server is unavailable.`
pub fn require_current_node_up(cx: &mut Cx) -> Result<(), Flow> {
    let s = session(cx)?;
    let up = s
        .world
        .server(&s.current_node)
        .is_some_and(|x| x.power == crate::model::Power::On);
    if up {
        Ok(())
    } else {
        Err(cx.fail(model_error(&ModelError::win32(1722))))
    }
}

/// Applies an operation from the console's node; keeps the shell's clock in step.
pub fn apply(cx: &mut Cx, op: Op) -> Result<Vec<Event>, ModelError> {
    let Some(s) = cx.interp.ext_mut::<LabSession>() else {
        return Err(ModelError::other(
            no_lab().message,
            ErrorKind::InvalidOperation,
        ));
    };
    let actor = Actor {
        node: s.current_node.clone(),
    };
    let before = s
        .recorder
        .as_ref()
        .map(|_| (s.world.clock, crate::model::diff::snapshot(&s.world)));
    let r = s.world.apply(&op, &actor);
    if let Some((start, snap)) = before {
        let (line, text) = crate::host::runbook::current_line(cx.interp);
        let name = cx.spec.name.clone();
        let error = r.as_ref().err().map(|e| e.message.clone());
        if let Some(s) = cx.interp.ext_mut::<LabSession>() {
            if let Some(rec) = s.recorder.as_mut() {
                rec.record(&s.world, start, snap, line, &name, text, error);
            }
        }
    }
    let clock = cx
        .interp
        .ext::<LabSession>()
        .map(|s| s.world.clock)
        .unwrap_or_default();
    cx.interp.sim_time = Some(clock);
    r
}

/// The cluster a command acts on: `-Cluster`, else the console node's, else the lab's
/// only one (DOMAIN.md §9).
pub fn cluster_name(cx: &mut Cx, given: &Option<String>) -> Result<String, Flow> {
    let s = session(cx)?;
    let w = &s.world;
    let found = match given {
        Some(n) => w.cluster(n).map(|c| c.name.clone()),
        None => w
            .cluster_of_node(&s.current_node)
            .or_else(|| {
                if w.clusters.len() == 1 {
                    w.clusters.first()
                } else {
                    None
                }
            })
            .map(|c| c.name.clone()),
    };
    match found {
        Some(n) => Ok(n),
        None => {
            let msg = match given {
                Some(n) => format!("The cluster '{}' was not found.", n),
                None => "The console's node is not in a cluster; use -Cluster.".to_string(),
            };
            Err(cx.fail(ErrorRecord::new(
                msg,
                "ClusterNotFound",
                ErrorCategory::ObjectNotFound,
            )))
        }
    }
}

/// A DateTime value of a simulated time.
pub fn time(t: i64) -> Value {
    Value::DateTime(t)
}

/// An event as Get-LabEvent returns it.
pub fn event_object(e: &Event) -> Value {
    let mut o = PsObject::with_type("Exsh.Lab.Event");
    o.set("Time", time(e.time));
    o.set("Server", Value::string(e.server.clone()));
    o.set("Log", Value::string(e.log.clone()));
    o.set("Source", Value::string(e.source.clone()));
    o.set(
        "EventId",
        Value::Int(i32::try_from(e.event_id).unwrap_or(0)),
    );
    o.set("EntryType", Value::str(e.entry_type.name()));
    o.set("Message", Value::string(e.message.clone()));
    o.set("Planned", Value::Bool(e.planned));
    Value::object(o)
}

/// Names given as objects (pipeline objects' Name) or strings.
pub fn name_of(v: &Value) -> String {
    match v {
        Value::Object(o) => o
            .borrow()
            .get("Name")
            .map(|n| n.to_display_string())
            .unwrap_or_default(),
        other => other.to_display_string(),
    }
}
