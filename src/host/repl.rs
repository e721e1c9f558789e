//! The interactive shell on rustyline: `PS> ` prompt (or the user's `prompt` function),
//! `>> ` continuation while the parser says the input is incomplete, tab completion
//! (see `complete`), history hints, history persisted deduplicated in the data
//! directory, Ctrl-C to cancel the line or the running pipeline, Ctrl-D or `exit` to
//! leave. No error ends the REPL.

use std::borrow::Cow;
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::Validator;
use rustyline::{Config, Context, Editor, Helper};

use crate::engine::interp::Interp;
use crate::host::complete::{self, CompletionSource, ParamInfo};

/// What completion sees of the session: refreshed before each line is read.
#[derive(Default, Clone)]
struct Snapshot {
    commands: Vec<String>,
    variables: Vec<String>,
    /// Parameters of every command, computed when the line is read.
    params: std::collections::HashMap<String, Vec<ParamInfo>>,
}

struct ReplHelper {
    snapshot: Rc<RefCell<Snapshot>>,
    hinter: HistoryHinter,
    color: bool,
}

struct SnapshotSource<'a> {
    helper: &'a ReplHelper,
}

impl CompletionSource for SnapshotSource<'_> {
    fn command_names(&self) -> Vec<String> {
        self.helper.snapshot.borrow().commands.clone()
    }
    fn parameters(&self, command: &str) -> Option<Vec<ParamInfo>> {
        self.helper
            .snapshot
            .borrow()
            .params
            .get(&command.to_lowercase())
            .cloned()
    }
    fn variable_names(&self) -> Vec<String> {
        self.helper.snapshot.borrow().variables.clone()
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let src = SnapshotSource { helper: self };
        let (start, items) = complete::complete(line, pos, &src);
        Ok((
            start,
            items
                .into_iter()
                .map(|s| Pair {
                    display: s.clone(),
                    replacement: s,
                })
                .collect(),
        ))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        self.hinter.hint(line, pos, ctx)
    }
}

impl Highlighter for ReplHelper {
    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Cow::Owned(format!("\x1b[90m{}\x1b[0m", hint))
        } else {
            Cow::Borrowed(hint)
        }
    }
}

impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// `<data dir>/exsh/history.txt`.
pub fn history_path() -> Option<PathBuf> {
    dirs::data_dir().map(|d| d.join("exsh").join("history.txt"))
}

/// Keeps the last occurrence of each entry, in order.
pub fn dedup_history(lines: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = lines
        .iter()
        .rev()
        .filter(|l| !l.trim().is_empty() && seen.insert(l.as_str()))
        .cloned()
        .collect();
    out.reverse();
    out
}

/// Takes what completion needs from the interpreter (parameters of the commands are
/// computed lazily per command name the first time they are asked for... here eagerly
/// for functions and aliases, whose specs are cheap, and cmdlets by name).
fn refresh(snapshot: &Rc<RefCell<Snapshot>>, interp: &Interp) {
    let mut s = snapshot.borrow_mut();
    s.commands = interp.command_names();
    s.variables = interp.variable_names();
    s.params.clear();
    for name in &s.commands.clone() {
        if let Some(p) = interp.parameters(name) {
            s.params.insert(name.to_lowercase(), p);
        }
    }
}

/// The prompt: the user's `prompt` function if there is one, else `PS> `.
fn prompt(interp: &mut Interp) -> String {
    if let Some(f) = interp.find_function("prompt") {
        if let Ok(out) = interp.invoke_block_collect(&f.block, None, Vec::new()) {
            let s = crate::engine::value::Value::from_output(out).to_display_string();
            if !s.is_empty() {
                return s;
            }
        }
    }
    match interp.hooks.prompt {
        Some(p) => p(interp),
        None => "PS> ".to_string(),
    }
}

/// The loop without line editing, when stdin is not a terminal.
pub fn run_plain(interp: &mut Interp) -> i32 {
    let mut buf = String::new();
    loop {
        let p = if buf.is_empty() {
            prompt(interp)
        } else {
            ">> ".to_string()
        };
        let prompt = p.as_str();
        let Some(line) = interp.host.read_line(prompt) else {
            break;
        };
        buf.push_str(&line);
        buf.push('\n');
        if complete::needs_continuation(&buf) {
            continue;
        }
        let text = std::mem::take(&mut buf);
        let o = crate::host::session::run_source(interp, "", &text, false, &[]);
        if let Some(code) = o.exit_code {
            return code;
        }
    }
    0
}

/// Runs the REPL until `exit` or Ctrl-D; returns the exit code.
pub fn run(interp: &mut Interp, no_logo: bool) -> i32 {
    if !no_logo {
        interp.host.out(&format!(
            "exsh {} — PowerShell-style shell for rehearsing cluster work. Type 'Get-Help' or 'exit'.\n",
            env!("CARGO_PKG_VERSION")
        ));
    }
    // Ctrl-C while a pipeline runs interrupts it (the terminal is in cooked mode then;
    // while editing, rustyline reports Ctrl-C itself).
    let flag = interp.interrupted.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));

    let config = Config::builder()
        .history_ignore_dups(true)
        .and_then(|b| Ok(b.max_history_size(5000)?.auto_add_history(false)))
        .map(|b| b.build())
        .unwrap_or_default();
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() {
        return run_plain(interp);
    }
    let Ok(mut editor) = Editor::<ReplHelper, DefaultHistory>::with_config(config) else {
        return run_plain(interp);
    };
    let snapshot = Rc::new(RefCell::new(Snapshot::default()));
    editor.set_helper(Some(ReplHelper {
        snapshot: snapshot.clone(),
        hinter: HistoryHinter::new(),
        color: interp.host.color(),
    }));
    let hist = history_path();
    if let Some(p) = &hist {
        if let Ok(text) = std::fs::read_to_string(p) {
            let lines: Vec<String> = text.lines().map(str::to_string).collect();
            for l in dedup_history(&lines) {
                let _ = editor.history_mut().add(&l);
            }
        }
    }
    let mut buf = String::new();
    let code = loop {
        let p = if buf.is_empty() {
            refresh(&snapshot, interp);
            prompt(interp)
        } else {
            ">> ".to_string()
        };
        match editor.readline(&p) {
            Ok(line) => {
                buf.push_str(&line);
                buf.push('\n');
                if complete::needs_continuation(&buf) {
                    continue;
                }
                let text = std::mem::take(&mut buf);
                let entry = text.trim_end().to_string();
                if !entry.trim().is_empty() {
                    let _ = editor.add_history_entry(entry.as_str());
                }
                interp.interrupted.store(false, Ordering::Relaxed);
                let o = crate::host::session::run_source(interp, "", &text, false, &[]);
                if let Some(code) = o.exit_code {
                    break code;
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C cancels the line being typed.
                buf.clear();
            }
            Err(ReadlineError::Eof) => break 0,
            Err(_) => break 0,
        }
    };
    if let Some(p) = &hist {
        if let Some(d) = p.parent() {
            let _ = std::fs::create_dir_all(d);
        }
        let lines: Vec<String> = editor.history().iter().cloned().collect();
        let lines = dedup_history(&lines);
        let _ = std::fs::write(p, lines.join("\n") + "\n");
    }
    code
}
