//! Pipelines: command resolution (alias, function, cmdlet, script file), argument
//! evaluation and splatting, the cmdlet processor, one object at a time through the
//! chain, redirections, and stopping upstream commands. Script functions and blocks are
//! in `call`.

use std::rc::Rc;

use crate::engine::binder::{self, BindError, Partial, RawArg};
use crate::engine::call::FunctionProc;
use crate::engine::command::{Bound, CommandSpec, CommonParams, Cx, NullSink, Sink};
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::interp::{FunctionInfo, Interp};
use crate::engine::registry::ErasedCmdlet;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::Value;
use crate::lang::ast::*;

/// One stage of a running pipeline.
pub trait Processor {
    fn begin(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()>;
    /// `None`: the command is first in the pipeline and runs once without input.
    fn process(
        &mut self,
        interp: &mut Interp,
        input: Option<Value>,
        out: &mut dyn Sink,
    ) -> FlowResult<()>;
    fn end(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()>;
}

/// The downstream part of a pipeline, seen as a sink by the stage before it.
struct Chain<'a> {
    stages: &'a mut [Box<dyn Processor>],
    last: &'a mut dyn Sink,
    /// Scope depth when the pipeline started: a stage runs with the scopes of the stages
    /// upstream of it hidden, as its parent is the pipeline's scope.
    base: usize,
}

impl<'a> Sink for Chain<'a> {
    fn emit(&mut self, interp: &mut Interp, value: Value) -> FlowResult<()> {
        match self.stages.split_first_mut() {
            None => self.last.emit(interp, value),
            Some((first, rest)) => {
                let hidden = if interp.scopes.len() > self.base {
                    interp.scopes.split_off(self.base)
                } else {
                    Vec::new()
                };
                let mut next = Chain {
                    stages: rest,
                    last: &mut *self.last,
                    base: self.base,
                };
                let r = first.process(interp, Some(value), &mut next);
                interp.scopes.extend(hidden);
                r
            }
        }
    }
}

/// What a command name resolves to.
pub enum Resolved {
    Function(Rc<FunctionInfo>),
    Cmdlet(Rc<CommandSpec>, crate::engine::registry::Factory),
    Script(String),
}

/// `-Name` or `-Name:` as a splatted string: the parameter name, and whether a colon
/// (value follows) ends it.
fn parameter_token(s: &str) -> Option<(String, bool)> {
    let rest = s.strip_prefix('-')?;
    let (name, colon) = match rest.strip_suffix(':') {
        Some(n) => (n, true),
        None => (rest, false),
    };
    let mut chars = name.chars();
    let first = chars.next()?;
    if !(first.is_alphabetic() || first == '_') || !chars.all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some((name.to_string(), colon))
}

pub fn not_recognized(name: &str) -> ErrorRecord {
    let mut e = ErrorRecord::new(
        format!(
            "The term '{}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.",
            name
        ),
        "CommandNotFoundException",
        ErrorCategory::ObjectNotFound,
    );
    e.exception_type = "CommandNotFoundException".into();
    e.command = Some(name.to_string());
    e.target = Some(Value::str(name));
    e
}

impl Interp {
    pub fn next_pipeline_id(&mut self) -> u64 {
        self.pipeline_counter += 1;
        self.pipeline_counter
    }

    /// Resolves a command name: alias, then function, then cmdlet, then script file.
    pub fn resolve_command(&self, name: &str) -> Option<Resolved> {
        // Functions first by the name as written (the common, allocation-free case).
        if !self.aliases.contains_key(name) {
            if let Some(f) = self.find_function(name) {
                return Some(Resolved::Function(f));
            }
        }
        let mut name = name.to_string();
        for _ in 0..8 {
            match self.aliases.get(&name.to_lowercase()) {
                Some(target) if !target.eq_ignore_ascii_case(&name) => name = target.clone(),
                _ => break,
            }
        }
        let key = name.to_lowercase();
        if let Some(f) = self.find_function(&key) {
            return Some(Resolved::Function(f));
        }
        if let Some((spec, f)) = self.registry.lookup(&name) {
            return Some(Resolved::Cmdlet(spec, f));
        }
        // Installers typed by file name or path (`\\DC1\Media\update.exe`,
        // `WindowsServer2003-KB831464-x86-ENU.exe`) run under the name the script typed.
        let file = name.rsplit(['\\', '/']).next().unwrap_or(&name);
        if let Some(canonical) = crate::cmdlets::installers::installer_command(file) {
            if let Some((spec, f)) = self.registry.lookup(canonical) {
                let mut typed = (*spec).clone();
                typed.name = file.to_string();
                return Some(Resolved::Cmdlet(Rc::new(typed), f));
            }
        }
        let looks_like_path = name.contains('/') || name.contains('\\') || key.ends_with(".ps1");
        if looks_like_path {
            let p = name.replace('\\', "/");
            if std::path::Path::new(&p).is_file() {
                return Some(Resolved::Script(p));
            }
        }
        None
    }

