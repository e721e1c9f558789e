//! The state of a Pester-style test run inside one interpreter: the stack of Describe /
//! Context blocks with their setup and teardown, the filters, and the results.

use std::rc::Rc;

use crate::engine::command::Cx;
use crate::engine::error::{ErrorRecord, Flow, FlowResult};
use crate::engine::interp::{Scope, ScopeKind};
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::Value;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed { message: String, at: String },
    Skipped,
}

#[derive(Clone, Debug)]
pub struct TestResult {
    /// Describe / Context names, then the test's name.
    pub path: Vec<String>,
    pub outcome: Outcome,
    pub millis: u128,
}

impl TestResult {
    pub fn full_name(&self) -> String {
        self.path.join(".")
    }
}

#[derive(Default)]
pub struct Frame {
    pub name: String,
    pub tags: Vec<String>,
    pub skip: bool,
    pub before_each: Vec<Rc<ScriptBlock>>,
    pub after_each: Vec<Rc<ScriptBlock>>,
    pub after_all: Vec<Rc<ScriptBlock>>,
}

/// Which tests run (exsh test -Tag / -ExcludeTag / -FullNameFilter).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub tags: Vec<String>,
    pub exclude_tags: Vec<String>,
    pub full_name: Vec<String>,
}

#[derive(Default)]
pub struct PesterRun {
    pub frames: Vec<Frame>,
    pub results: Vec<TestResult>,
    pub filter: Filter,
    /// Failures outside any It (a BeforeAll that threw): path and message.
    pub block_failures: Vec<(String, String)>,
}

/// Works on the run's state (created on first use, so Describe also works at the REPL).
pub fn with_run<R>(cx: &mut Cx, f: impl FnOnce(&mut PesterRun) -> R) -> R {
    if cx.interp.ext::<PesterRun>().is_none() {
        cx.interp.set_ext(PesterRun::default());
    }
    let mut fallback = PesterRun::default();
    match cx.interp.ext_mut::<PesterRun>() {
        Some(r) => f(r),
        None => f(&mut fallback),
    }
}

/// Runs blocks one after the other in a new scope, as errors that propagate (like code
/// inside `try`), and pops the scope whatever happens.
pub fn in_new_scope(
    cx: &mut Cx,
    blocks: &[Rc<ScriptBlock>],
    vars: &[(String, Value)],
) -> FlowResult<()> {
    cx.interp.scopes.push(Scope::new(ScopeKind::Function));
    cx.interp.handler_depth += 1;
    let mut result = Ok(());
    for (k, v) in vars {
        cx.interp.set_local(k, v.clone());
    }
    for b in blocks {
        let mut sink = crate::engine::command::NullSink;
        let prev = std::mem::replace(&mut cx.interp.cur_source, b.source.clone());
        let r = cx
            .interp
            .invoke_block_inline(b, None, Vec::new(), &mut sink);
        cx.interp.cur_source = prev;
        if let Err(e) = r {
            result = Err(e);
            break;
        }
    }
    cx.interp.handler_depth -= 1;
    cx.interp.scopes.pop();
    result
}

/// The message and place of a failure.
pub fn describe_failure(flow: &Flow) -> (String, String) {
    match flow {
        Flow::Error(e) => (e.message.clone(), place(e)),
        Flow::Exit(code) => (format!("The test called exit {}.", code), String::new()),
        other => (format!("The test ended with {:?}.", other), String::new()),
    }
}

fn place(e: &ErrorRecord) -> String {
    match &e.position {
        Some(p) => {
            let (line, _) = p.source.line_col(p.span.start as usize);
            let text = p.source.line_text(line).trim().to_string();
            let file = if p.source.name.is_empty() {
                "<command>".to_string()
            } else {
                p.source.name.clone()
            };
            format!("at {}, {}:{}", text, file, line)
        }
        None => String::new(),
    }
}

/// BeforeAll: runs in the enclosing block's scope (the Describe's), so the variables it
/// sets are seen by the tests; its errors propagate to the Describe.
pub fn in_new_scope_current(cx: &mut Cx, block: &Rc<ScriptBlock>) -> FlowResult<()> {
    cx.interp.handler_depth += 1;
    let mut sink = crate::engine::command::NullSink;
    let prev = std::mem::replace(&mut cx.interp.cur_source, block.source.clone());
    let r = cx
        .interp
        .invoke_block_inline(block, None, Vec::new(), &mut sink);
    cx.interp.cur_source = prev;
    cx.interp.handler_depth -= 1;
    r
}
