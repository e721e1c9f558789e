//! Pipelines: command resolution (alias, function, cmdlet, script file), argument
//! evaluation and splatting, processors for cmdlets and script functions, one object at a
//! time through the chain, redirections, and stopping upstream commands.

use std::rc::Rc;

use crate::engine::binder::{self, BindError, Partial, RawArg};
use crate::engine::command::{
    Bound, CommandSpec, CommonParams, Cx, NullSink, Sink, TruthSink, VecSink,
};
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::interp::{
    FunctionInfo, Interp, Scope, ScopeKind, StreamDest, Streams, Var, MAX_CALL_DEPTH,
};
use crate::engine::registry::ErasedCmdlet;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::{Hashtable, TypeName, Value};
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

    /// `name arg...` alone in its pipeline, calling a simple function (see
    /// `FunctionInfo::simple`) with positional arguments only: binds them in order and
    /// runs the body in a new scope, without building a pipeline. `None` (nothing
    /// evaluated yet) when the call is not of that shape.
    fn try_simple_call(&mut self, cmd: &Command, out: &mut dyn Sink) -> Option<FlowResult<()>> {
        let Invocation::Name(n) = &cmd.invocation else {
            return None;
        };
        if !cmd.redirections.is_empty()
            || !cmd
                .elements
                .iter()
                .all(|e| matches!(e, CommandElement::Argument(_)))
        {
            return None;
        }
        let f = self.cached_function(cmd).or_else(|| {
            // Only a name that is no alias resolves to the function of that name.
            if self.aliases.contains_key(&*n.key) {
                return None;
            }
            let (depth, f) = self.find_function_at(&n.key)?;
            let id = self.scopes.get(depth)?.id;
            let any: Rc<dyn std::any::Any> = f.clone();
            *cmd.resolved.0.borrow_mut() = Some((self.fn_gen, depth, id, Rc::downgrade(&any)));
            Some(f)
        })?;
        if !f.simple {
            return None;
        }
        Some(self.simple_call(&f, n, cmd, out))
    }

    /// The function a command resolved to last time, while that still holds: no
    /// function has been defined since (a definition could shadow it) and the scope
    /// that defined it is still where it was (not popped, not hidden).
    fn cached_function(&self, cmd: &Command) -> Option<Rc<FunctionInfo>> {
        let cache = cmd.resolved.0.borrow();
        let (gen, depth, id, any) = cache.as_ref()?;
        if *gen != self.fn_gen || self.scopes.get(*depth).map(|s| s.id) != Some(*id) {
            return None;
        }
        any.upgrade()?.downcast::<FunctionInfo>().ok()
    }

    fn simple_call(
        &mut self,
        f: &Rc<FunctionInfo>,
        n: &crate::lang::ast::Name,
        cmd: &Command,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        self.cur_span = cmd.span;
        let decls = f
            .block
            .ast
            .params
            .as_ref()
            .map_or(&[][..], |pb| &pb.params[..]);
        // The arguments are evaluated (in the caller's scope) straight into the
        // variables of the scope the call will run in; those past the parameters go
        // to `$args`. The parser refuses a parameter declared twice, so the names are
        // distinct.
        let mut vars = self.call_pool.vars.pop().unwrap_or_default();
        let mut rest = Vec::new();
        let mut count = 0;
        let mut any_null = false;
        for el in &cmd.elements {
            let CommandElement::Argument(e) = el else {
                continue;
            };
            let v = match self.eval(e) {
                Ok(v) => v,
                Err(fl) => {
                    self.call_pool.keep_vars(vars);
                    return Err(fl);
                }
            };
            match decls.get(count) {
                Some(d) => {
                    any_null |= v.is_null();
                    vars.push_new(
                        d.name.key.clone(),
                        Var {
                            name: d.name.text.clone(),
                            value: v,
                            constraint: f.constraints.get(count).copied().flatten(),
                        },
                    );
                }
                None => rest.push(v),
            }
            count += 1;
        }
        // Then bound: each converted to its parameter's type, in order.
        let args = cmd.elements.iter().filter_map(|el| match el {
            CommandElement::Argument(e) => Some(e.span),
            _ => None,
        });
        for (i, (p, span)) in f.spec.params.iter().zip(args).enumerate() {
            let Some(var) = vars.slot_mut(i) else { break };
            let v = std::mem::take(&mut var.value);
            match binder::bind_simple(&f.spec, p, v, span) {
                Ok(v) => var.value = v,
                Err(e) => {
                    self.call_pool.keep_vars(vars);
                    return Err(self.bind_error(e, &n.text, cmd.span));
                }
            }
        }
        if self.call_depth >= MAX_CALL_DEPTH {
            self.call_pool.keep_vars(vars);
            return Err(Flow::error(ErrorRecord::new(
                "The script failed due to call depth overflow.",
                "CallDepthOverflow",
                ErrorCategory::InvalidOperation,
            )));
        }
        let prev_source = std::mem::replace(&mut self.cur_source, f.block.source.clone());
        self.call_depth += 1;
        self.scopes
            .push(Scope::with_vars(ScopeKind::Function, vars));
        let r = if count >= decls.len() && !any_null && rest.is_empty() && !f.uses.any() {
            self.run_end_block(f, out)
        } else {
            self.simple_body(f, decls, count, rest, out)
        };
        if let Some(scope) = self.scopes.pop() {
            self.call_pool.keep(scope);
        }
        self.call_depth -= 1;
        self.cur_source = prev_source;
        r
    }

    /// The rest of a simple call, in its scope: `$null` arguments given to number or
    /// string parameters and the parameters not given (`given` were), then `$args`
    /// and `$input`, then the body.
    fn simple_body(
        &mut self,
        f: &FunctionInfo,
        decls: &[crate::lang::ast::ParamDecl],
        given: usize,
        rest: Vec<Value>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        for (i, d) in decls.iter().enumerate() {
            let constraint = f.constraints.get(i).copied().flatten();
            if i >= given {
                let value = self.param_value(d, None, constraint)?;
                self.set_param(&d.name, value, constraint);
            } else if constraint.is_some() {
                let null = self
                    .scopes
                    .last()
                    .and_then(|s| s.vars.slot_value(i))
                    .is_some_and(|v| v.value.is_null());
                if null {
                    let value = self.param_value(d, Some(Value::Null), constraint)?;
                    self.set_param(&d.name, value, constraint);
                }
            }
        }
        if f.uses.args || !rest.is_empty() {
            self.set_local("args", Value::array(rest));
        }
        if f.uses.input {
            self.set_local("input", Value::array(Vec::new()));
        }
        self.run_end_block(f, out)
    }

    /// A simple function's body; `return` ends it.
    #[inline]
    fn run_end_block(&mut self, f: &FunctionInfo, out: &mut dyn Sink) -> FlowResult<()> {
        match f.block.ast.end.as_ref() {
            Some(b) => match self.exec_block(b, out) {
                Err(Flow::Return) => Ok(()),
                other => other,
            },
            None => Ok(()),
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
            let redirections = self.resolve_redirections(&cmd.redirections)?;
            Ok(Box::new(RedirectProc {
                inner: proc,
                redirections,
                target: None,
            }))
        }
    }

    fn bind_error(&self, e: BindError, cmd: &str, span: Span) -> Flow {
        let span = e.span.unwrap_or(span);
        let e = e.record;
        let e = if cmd.is_empty() {
            e
        } else {
            e.with_command(cmd)
        };
        Flow::error(e.with_position(&self.cur_source, span))
    }

    /// Evaluates redirection targets once, when the command is set up.
    fn resolve_redirections(&mut self, reds: &[Redirection]) -> FlowResult<Vec<Redirect>> {
        let mut out = Vec::with_capacity(reds.len());
        for r in reds {
            out.push(match r {
                Redirection::Merge { from } => Redirect {
                    from: *from,
                    to: RedirectTo::Output,
                },
                Redirection::File {
                    from,
                    target,
                    append,
                } => {
                    let path = self.eval(target)?;
                    let to = if path.is_null() {
                        RedirectTo::Null
                    } else {
                        RedirectTo::File(path.to_display_string(), *append)
                    };
                    Redirect { from: *from, to }
                }
            });
        }
        Ok(out)
    }

    /// Applies redirections to the stream state; returns a replacement output sink when
    /// output itself is redirected.
    fn apply_redirections(&mut self, reds: &[Redirect]) -> Option<Box<dyn RedirectSink>> {
        let mut target: Option<Box<dyn RedirectSink>> = None;
        for r in reds {
            let dest = match &r.to {
                RedirectTo::Output => StreamDest::Output,
                RedirectTo::Null => StreamDest::Null,
                // Streams other than output written to a file are dropped from the console.
                RedirectTo::File(..) => StreamDest::Null,
            };
            let sink = || -> Box<dyn RedirectSink> {
                match &r.to {
                    RedirectTo::File(p, append) => Box::new(FileRedirect::new(p.clone(), *append)),
                    _ => Box::new(NullRedirect),
                }
            };
            match r.from {
                Stream::Output => {
                    if !matches!(r.to, RedirectTo::Output) {
                        target = Some(sink());
                    }
                }
                Stream::Error => self.streams.error = dest,
                Stream::Warning => self.streams.warning = dest,
                Stream::Verbose | Stream::Debug => self.streams.verbose = dest,
                Stream::Information => self.streams.information = dest,
                Stream::All => {
                    self.streams = Streams {
                        error: dest,
                        warning: dest,
                        verbose: dest,
                        information: dest,
                    };
                    if !matches!(r.to, RedirectTo::Output) {
                        target = Some(sink());
                    }
                }
            }
        }
        target
    }

    fn finish_redirect(&mut self, t: &mut dyn RedirectSink) -> FlowResult<()> {
        t.finish(self)
    }

    // ---- running script blocks ----------------------------------------------------------

    /// Runs a block's body in the current scope with `$_` set (ForEach-Object, Where-Object).
    /// `return` ends this invocation only.
    pub fn invoke_block_inline(
        &mut self,
        block: &ScriptBlock,
        dollar_under: Option<Value>,
        args: Vec<Value>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        let r = self.in_block_frame(block, dollar_under, args, |this| {
            for b in [&block.ast.begin, &block.ast.process, &block.ast.end]
                .into_iter()
                .flatten()
            {
                this.exec_block(b, out)?;
            }
            Ok(())
        });
        match r {
            Err(Flow::Return) => Ok(()),
            other => other,
        }
    }

    /// Runs `body` in the current scope with `$_` and `$args` set for a block and the
    /// block's source current, then puts them back (the frame of an inline invocation).
    fn in_block_frame<R>(
        &mut self,
        block: &ScriptBlock,
        dollar_under: Option<Value>,
        args: Vec<Value>,
        body: impl FnOnce(&mut Interp) -> R,
    ) -> R {
        let saved_under = dollar_under
            .as_ref()
            .map(|_| self.get_var("_", &VarScope::Local));
        if let Some(v) = dollar_under {
            self.set_local("_", v);
        }
        let saved_args = if args.is_empty() {
            None
        } else {
            Some(self.get_var("args", &VarScope::Local))
        };
        if !args.is_empty() {
            self.set_local("args", Value::array(args));
        }
        let prev_source = std::mem::replace(&mut self.cur_source, block.source.clone());
        let r = body(self);
        self.cur_source = prev_source;
        if let Some(prev) = saved_under {
            self.set_local("_", prev.unwrap_or(Value::Null));
        }
        if let Some(prev) = saved_args {
            self.set_local("args", prev.unwrap_or(Value::Null));
        }
        r
    }

    /// Runs a block as `invoke_block_inline` does and gives the truth of its output as
    /// one value. A body that is one plain expression (`{ $_.Size -gt 500 }`) is
    /// evaluated as a condition, with the same statement-error handling and `$?` as
    /// running it as a statement would have.
    pub fn invoke_block_truthy(
        &mut self,
        block: &ScriptBlock,
        dollar_under: Value,
    ) -> FlowResult<bool> {
        let Some((st, expr)) = single_expression(&block.ast) else {
            let mut sink = TruthSink::default();
            self.invoke_block_inline(block, Some(dollar_under), Vec::new(), &mut sink)?;
            return Ok(sink.truthy());
        };
        self.in_block_frame(block, Some(dollar_under), Vec::new(), |this| {
            this.cur_span = st.span;
            let errors_before = this.error_count;
            match this.eval_bool(expr) {
                Ok(b) => {
                    this.last_status = this.error_count == errors_before;
                    Ok(b)
                }
                Err(Flow::Error(e)) if this.handler_depth == 0 && !e.script_terminating => {
                    let mut sink = TruthSink::default();
                    this.statement_error(e, &mut sink).map(|()| sink.truthy())
                }
                Err(f) => {
                    this.last_status = false;
                    Err(f)
                }
            }
        })
    }

    /// Calls a script block like `& $sb args` (new scope), collecting output.
    pub fn call_block(
        &mut self,
        block: &Rc<ScriptBlock>,
        args: Vec<Value>,
    ) -> FlowResult<Vec<Value>> {
        let spec = binder::spec_from_param_block("", block.ast.params.as_ref());
        let f = Rc::new(FunctionInfo::new(Rc::from(""), spec, block.clone(), false));
        let raw = args
            .into_iter()
            .map(|value| RawArg::Positional {
                value,
                span: Span::default(),
            })
            .collect();
        let partial = binder::bind_args(&f.spec, raw).map_err(|e| Flow::error(e.into()))?;
        let mut p = FunctionProc::new(f, partial, false, false, self.cur_span);
        let mut sink = VecSink::default();
        p.begin(self, &mut sink)?;
        p.process(self, None, &mut sink)?;
        p.end(self, &mut sink)?;
        Ok(sink.0)
    }
}