    /// Runs a pipeline, writing its output to `out`.
    #[inline]
    pub fn run_pipeline(&mut self, p: &Pipeline, out: &mut dyn Sink) -> FlowResult<()> {
        let errors_before = self.error_count;
        let r = self.run_pipeline_inner(p, out);
        // `$?` is true when the pipeline finished and wrote no error.
        self.last_status = r.is_ok() && self.error_count == errors_before;
        r
    }

    #[inline]
    fn run_pipeline_inner(&mut self, p: &Pipeline, out: &mut dyn Sink) -> FlowResult<()> {
        match p.elements.as_slice() {
            [PipelineElement::Expr { .. }] => {
                if let Some(expr) = p.single_expr() {
                    return self.emit_expr(expr, out);
                }
            }
            [PipelineElement::Command(cmd)] => {
                if let Some(r) = self.try_simple_call(cmd, out) {
                    return r;
                }
            }
            _ => {}
        }
        self.run_stages(p, out)
    }

    /// A pipeline of several stages (or one no shortcut applies to): builds a processor
    /// per command and drives the objects through them. Kept apart so the shortcuts
    /// above run without this frame.
    #[inline(never)]
    fn run_stages(&mut self, p: &Pipeline, out: &mut dyn Sink) -> FlowResult<()> {
        let id = self.next_pipeline_id();
        let mut source: Option<(&Expr, &Vec<Redirection>)> = None;
        let mut stages: Vec<Box<dyn Processor>> = Vec::with_capacity(p.elements.len());
        for (idx, el) in p.elements.iter().enumerate() {
            match el {
                PipelineElement::Expr { expr, redirections } => source = Some((expr, redirections)),
                PipelineElement::Command(cmd) => {
                    let has_input = idx > 0;
                    let token = (id << 16) | (stages.len() as u64);
                    stages.push(self.make_processor(cmd, has_input, token)?);
                }
            }
        }
        let base = self.scopes.len();
        let r = self.drive(&mut stages, source, out, base);
        match r {
            Err(Flow::StopUpstream(t)) if t >> 16 == id => {
                let from = (t & 0xffff) as usize;
                for idx in from..stages.len() {
                    let (head, tail) = stages.split_at_mut(idx + 1);
                    let mut chain = Chain {
                        stages: tail,
                        last: &mut *out,
                        base,
                    };
                    head[idx].end(self, &mut chain)?;
                }
                Ok(())
            }
            other => other,
        }
    }

    fn drive(
        &mut self,
        stages: &mut [Box<dyn Processor>],
        source: Option<(&Expr, &Vec<Redirection>)>,
        out: &mut dyn Sink,
        base: usize,
    ) -> FlowResult<()> {
        for idx in 0..stages.len() {
            let (head, tail) = stages.split_at_mut(idx + 1);
            let mut chain = Chain {
                stages: tail,
                last: &mut *out,
                base,
            };
            head[idx].begin(self, &mut chain)?;
        }
        match source {
            Some((expr, redirections)) => {
                let mut chain = Chain {
                    stages: &mut *stages,
                    last: &mut *out,
                    base,
                };
                if redirections.is_empty() {
                    self.emit_expr(expr, &mut chain)?;
                } else {
                    let saved = self.streams;
                    let resolved = self.resolve_redirections(redirections)?;
                    let mut target = self.apply_redirections(&resolved);
                    let r = match &mut target {
                        Some(t) => self.emit_expr(expr, t.as_mut()),
                        None => self.emit_expr(expr, &mut chain),
                    };
                    self.streams = saved;
                    if let Some(t) = target.as_mut() {
                        self.finish_redirect(t.as_mut())?;
                    }
                    r?;
                }
            }
            None => {
                if let Some((first, rest)) = stages.split_first_mut() {
                    let mut chain = Chain {
                        stages: rest,
                        last: &mut *out,
                        base,
                    };
                    first.process(self, None, &mut chain)?;
                }
            }
        }
        for idx in 0..stages.len() {
            let (head, tail) = stages.split_at_mut(idx + 1);
            let mut chain = Chain {
                stages: tail,
                last: &mut *out,
                base,
            };
            head[idx].end(self, &mut chain)?;
        }
        Ok(())
    }

