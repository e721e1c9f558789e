//! Script functions and script blocks: the plain-call shortcut (`Interp::try_simple_call`),
//! the processor that runs a function, filter, script block or script file in a
//! pipeline (`FunctionProc`), parameter variables with their type constraints, and
//! script blocks run inline (ForEach-Object, Where-Object) or called.

use std::rc::Rc;

use crate::engine::binder::{self, Partial, RawArg};
use crate::engine::command::{Bound, Sink, TruthSink, VecSink};
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::interp::{FunctionInfo, Interp, Scope, ScopeKind, Var, MAX_CALL_DEPTH};
use crate::engine::pipeline::Processor;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::{Hashtable, TypeName, Value};
use crate::lang::ast::*;

impl Interp {
    /// `name arg...` alone in its pipeline, calling a simple function (see
    /// `FunctionInfo::simple`) with positional arguments only: binds them in order and
    /// runs the body in a new scope, without building a pipeline. `None` (nothing
    /// evaluated yet) when the call is not of that shape.
    pub(crate) fn try_simple_call(
        &mut self,
        cmd: &Command,
        out: &mut dyn Sink,
    ) -> Option<FlowResult<()>> {
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

/// A script function, filter, script block or script file in a pipeline.
pub(crate) struct FunctionProc {
    func: Rc<FunctionInfo>,
    partial: Partial,
    has_input: bool,
    dot: bool,
    scope: Option<Scope>,
    inputs: Vec<Value>,
    span: Span,
    pub(crate) script_file: Option<String>,
    /// A script run at the top level: script scope and `$PSScriptRoot`, but `exit` is
    /// left for the host.
    pub(crate) top_script: Option<String>,
    /// Set when `return`/`exit` ended the function early.
    done: bool,
}

impl FunctionProc {
    pub(crate) fn new(
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