/// A sink that replaces a command's output under `>` / `>>` / `> $null`.
trait RedirectSink: Sink {
    fn finish(&mut self, interp: &mut Interp) -> FlowResult<()>;
}

struct NullRedirect;

impl Sink for NullRedirect {
    fn emit(&mut self, _interp: &mut Interp, _value: Value) -> FlowResult<()> {
        Ok(())
    }
}

impl RedirectSink for NullRedirect {
    fn finish(&mut self, _interp: &mut Interp) -> FlowResult<()> {
        Ok(())
    }
}

struct FileRedirect {
    path: String,
    append: bool,
    items: Vec<Value>,
}

impl FileRedirect {
    fn new(path: String, append: bool) -> FileRedirect {
        FileRedirect {
            path,
            append,
            items: Vec::new(),
        }
    }
}

impl Sink for FileRedirect {
    fn emit(&mut self, _interp: &mut Interp, value: Value) -> FlowResult<()> {
        self.items.push(value);
        Ok(())
    }
}

impl RedirectSink for FileRedirect {
    fn finish(&mut self, interp: &mut Interp) -> FlowResult<()> {
        let text = crate::format::display::format_for_file(&self.items, &interp.formatter);
        let r = if self.append {
            use std::io::Write;
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .and_then(|mut f| f.write_all(text.as_bytes()))
        } else {
            std::fs::write(&self.path, text)
        };
        r.map_err(|e| {
            Flow::error(ErrorRecord::new(
                format!("Could not write to '{}': {}", self.path, e),
                "FileWriteError",
                ErrorCategory::WriteError,
            ))
        })
    }
}