    /// Writes an expression's value to the pipeline, unrolling arrays. Assignments and
    /// increments written as statements, void methods and `[void]` write nothing.
    pub fn emit_expr(&mut self, expr: &Expr, out: &mut dyn Sink) -> FlowResult<()> {
        let v = match &expr.kind {
            ExprKind::Unary {
                op: UnOp::PreInc | UnOp::PreDec | UnOp::PostInc | UnOp::PostDec,
                ..
            } => {
                self.eval(expr)?;
                return Ok(());
            }
            ExprKind::Cast { ty, .. } if ty.name.eq_ignore_ascii_case("void") => {
                self.eval(expr)?;
                return Ok(());
            }
            ExprKind::Invoke {
                target,
                name,
                args,
                is_static,
            } => match self.eval_invoke(target, name, args, *is_static, expr.span)? {
                Some(v) => v,
                None => return Ok(()),
            },
            _ => self.eval(expr)?,
        };
        match v {
            Value::Array(a) => {
                let items = a.borrow().clone();
                for item in items {
                    out.emit(self, item)?;
                }
                Ok(())
            }
            other => out.emit(self, other),
        }
    }

    /// Evaluates a command's arguments into raw arguments for the binder.
    fn eval_args(&mut self, elements: &[CommandElement]) -> FlowResult<Vec<RawArg>> {
        let mut args = Vec::with_capacity(elements.len());
        for el in elements {
            match el {
                CommandElement::Parameter { name, arg, span } => {
                    let value = match arg {
                        Some(e) => Some(self.eval(e)?),
                        None => None,
                    };
                    args.push(RawArg::Named {
                        name: name.to_string(),
                        colon: value.is_some(),
                        value,
                        span: *span,
                    });
                }
                CommandElement::Argument(e) => {
                    let value = self.eval(e)?;
                    args.push(RawArg::Positional {
                        value,
                        span: e.span,
                    });
                }
                CommandElement::Splat(v) => {
                    let value = self.get_var(&v.name.key, &v.scope).unwrap_or(Value::Null);
                    match value {
                        Value::Hashtable(h) => {
                            for (k, val) in h.borrow().iter() {
                                args.push(RawArg::Named {
                                    name: k.to_display_string(),
                                    value: Some(val.clone()),
                                    colon: true,
                                    span: v.span,
                                });
                            }
                        }
                        Value::Array(a) => {
                            // `@args` passes `-Name value` on as named arguments, as
                            // PowerShell does for the parameter tokens $args holds.
                            let items = a.borrow().clone();
                            let mut it = items.into_iter().peekable();
                            while let Some(val) = it.next() {
                                let name = match &val {
                                    Value::Str(s) => parameter_token(s),
                                    _ => None,
                                };
                                match name {
                                    Some((n, true)) => args.push(RawArg::Named {
                                        name: n,
                                        value: Some(it.next().unwrap_or(Value::Null)),
                                        colon: true,
                                        span: v.span,
                                    }),
                                    Some((n, false)) => args.push(RawArg::Named {
                                        name: n,
                                        value: None,
                                        colon: false,
                                        span: v.span,
                                    }),
                                    None => args.push(RawArg::Positional {
                                        value: val,
                                        span: v.span,
                                    }),
                                }
                            }
                        }
                        Value::Null => {}
                        other => args.push(RawArg::Positional {
                            value: other,
                            span: v.span,
                        }),
                    }
                }
            }
        }
        Ok(args)
    }

