//! Runbooks as a whole: recording each change a run makes (command, line, simulated start
//! and end, what changed), the what-if run on a copy of the lab, and the data reports are
//! written from.

use indexmap::IndexMap;
use serde::Serialize;

use crate::engine::interp::Interp;
use crate::model::diff::{self, Change};
use crate::model::{Ticks, World};

/// One state-changing command of a run.
#[derive(Clone, Debug, Serialize)]
pub struct Step {
    pub number: usize,
    pub line: usize,
    pub command: String,
    /// The script line, trimmed.
    pub text: String,
    pub start: Ticks,
    pub end: Ticks,
    pub changes: Vec<Change>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Collects the steps while a runbook runs (in the lab session).
#[derive(Clone, Debug, Default)]
pub struct Recorder {
    pub steps: Vec<Step>,
}

type Snapshot = IndexMap<(&'static str, String, String, &'static str), String>;

impl Recorder {
    /// Records one operation: kept when it changed something, took time, or failed.
    #[allow(clippy::too_many_arguments)]
    pub fn record(
        &mut self,
        w: &World,
        start: Ticks,
        before: Snapshot,
        line: usize,
        command: &str,
        text: String,
        error: Option<String>,
    ) {
        let changes = diff::diff_snapshots(&before, &diff::snapshot(w));
        if changes.is_empty() && w.clock == start && error.is_none() {
            return;
        }
        // Start-Sleep that changed nothing is just waiting: fold it into the timeline only.
        if command == "Start-Sleep" && changes.is_empty() {
            return;
        }
        // Several operations of one command on one line make one step.
        if let Some(last) = self.steps.last_mut() {
            if last.line == line
                && last.command == command
                && last.end == start
                && error.is_none()
                && last.error.is_none()
            {
                last.end = w.clock;
                last.changes.extend(changes);
                return;
            }
        }
        self.steps.push(Step {
            number: self.steps.len() + 1,
            line,
            command: command.to_string(),
            text,
            start,
            end: w.clock,
            changes,
            error,
        });
    }
}

/// The line the interpreter is running (1-based) and its text.
pub fn current_line(interp: &Interp) -> (usize, String) {
    let src = &interp.cur_source;
    let (line, _) = src.line_col(interp.cur_span.start as usize);
    (line, src.line_text(line).trim().to_string())
}

/// A host that keeps what the script prints (for reports) and passes it on unless quiet.
type SharedHost = std::rc::Rc<std::cell::RefCell<Option<Box<dyn crate::engine::interp::Host>>>>;

struct TeeHost {
    inner: SharedHost,
    out: std::rc::Rc<std::cell::RefCell<String>>,
    err: std::rc::Rc<std::cell::RefCell<String>>,
    quiet: bool,
}

impl crate::engine::interp::Host for TeeHost {
    fn out(&mut self, text: &str) {
        self.out.borrow_mut().push_str(text);
        if !self.quiet {
            if let Some(h) = self.inner.borrow_mut().as_mut() {
                h.out(text);
            }
        }
    }
    fn err(&mut self, text: &str) {
        self.err.borrow_mut().push_str(text);
        if !self.quiet {
            if let Some(h) = self.inner.borrow_mut().as_mut() {
                h.err(text);
            }
        }
    }
    fn read_line(&mut self, prompt: &str) -> Option<String> {
        if self.quiet {
            return None;
        }
        self.inner
            .borrow_mut()
            .as_mut()
            .and_then(|h| h.read_line(prompt))
    }
    fn color(&self) -> bool {
        !self.quiet && self.inner.borrow().as_ref().is_some_and(|h| h.color())
    }
}

/// Everything a recorded run leaves for the what-if summary and the reports.
#[derive(Clone, Debug)]
pub struct RunResult {
    pub script: String,
    pub lab: String,
    pub seed: u64,
    pub exit_code: i32,
    pub steps: Vec<Step>,
    pub before: World,
    pub after: World,
    /// Error records as printed (concise view), one per entry.
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

fn split_errors(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.lines() {
        let continuation = line.starts_with(' ') || line.starts_with("Line |") || line.is_empty();
        match out.last_mut() {
            Some(last) if continuation => {
                last.push('\n');
                last.push_str(line);
            }
            _ if line.is_empty() => {}
            _ => out.push(line.to_string()),
        }
    }
    out.iter().map(|e| e.trim_end().to_string()).collect()
}

/// Runs a script file with the recorder on; `quiet` hides what it prints.
pub fn run_recorded(interp: &mut Interp, path: &str, args: &[String], quiet: bool) -> RunResult {
    use crate::cmdlets::lab::util::LabSession;
    let before = interp
        .ext::<LabSession>()
        .map(|s| s.world.clone())
        .unwrap_or_else(|| World {
            schema_version: crate::model::SCHEMA_VERSION,
            name: String::new(),
            description: String::new(),
            clock: 0,
            seed: 0,
            domain: String::new(),
            identity: String::new(),
            start_node: String::new(),
            mapi_clients: 0,
            accounts: Vec::new(),
            servers: Vec::new(),
            clusters: Vec::new(),
            media: Vec::new(),
            exchange: Default::default(),
            events: Vec::new(),
            next_event: 0,
            outages: Vec::new(),
            scheduled: Vec::new(),
        });
    if let Some(s) = interp.ext_mut::<LabSession>() {
        s.recorder = Some(Recorder::default());
    }
    let out = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let err = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let inner = std::mem::replace(
        &mut interp.host,
        Box::new(crate::engine::interp::BufferHost::default()),
    );
    let shared: SharedHost = std::rc::Rc::new(std::cell::RefCell::new(Some(inner)));
    interp.host = Box::new(TeeHost {
        inner: shared.clone(),
        out: out.clone(),
        err: err.clone(),
        quiet,
    });
    let code = crate::host::session::run_file(interp, path, args);
    interp.flush_output();
    // Put the console back.
    interp.host = Box::new(crate::engine::interp::BufferHost::default());
    if let Some(h) = shared.borrow_mut().take() {
        interp.host = h;
    }
    let (steps, after) = match interp.ext_mut::<LabSession>() {
        Some(s) => (
            s.recorder.take().map(|r| r.steps).unwrap_or_default(),
            s.world.clone(),
        ),
        None => (Vec::new(), before.clone()),
    };
    let errors = split_errors(&err.borrow().clone());
    let warnings = out
        .borrow()
        .lines()
        .filter_map(|l| l.strip_prefix("WARNING: ").map(|w| w.to_string()))
        .collect();
    RunResult {
        script: path.to_string(),
        lab: before.name.clone(),
        seed: before.seed,
        exit_code: code,
        steps,
        errors,
        warnings,
        before,
        after,
    }
}

/// Runs a script on a copy of the lab and puts the lab back as it was: the what-if of a
/// whole runbook. Branches on state take the branch the simulated state gives.
pub fn what_if(interp: &mut Interp, path: &str, args: &[String]) -> RunResult {
    use crate::cmdlets::lab::util::LabSession;
    let saved = interp
        .ext::<LabSession>()
        .map(|s| (s.world.clone(), s.current_node.clone(), s.remote));
    let depth = interp.handler_depth;
    let r = run_recorded(interp, path, args, true);
    interp.handler_depth = depth;
    if let Some((w, node, remote)) = saved {
        let clock = w.clock;
        if let Some(s) = interp.ext_mut::<LabSession>() {
            s.world = w;
            s.current_node = node.clone();
            s.remote = remote;
        }
        interp.sim_time = Some(clock);
        interp.set_env("COMPUTERNAME", &node);
    }
    r
}

/// The `# LAB: name` line a runbook may start with (before its help block), naming the
/// lab it is written for.
pub fn declared_lab(text: &str) -> Option<String> {
    for line in text.lines().take(60) {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("# LAB:") {
            let name = rest.trim();
            return (!name.is_empty()).then(|| name.to_string());
        }
    }
    None
}

/// The transcript header and footer Start-Transcript writes, at a simulated time.
pub fn transcript_header(ticks: Ticks) -> String {
    format!(
        "**********************\nPowerShell transcript start\nStart time: {}\n**********************\n",
        crate::format::datetime::format_custom(ticks, "yyyyMMddHHmmss")
    )
}

pub fn transcript_footer(ticks: Ticks) -> String {
    format!(
        "**********************\nPowerShell transcript end\nEnd time: {}\n**********************\n",
        crate::format::datetime::format_custom(ticks, "yyyyMMddHHmmss")
    )
}