/// A redirection with its target evaluated.
struct Redirect {
    from: Stream,
    to: RedirectTo,
}

enum RedirectTo {
    Output,
    Null,
    File(String, bool),
}

/// Wraps a processor whose command has redirections.
struct RedirectProc {
    inner: Box<dyn Processor>,
    redirections: Vec<Redirect>,
    target: Option<Box<dyn RedirectSink>>,
}

impl RedirectProc {
    fn with<F>(
        &mut self,
        interp: &mut Interp,
        out: &mut dyn Sink,
        last: bool,
        f: F,
    ) -> FlowResult<()>
    where
        F: FnOnce(&mut dyn Processor, &mut Interp, &mut dyn Sink) -> FlowResult<()>,
    {
        let saved = interp.streams;
        let fresh = interp.apply_redirections(&self.redirections);
        if self.target.is_none() {
            self.target = fresh;
        }
        let r = match &mut self.target {
            Some(t) => f(self.inner.as_mut(), interp, t.as_mut()),
            None => f(self.inner.as_mut(), interp, out),
        };
        interp.streams = saved;
        if last {
            if let Some(t) = self.target.as_mut() {
                t.finish(interp)?;
            }
        }
        r
    }
}

impl Processor for RedirectProc {
    fn begin(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()> {
        self.with(interp, out, false, |p, i, o| p.begin(i, o))
    }
    fn process(
        &mut self,
        interp: &mut Interp,
        input: Option<Value>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        self.with(interp, out, false, |p, i, o| p.process(i, input, o))
    }
    fn end(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()> {
        self.with(interp, out, true, |p, i, o| p.end(i, o))
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

/// A script function, filter, script block or script file in a pipeline.
struct FunctionProc {
    func: Rc<FunctionInfo>,
    partial: Partial,
    has_input: bool,
    dot: bool,
    scope: Option<Scope>,
    inputs: Vec<Value>,
    span: Span,
    script_file: Option<String>,
    /// A script run at the top level: script scope and `$PSScriptRoot`, but `exit` is
    /// left for the host.
    top_script: Option<String>,
    /// Set when `return`/`exit` ended the function early.
    done: bool,
}

impl FunctionProc {
    fn new(
        func: Rc<FunctionInfo>,
        partial: Partial,
        has_input: bool,
        dot: bool,
        span: Span,
    ) -> FunctionProc {
        FunctionProc {
            func,
            partial,
            has_input,
            dot,
            scope: None,
            inputs: Vec::new(),
            span,
            script_file: None,
            top_script: None,
            done: false,
        }
    }

    /// Runs `f` inside the function's own scope.
    fn in_scope<R>(&mut self, interp: &mut Interp, f: impl FnOnce(&mut Interp) -> R) -> R {
        let prev_source = std::mem::replace(&mut interp.cur_source, self.func.block.source.clone());
        interp.call_depth += 1;
        let r = if self.dot {
            f(interp)
        } else {
            let scope = self
                .scope
                .take()
                .unwrap_or_else(|| Scope::new(ScopeKind::Function));
            interp.scopes.push(scope);
            let r = f(interp);
            self.scope = interp.scopes.pop();
            r
        };
        interp.call_depth -= 1;
        interp.cur_source = prev_source;
        r
    }

    fn run_block(&mut self, interp: &mut Interp, which: u8, out: &mut dyn Sink) -> FlowResult<()> {
        if self.done {
            return Ok(());
        }
        let block = self.func.block.clone();
        let ast = &block.ast;
        let b = match which {
            0 => ast.begin.as_ref(),
            1 => {
                if ast.named_blocks {
                    ast.process.as_ref()
                } else if self.func.is_filter {
                    ast.end.as_ref()
                } else {
                    None
                }
            }
            _ => {
                if self.func.is_filter && !ast.named_blocks {
                    None
                } else {
                    ast.end.as_ref()
                }
            }
        };
        let Some(b) = b else { return Ok(()) };
        let is_script = self.script_file.is_some();
        let r = self.in_scope(interp, |interp| interp.exec_block(b, out));
        match r {
            Err(Flow::Return) => {
                self.done = which != 1;
                Ok(())
            }
            Err(Flow::Exit(code)) if is_script => {
                interp.set_var_in(0, "LASTEXITCODE", Value::Int(code));
                self.done = true;
                Ok(())
            }
            other => other,
        }
    }

    fn bind_params(&mut self, interp: &mut Interp, bound: &Bound) -> FlowResult<()> {
        let func = self.func.clone();
        let params = func.block.ast.params.as_ref();
        let uses = func.uses;
        let bound_table = if uses.bound_parameters {
            let mut t = Hashtable::new(false);
            for (k, v) in &bound.values {
                t.insert(Value::str(k), v.clone());
            }
            Some(t)
        } else {
            None
        };
        let rest = std::mem::take(&mut self.partial.rest);
        let script_file = self.script_file.clone().or_else(|| self.top_script.clone());
        self.in_scope(interp, |interp| -> FlowResult<()> {
            if let Some(pb) = params {
                for (d, &constraint) in pb.params.iter().zip(&func.constraints) {
                    let given = bound.values.get(&*d.name.text).or_else(|| {
                        bound
                            .values
                            .iter()
                            .find(|(k, _)| k.eq_ignore_ascii_case(&d.name.text))
                            .map(|(_, v)| v)
                    });
                    let value = interp.param_value(d, given.cloned(), constraint)?;
                    interp.set_param(&d.name, value, constraint);
                }
            }
            if uses.args || !rest.is_empty() {
                interp.set_local("args", Value::array(rest));
            }
            // Common parameters of an advanced function act through the preference
            // variables of its scope (about_CommonParameters).
            let c = &bound.common;
            if let Some(a) = c.error_action {
                interp.set_local("ErrorActionPreference", Value::str(a.name()));
            }
            if let Some(a) = c.warning_action {
                interp.set_local("WarningPreference", Value::str(a.name()));
            }
            if c.verbose {
                interp.set_local("VerbosePreference", Value::str("Continue"));
            }
            if c.debug {
                interp.set_local("DebugPreference", Value::str("Continue"));
            }
            if let Some(w) = c.what_if {
                interp.set_local("WhatIfPreference", Value::Bool(w));
            }
            if let Some(cf) = c.confirm {
                interp.set_local(
                    "ConfirmPreference",
                    Value::str(if cf { "Low" } else { "None" }),
                );
            }
            if let Some(t) = bound_table {
                interp.set_local("PSBoundParameters", Value::hashtable(t));
            }
            if let Some(path) = &script_file {
                let p = std::path::Path::new(path);
                let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
                let root = abs
                    .parent()
                    .map(|d| d.display().to_string())
                    .unwrap_or_default();
                interp.set_local("PSScriptRoot", Value::string(root));
                interp.set_local("PSCommandPath", Value::string(abs.display().to_string()));
            }
            Ok(())
        })
    }
}

impl Interp {
    /// A parameter's value as its variable starts with: the bound value (already
    /// converted by the binder; a `$null` given to a number, Boolean or string
    /// parameter becomes 0, False or ""), else its default expression converted to its
    /// type, else the type's default.
    fn param_value(
        &mut self,
        d: &crate::lang::ast::ParamDecl,
        given: Option<Value>,
        constraint: Option<TypeName>,
    ) -> FlowResult<Value> {
        let (value, convert) = match given {
            Some(v) => {
                let null_to_default = v.is_null()
                    && matches!(
                        constraint,
                        Some(
                            TypeName::Int
                                | TypeName::Long
                                | TypeName::Double
                                | TypeName::Decimal
                                | TypeName::Byte
                                | TypeName::Bool
                                | TypeName::Switch
                                | TypeName::String
                        )
                    );
                (v, null_to_default)
            }
            None => match &d.default {
                Some(e) => (self.eval(e)?, true),
                None => (default_for(constraint), false),
            },
        };
        match constraint {
            Some(t) if convert => {
                crate::engine::convert::convert_to(&value, t).map_err(|e| self.err_at(e, d.span))
            }
            _ => Ok(value),
        }
    }
}

/// The value a typed parameter that was not given and has no default starts with.
fn default_for(t: Option<TypeName>) -> Value {
    match t {
        Some(TypeName::Switch | TypeName::Bool) => Value::Bool(false),
        Some(TypeName::String) => Value::str(""),
        Some(TypeName::Int | TypeName::Byte) => Value::Int(0),
        Some(TypeName::Long) => Value::Long(0),
        Some(TypeName::Double | TypeName::Decimal) => Value::Double(0.0),
        _ => Value::Null,
    }
}

impl Processor for FunctionProc {
    fn begin(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()> {
        if interp.call_depth >= MAX_CALL_DEPTH {
            return Err(Flow::error(ErrorRecord::new(
                "The script failed due to call depth overflow.",
                "CallDepthOverflow",
                ErrorCategory::InvalidOperation,
            )));
        }
        let bound = binder::finish(&self.func.spec, &self.partial, self.has_input)
            .map_err(|e| interp.bind_error(e, &self.func.name, self.span))?;
        if !self.dot {
            let kind = if self.script_file.is_some() || self.top_script.is_some() {
                ScopeKind::Script
            } else {
                ScopeKind::Function
            };
            self.scope = Some(Scope::new(kind));
        }
        self.bind_params(interp, &bound)?;
        self.run_block(interp, 0, out)
    }

    fn process(
        &mut self,
        interp: &mut Interp,
        input: Option<Value>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        let has_process = self.func.block.ast.process.is_some() || self.func.is_filter;
        if let Some(v) = &input {
            if self.func.uses.input {
                self.inputs.push(v.clone());
            }
            if has_process {
                let pipeline_bound = binder::bind_pipeline(&self.func.spec, &self.partial, v).ok();
                let v2 = v.clone();
                self.in_scope(interp, |interp| {
                    interp.set_local("_", v2);
                    if let Some(b) = pipeline_bound {
                        for (k, val) in b.values {
                            interp.set_local(&k, val);
                        }
                    }
                });
            }
        }
        if has_process {
            self.run_block(interp, 1, out)?;
        }
        Ok(())
    }

    fn end(&mut self, interp: &mut Interp, out: &mut dyn Sink) -> FlowResult<()> {
        if self.func.uses.input {
            let inputs = Value::array(std::mem::take(&mut self.inputs));
            self.in_scope(interp, |interp| interp.set_local("input", inputs));
        }
        self.run_block(interp, 2, out)
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

/// A script block whose whole body is one statement that is one plain expression,
/// written to the output as its value (not an increment, a `[void]` cast or a method
/// call, which may write nothing): that statement and expression.
fn single_expression(ast: &ScriptBlockAst) -> Option<(&Statement, &Expr)> {
    if ast.begin.is_some() || (ast.process.is_some() == ast.end.is_some()) {
        return None;
    }
    let body = ast.process.as_ref().or(ast.end.as_ref())?;
    let [st] = body.statements.as_slice() else {
        return None;
    };
    if !body.traps.is_empty() {
        return None;
    }
    let StmtKind::Pipeline(p) = &st.kind else {
        return None;
    };
    let expr = p.single_expr()?;
    match &expr.kind {
        ExprKind::Unary {
            op: UnOp::PreInc | UnOp::PreDec | UnOp::PostInc | UnOp::PostDec,
            ..
        }
        | ExprKind::Cast { .. }
        | ExprKind::Invoke { .. } => None,
        _ => Some((st, expr)),
    }
}