    fn make_processor(
        &mut self,
        cmd: &Command,
        has_input: bool,
        token: u64,
    ) -> FlowResult<Box<dyn Processor>> {
        self.cur_span = cmd.span;
        let (resolved, dot, display) = match &cmd.invocation {
            Invocation::Name(n) => match self.resolve_command(&n.key) {
                Some(r) => (r, false, n.text.to_string()),
                None => {
                    return Err(Flow::error(
                        not_recognized(&n.text).with_position(&self.cur_source, cmd.span),
                    ))
                }
            },
            Invocation::Call { expr, dot } => {
                let v = self.eval(expr)?;
                match v {
                    Value::ScriptBlock(sb) => {
                        let spec = binder::spec_from_param_block("", sb.ast.params.as_ref());
                        let f = Rc::new(FunctionInfo::new(
                            Rc::from(""),
                            spec,
                            sb.clone(),
                            sb.is_filter,
                        ));
                        (Resolved::Function(f), *dot, String::new())
                    }
                    other => {
                        let name = other.to_display_string();
                        match self.resolve_command(&name) {
                            Some(r) => (r, *dot, name),
                            None => {
                                return Err(Flow::error(
                                    not_recognized(&name).with_position(&self.cur_source, cmd.span),
                                ))
                            }
                        }
                    }
                }
            }
        };
        let args = self.eval_args(&cmd.elements)?;
        let proc: Box<dyn Processor> = match resolved {
            Resolved::Cmdlet(spec, factory) => {
                let partial = binder::bind_args(&spec, args)
                    .map_err(|e| self.bind_error(e, &spec.name, cmd.span))?;
                Box::new(CmdletProc {
                    common: partial.bound.common.clone(),
                    spec,
                    cmdlet: factory(),
                    partial,
                    base: Bound::default(),
                    has_input,
                    token,
                    span: cmd.span,
                    out_var: None,
                    memo: binder::PipelineMemo::default(),
                })
            }
            Resolved::Function(f) => {
                let partial = binder::bind_args(&f.spec, args)
                    .map_err(|e| self.bind_error(e, &display, cmd.span))?;
                Box::new(FunctionProc::new(f, partial, has_input, dot, cmd.span))
            }
            Resolved::Script(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    Flow::error(ErrorRecord::new(
                        format!("Cannot read '{}': {}", path, e),
                        "ReadError",
                        ErrorCategory::ReadError,
                    ))
                })?;
                let source = Rc::new(crate::lang::source::Source::new(path.clone(), text));
                let ast = crate::lang::parser::parse_script(&source.text).map_err(|e| {
                    Flow::error(crate::format::errors::parse_error_record(&e, &source))
                })?;
                let sb = Rc::new(ScriptBlock {
                    ast: Rc::new(ast),
                    text: Rc::from(""),
                    source,
                    is_filter: false,
                });
                let spec = binder::spec_from_param_block(&path, sb.ast.params.as_ref());
                let f = Rc::new(FunctionInfo::new(Rc::from(path.as_str()), spec, sb, false));
                let partial = binder::bind_args(&f.spec, args)
                    .map_err(|e| self.bind_error(e, &path, cmd.span))?;
                let mut fp = FunctionProc::new(f, partial, has_input, dot, cmd.span);
                fp.script_file = Some(path);
                Box::new(fp)
            }
        };
        if cmd.redirections.is_empty() {
            Ok(proc)
        } else {
            self.redirected(proc, &cmd.redirections)
        }
    }

    pub(crate) fn bind_error(&self, e: BindError, cmd: &str, span: Span) -> Flow {
        let span = e.span.unwrap_or(span);
        let e = e.record;
        let e = if cmd.is_empty() {
            e
        } else {
            e.with_command(cmd)
        };
        Flow::error(e.with_position(&self.cur_source, span))
    }
}

/// Collects what a command writes for -OutVariable while passing it on.
struct TeeSink<'a> {
    inner: &'a mut dyn Sink,
    copy: &'a mut Vec<Value>,
}

impl<'a> Sink for TeeSink<'a> {
    fn emit(&mut self, interp: &mut Interp, value: Value) -> FlowResult<()> {
        self.copy.push(value.clone());
        self.inner.emit(interp, value)
    }
}

struct CmdletProc {
    spec: Rc<CommandSpec>,
    cmdlet: Box<dyn ErasedCmdlet>,
    partial: Partial,
    base: Bound,
    common: CommonParams,
    has_input: bool,
    token: u64,
    span: Span,
    out_var: Option<Vec<Value>>,
    memo: binder::PipelineMemo,
}

impl CmdletProc {
    fn call(
        &mut self,
        interp: &mut Interp,
        out: &mut dyn Sink,
        input: Option<Value>,
        bound: Option<&Bound>,
        which: u8,
    ) -> FlowResult<()> {
        let prev_span = interp.cur_span;
        interp.cur_span = self.span;
        let bound_ref = bound.unwrap_or(&self.base);
        let mut copy = self.out_var.take();
        let r = {
            let mut tee;
            let out: &mut dyn Sink = match copy.as_mut() {
                Some(c) => {
                    tee = TeeSink {
                        inner: out,
                        copy: c,
                    };
                    &mut tee
                }
                None => out,
            };
            let mut cx = Cx {
                interp,
                out,
                spec: &self.spec,
                common: &self.common,
                input,
                has_pipeline_input: self.has_input,
                stop_token: self.token,
            };
            match which {
                0 => self.cmdlet.begin(bound_ref, &mut cx),
                1 => self.cmdlet.process(bound_ref, &mut cx),
                _ => self.cmdlet.end(bound_ref, &mut cx),
            }
        };
        self.out_var = copy;
        interp.cur_span = prev_span;
        match r {
            Err(Flow::Error(e)) if e.command.is_none() => {
                let e = (*e).clone().with_command(&self.spec.name);
                Err(Flow::error(e.with_position(&interp.cur_source, self.span)))
            }
            Err(Flow::Error(e)) if e.position.is_none() => Err(Flow::error(
                (*e).clone().with_position(&interp.cur_source, self.span),
            )),
            other => other,
        }
    }
}

impl Processor for CmdletProc {
    fn begin(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()> {
        self.base = binder::finish(&self.spec, &self.partial, self.has_input)
            .map_err(|e| interp.bind_error(e, &self.spec.name, self.span))?;
        self.common = self.base.common.clone();
        if self.common.out_variable.is_some() {
            self.out_var = Some(Vec::new());
        }
        self.call(interp, out, None, None, 0)
    }

    fn process(
        &mut self,
        interp: &mut Interp,
        input: Option<Value>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        interp.check_interrupt()?;
        match input {
            Some(v) => {
                let bound =
                    match binder::bind_pipeline_memo(&self.spec, &self.partial, &v, &mut self.memo)
                    {
                        Ok(b) => b,
                        Err(e) => {
                            // A record that binds to nothing is a non-terminating error.
                            let rec: ErrorRecord = e.into();
                            let rec = rec.with_command(&self.spec.name);
                            return interp.write_error_to(Rc::new(rec), &self.common, Some(out));
                        }
                    };
                let r = self.call(interp, out, Some(v), Some(&bound), 1);
                self.memo.recycle(bound);
                r
            }
            None => self.call(interp, out, None, None, 1),
        }
    }

    fn end(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()> {
        let r = self.call(interp, out, None, None, 2);
        if let (Some(name), Some(items)) = (self.common.out_variable.clone(), self.out_var.take()) {
            let key: Rc<str> = Rc::from(name.to_lowercase());
            let text: Rc<str> = Rc::from(name);
            let _ = interp.assign_var(&key, &text, &VarScope::Any, Value::array(items), None);
        }
        r
    }
}

/// Evaluates a whole script in a fresh `Script` scope and returns its output (used by
/// `Invoke-Expression` with a new scope and by tests).
pub fn discard() -> NullSink {
    NullSink
}

/// The sink at the end of a top-level pipeline: Out-Default.
pub struct OutDefault;

impl Sink for OutDefault {
    fn emit(&mut self, interp: &mut Interp, value: Value) -> FlowResult<()> {
        interp.out_default(&value);
        Ok(())
    }
}

impl Interp {
    /// Runs a parsed script at the top level. A script file gets its own script scope,
    /// `$PSScriptRoot` and its parameters bound from `args`; other text (REPL entries,
    /// `-Command`) runs in the global scope. `exit` is not caught here.
    pub fn run_top(
        &mut self,
        block: Rc<ScriptBlock>,
        script_file: Option<&str>,
        args: Vec<RawArg>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        let prev_source = std::mem::replace(&mut self.cur_source, block.source.clone());
        let r = match script_file {
            None => {
                let mut r = Ok(());
                for b in [&block.ast.begin, &block.ast.process, &block.ast.end]
                    .into_iter()
                    .flatten()
                {
                    r = self.exec_block(b, out);
                    if r.is_err() {
                        break;
                    }
                }
                r
            }
            Some(path) => {
                let spec = binder::spec_from_param_block(path, block.ast.params.as_ref());
                let f = Rc::new(FunctionInfo::new(
                    Rc::from(path),
                    spec,
                    block.clone(),
                    false,
                ));
                match binder::bind_args(&f.spec, args) {
                    Err(e) => Err(Flow::error(ErrorRecord::from(e))),
                    Ok(partial) => {
                        let mut p = FunctionProc::new(f, partial, false, false, Span::default());
                        p.top_script = Some(path.to_string());
                        let r = p
                            .begin(self, out)
                            .and_then(|_| p.process(self, None, out))
                            .and_then(|_| p.end(self, out));
                        r
                    }
                }
            }
        };
        self.cur_source = prev_source;
        r
    }
}
