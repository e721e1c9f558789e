//! Statement execution: blocks with traps, statement-terminating errors, control flow
//! (if, switch, loops with labels), try/catch/finally, throw, return and exit.

use std::rc::Rc;

use crate::engine::command::{Sink, VecSink};
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::interp::{FunctionInfo, Interp};
use crate::engine::ops;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::Value;
use crate::lang::ast::*;

/// What a loop body's flow means for the loop.
enum LoopCtl {
    Next,
    Break,
}

fn loop_flow(r: FlowResult<()>, label: &Option<Rc<str>>) -> FlowResult<LoopCtl> {
    match r {
        Ok(()) => Ok(LoopCtl::Next),
        Err(Flow::Break(None)) => Ok(LoopCtl::Break),
        Err(Flow::Continue(None)) => Ok(LoopCtl::Next),
        Err(Flow::Break(Some(l))) if label.as_ref() == Some(&l) => Ok(LoopCtl::Break),
        Err(Flow::Continue(Some(l))) if label.as_ref() == Some(&l) => Ok(LoopCtl::Next),
        Err(other) => Err(other),
    }
}

impl Interp {
    /// Runs a block. Where no try or trap is active, a statement-terminating error is
    /// written and execution goes on with the next statement, as PowerShell does.
    pub fn exec_block(&mut self, b: &Block, out: &mut dyn Sink) -> FlowResult<()> {
        if !b.traps.is_empty() {
            return self.exec_block_with_traps(b, out);
        }
        for st in &b.statements {
            match self.exec_stmt(st, out) {
                Ok(()) => {}
                Err(Flow::Error(e)) if self.handler_depth == 0 && !e.script_terminating => {
                    self.statement_error(e, out)?;
                }
                Err(f) => return Err(f),
            }
        }
        Ok(())
    }

    /// A statement-terminating error where no try or trap is active: recorded and
    /// written, and the block goes on (unless `$ErrorActionPreference` is Stop).
    pub fn statement_error(&mut self, e: Rc<ErrorRecord>, out: &mut dyn Sink) -> FlowResult<()> {
        self.last_status = false;
        self.error_count += 1;
        self.record_error(&e);
        if self.error_action_is_stop() {
            // $ErrorActionPreference = 'Stop' makes every error end the script.
            let mut t = (*e).clone();
            t.script_terminating = true;
            return Err(Flow::error(t));
        }
        self.emit_error(e, Some(out))
    }

    fn error_action_is_stop(&self) -> bool {
        self.var("ErrorActionPreference")
            .map(|v| v.to_display_string().eq_ignore_ascii_case("stop"))
            .unwrap_or(false)
    }

    fn exec_block_with_traps(&mut self, b: &Block, out: &mut dyn Sink) -> FlowResult<()> {
        for st in &b.statements {
            self.handler_depth += 1;
            let r = self.exec_stmt(st, out);
            self.handler_depth -= 1;
            match r {
                Ok(()) => {}
                Err(Flow::Error(e)) => {
                    let trap = b
                        .traps
                        .iter()
                        .find(|t| catch_matches(t.type_name.as_slice(), &e))
                        .or_else(|| b.traps.first())
                        .cloned();
                    let Some(trap) = trap else {
                        return Err(Flow::Error(e));
                    };
                    self.last_status = false;
                    self.record_error(&e);
                    let saved = self.get_var("_", &VarScope::Local);
                    self.set_local("_", Value::Error(e.clone()));
                    let r = self.exec_block(&trap.body, out);
                    self.set_local("_", saved.unwrap_or(Value::Null));
                    match r {
                        Ok(()) => self.emit_error(e, Some(out))?,
                        Err(Flow::Continue(None)) => {}
                        Err(Flow::Break(None)) => {
                            let mut t = (*e).clone();
                            t.script_terminating = true;
                            return Err(Flow::error(t));
                        }
                        Err(other) => return Err(other),
                    }
                }
                Err(f) => return Err(f),
            }
        }
        Ok(())
    }

    pub fn exec_stmt(&mut self, st: &Statement, out: &mut dyn Sink) -> FlowResult<()> {
        // Pipelines and assignments here, with a small stack frame; the compound
        // statements in `exec_compound`.
        match &st.kind {
            StmtKind::Pipeline(p) => {
                self.cur_span = st.span;
                self.run_pipeline(p, out)
            }
            StmtKind::Assign { target, op, value } => {
                self.cur_span = st.span;
                if !self.quick_assign(target, *op, value) {
                    self.assign(target, *op, value, st.span)?;
                }
                self.last_status = true;
                Ok(())
            }
            StmtKind::If {
                clauses,
                else_block,
            } => self.exec_if(clauses, else_block.as_ref(), out),
            StmtKind::Return(Some(p)) => {
                self.run_pipeline(p, out)?;
                Err(Flow::Return)
            }
            _ => self.exec_compound(st, out),
        }
    }

    /// `if`/`elseif`/`else`: the first clause whose condition holds runs.
    #[inline(never)]
    fn exec_if(
        &mut self,
        clauses: &[(Pipeline, Block)],
        else_block: Option<&Block>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        for (cond, body) in clauses {
            if self.cond_value(cond)? {
                return self.exec_block(body, out);
            }
        }
        match else_block {
            Some(b) => self.exec_block(b, out),
            None => Ok(()),
        }
    }

    #[inline(never)]
    fn exec_compound(&mut self, st: &Statement, out: &mut dyn Sink) -> FlowResult<()> {
        match &st.kind {
            StmtKind::Pipeline(_) | StmtKind::Assign { .. } => self.exec_stmt(st, out),
            StmtKind::If {
                clauses,
                else_block,
            } => self.exec_if(clauses, else_block.as_ref(), out),
            StmtKind::Switch(sw) => self.exec_switch(sw, out),
            StmtKind::Foreach {
                label,
                var,
                iter,
                body,
            } => self.exec_foreach(label, var, iter, body, out),
            StmtKind::For {
                label,
                init,
                cond,
                step,
                body,
            } => {
                if let Some(i) = init {
                    self.exec_stmt_silent(i)?;
                }
                loop {
                    self.check_interrupt()?;
                    if let Some(c) = cond {
                        if !self.cond_value(c)? {
                            break;
                        }
                    }
                    if let LoopCtl::Break = loop_flow(self.exec_block(body, out), label)? {
                        break;
                    }
                    if let Some(s) = step {
                        self.exec_stmt_silent(s)?;
                    }
                }
                Ok(())
            }
            StmtKind::While { label, cond, body } => {
                loop {
                    self.check_interrupt()?;
                    if !self.cond_value(cond)? {
                        break;
                    }
                    if let LoopCtl::Break = loop_flow(self.exec_block(body, out), label)? {
                        break;
                    }
                }
                Ok(())
            }
            StmtKind::DoLoop {
                label,
                body,
                cond,
                until,
            } => {
                loop {
                    self.check_interrupt()?;
                    if let LoopCtl::Break = loop_flow(self.exec_block(body, out), label)? {
                        break;
                    }
                    let c = self.cond_value(cond)?;
                    if c == *until {
                        break;
                    }
                }
                Ok(())
            }
            StmtKind::Break(label) => Err(Flow::Break(self.flow_label(label)?)),
            StmtKind::Continue(label) => Err(Flow::Continue(self.flow_label(label)?)),
            StmtKind::Return(p) => {
                if let Some(p) = p {
                    self.run_pipeline(p, out)?;
                }
                Err(Flow::Return)
            }
            StmtKind::Exit(p) => {
                let code = match p {
                    Some(p) => {
                        let v = self.pipeline_value(p)?;
                        crate::engine::convert::to_i32(&v).unwrap_or(0)
                    }
                    None => 0,
                };
                Err(Flow::Exit(code))
            }
            StmtKind::Throw(p) => {
                self.cur_span = st.span;
                let v = match p {
                    Some(p) => self.pipeline_value(p)?,
                    None => Value::Null,
                };
                Err(Flow::error(self.throw_record(v, st.span)))
            }
            StmtKind::Try {
                body,
                catches,
                finally,
            } => self.exec_try(body, catches, finally.as_ref(), out),
            StmtKind::Trap(_) | StmtKind::Empty => Ok(()),
            StmtKind::Function(def) => {
                let spec = crate::engine::binder::spec_from_param_block(
                    &def.name,
                    def.body.params.as_ref(),
                );
                let block = Rc::new(ScriptBlock {
                    ast: def.body.clone(),
                    text: def.text.clone(),
                    source: self.cur_source.clone(),
                    is_filter: def.is_filter,
                });
                self.define_function(Rc::new(FunctionInfo::new(
                    def.name.clone(),
                    spec,
                    block,
                    def.is_filter,
                )));
                Ok(())
            }
        }
    }

    /// `$x = n`, `$x += n`, `$x -= n`, `$x *= n` as a statement, with `n` a number
    /// literal or plain number variable and `$x` an unconstrained variable of the
    /// innermost scope (found in its remembered slot): done in place, without making or
    /// returning values. `false` when the statement is not of that shape or the result
    /// is not a plain number; nothing has changed then.
    #[inline]
    fn quick_assign(&mut self, target: &Expr, op: AssignOp, value: &Statement) -> bool {
        let (ExprKind::Var(v), StmtKind::Pipeline(p)) = (&target.kind, &value.kind) else {
            return false;
        };
        if v.scope != VarScope::Any || matches!(op, AssignOp::Div | AssignOp::Rem) {
            return false;
        }
        let Some(rhs) = p.single_expr().and_then(|e| self.quick_num(e)) else {
            return false;
        };
        let Some(var) = self.assign_slot_ref(v) else {
            return false;
        };
        if var.constraint.is_some() {
            return false;
        }
        let new = match op.binop() {
            None => rhs.to_value(),
            Some(bop) => {
                let Some(cur) = crate::engine::convert::Num::of(&var.value) else {
                    return false;
                };
                match ops::quick_binary(bop, cur, rhs) {
                    Some(v) => v,
                    None => return false,
                }
            }
        };
        var.value = new;
        true
    }

    /// Runs a statement whose output is discarded (for-loop init and step).
    fn exec_stmt_silent(&mut self, st: &Statement) -> FlowResult<()> {
        if let StmtKind::Pipeline(p) = &st.kind {
            if let Some(expr) = p.single_expr() {
                self.eval(expr)?;
                return Ok(());
            }
        }
        let mut sink = crate::engine::command::NullSink;
        self.exec_stmt(st, &mut sink)
    }

    fn flow_label(&mut self, label: &Option<Expr>) -> FlowResult<Option<Rc<str>>> {
        match label {
            None => Ok(None),
            Some(e) => {
                let v = self.eval(e)?;
                Ok(Some(Rc::from(v.to_display_string().to_lowercase())))
            }
        }
    }

    /// A condition (`if`, `while`, `for`, `do`): its pipeline's value, as a Boolean.
    pub fn cond_value(&mut self, p: &Pipeline) -> FlowResult<bool> {
        match p.single_expr() {
            Some(expr) => self.eval_bool(expr),
            None => Ok(self.pipeline_value(p)?.truthy()),
        }
    }

    /// An expression's value as a Boolean; an integer comparison of literals and
    /// plain variables is decided without making the values.
    pub fn eval_bool(&mut self, e: &Expr) -> FlowResult<bool> {
        if let ExprKind::Binary {
            op: BinOp::Cmp(c, _),
            lhs,
            rhs,
        } = &e.kind
        {
            if let (Some(x), Some(y)) = (self.quick_num(lhs), self.quick_num(rhs)) {
                if let Some(b) = ops::quick_cmp(*c, x, y) {
                    return Ok(b);
                }
            }
        }
        Ok(self.eval(e)?.truthy())
    }

    /// A pipeline's output as one value (conditions, `exit`, `throw`).
    pub fn pipeline_value(&mut self, p: &Pipeline) -> FlowResult<Value> {
        if let Some(expr) = p.single_expr() {
            return self.eval(expr);
        }
        let mut sink = VecSink::default();
        self.run_pipeline(p, &mut sink)?;
        Ok(Value::from_output(sink.0))
    }

    /// The error record `throw` raises for a value.
    pub fn throw_record(&mut self, v: Value, span: Span) -> ErrorRecord {
        let mut rec = match v {
            Value::Error(e) => (*e).clone(),
            Value::Null => {
                // A bare `throw` inside catch rethrows the current error.
                if let Some(Value::Error(e)) = self.get_var("_", &VarScope::Any) {
                    (*e).clone()
                } else {
                    let mut r = ErrorRecord::new(
                        "ScriptHalted",
                        "ScriptHalted",
                        ErrorCategory::OperationStopped,
                    );
                    r.exception_type = "RuntimeException".into();
                    r
                }
            }
            Value::Str(s) => {
                let mut r = ErrorRecord::new(s.to_string(), &s, ErrorCategory::OperationStopped);
                r.target = Some(Value::Str(s));
                r
            }
            other => {
                let msg = other.to_display_string();
                let mut r = ErrorRecord::new(msg.clone(), &msg, ErrorCategory::OperationStopped);
                r.thrown = Some(other.clone());
                r.target = Some(other);
                r
            }
        };
        rec.script_terminating = true;
        if rec.position.is_none() {
            rec = rec.with_position(&self.cur_source, span);
        }
        rec
    }

    fn exec_try(
        &mut self,
        body: &Block,
        catches: &[Catch],
        finally: Option<&Block>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        self.handler_depth += 1;
        let r = self.exec_block(body, out);
        self.handler_depth -= 1;
        let r = match r {
            Err(Flow::Error(e)) => {
                let chosen = catches
                    .iter()
                    .find(|c| !c.types.is_empty() && catch_matches(&c.types, &e))
                    .or_else(|| catches.iter().find(|c| c.types.is_empty()))
                    .or_else(|| catches.first());
                match chosen {
                    Some(c) => {
                        self.record_error(&e);
                        let saved = self.get_var("_", &VarScope::Local);
                        self.set_local("_", Value::Error(e));
                        let r = self.exec_block(&c.body, out);
                        self.set_local("_", saved.unwrap_or(Value::Null));
                        r
                    }
                    None => Err(Flow::Error(e)),
                }
            }
            other => other,
        };
        if let Some(f) = finally {
            self.exec_block(f, out)?;
        }
        r
    }

    fn exec_foreach(
        &mut self,
        label: &Option<Rc<str>>,
        var: &VarRef,
        iter: &Pipeline,
        body: &Block,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        // `foreach ($i in 1..N)` iterates the range without building it.
        if let Some(expr) = iter.single_expr() {
            if let ExprKind::Binary {
                op: BinOp::Range,
                lhs,
                rhs,
            } = &expr.kind
            {
                let a = self.eval(lhs)?;
                let b = self.eval(rhs)?;
                if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                    let (x, y) = (*x, *y);
                    let step: i64 = if x <= y { 1 } else { -1 };
                    let mut i = x as i64;
                    loop {
                        self.check_interrupt()?;
                        self.assign_var(
                            &var.name.key,
                            &var.name.text,
                            &var.scope,
                            Value::Int(i as i32),
                            None,
                        )
                        .map_err(|e| self.err_at(e, var.span))?;
                        if let LoopCtl::Break = loop_flow(self.exec_block(body, out), label)? {
                            break;
                        }
                        if i == y as i64 {
                            break;
                        }
                        i += step;
                    }
                    return Ok(());
                }
                let items = ops::range(&a, &b).map_err(|e| self.err_at(e, expr.span))?;
                return self.foreach_items(label, var, items.enumerate(), body, out);
            }
        }
        let v = self.pipeline_value(iter)?;
        let items = match v {
            Value::Null => Vec::new(),
            Value::Array(a) => a.borrow().clone(),
            Value::Hashtable(_) => vec![v],
            other => vec![other],
        };
        self.foreach_items(label, var, items, body, out)
    }

    fn foreach_items(
        &mut self,
        label: &Option<Rc<str>>,
        var: &VarRef,
        items: Vec<Value>,
        body: &Block,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        for item in items {
            self.check_interrupt()?;
            self.assign_var(&var.name.key, &var.name.text, &var.scope, item, None)
                .map_err(|e| self.err_at(e, var.span))?;
            if let LoopCtl::Break = loop_flow(self.exec_block(body, out), label)? {
                break;
            }
        }
        Ok(())
    }

    fn exec_switch(&mut self, sw: &SwitchStmt, out: &mut dyn Sink) -> FlowResult<()> {
        let subject = self.pipeline_value(&sw.subject)?;
        let items = match subject {
            Value::Array(a) => a.borrow().clone(),
            other => vec![other],
        };
        let saved = self.get_var("_", &VarScope::Local);
        let r = self.switch_items(sw, items, out);
        self.set_local("_", saved.unwrap_or(Value::Null));
        r
    }

    fn switch_items(
        &mut self,
        sw: &SwitchStmt,
        items: Vec<Value>,
        out: &mut dyn Sink,
    ) -> FlowResult<()> {
        let cs = sw.case_sensitive;
        'items: for item in items {
            self.set_local("_", item.clone());
            let mut matched = false;
            for (cond, body) in &sw.clauses {
                let hit = match &cond.kind {
                    ExprKind::ScriptBlock(..) => {
                        let v = self.eval(cond)?;
                        match v {
                            Value::ScriptBlock(sb) => {
                                let r =
                                    self.invoke_block_collect(&sb, Some(item.clone()), Vec::new())?;
                                Value::from_output(r).truthy()
                            }
                            _ => false,
                        }
                    }
                    _ => {
                        let c = self.eval(cond)?;
                        let text = item.to_display_string();
                        let pat = c.to_display_string();
                        if sw.regex {
                            let re = ops::build_regex(&pat, cs)
                                .map_err(|e| self.err_at(e, cond.span))?;
                            match re.captures(&text) {
                                Some(caps) => {
                                    let mut h = crate::engine::value::Hashtable::new(false);
                                    let names: Vec<Option<&str>> = re.capture_names().collect();
                                    for idx in (0..caps.len()).rev() {
                                        if let Some(m) = caps.get(idx) {
                                            let key = match names.get(idx).copied().flatten() {
                                                Some(n) => Value::str(n),
                                                None => Value::Int(idx as i32),
                                            };
                                            h.insert(key, Value::str(m.as_str()));
                                        }
                                    }
                                    self.set_local("Matches", Value::hashtable(h));
                                    true
                                }
                                None => false,
                            }
                        } else if sw.wildcard {
                            ops::wildcard_regex(&pat, cs)
                                .map_err(|e| self.err_at(e, cond.span))?
                                .is_match(&text)
                        } else if item.is_null() || c.is_null() {
                            item.is_null() && c.is_null()
                        } else if cs {
                            text == pat
                        } else {
                            text.to_lowercase() == pat.to_lowercase()
                        }
                    }
                };
                if hit {
                    matched = true;
                    match self.exec_block(body, out) {
                        Ok(()) => {}
                        Err(Flow::Break(None)) => return Ok(()),
                        Err(Flow::Continue(None)) => continue 'items,
                        Err(Flow::Break(Some(l))) if sw.label.as_ref() == Some(&l) => return Ok(()),
                        Err(Flow::Continue(Some(l))) if sw.label.as_ref() == Some(&l) => {
                            continue 'items
                        }
                        Err(f) => return Err(f),
                    }
                }
            }
            if !matched {
                if let Some(d) = &sw.default {
                    match self.exec_block(d, out) {
                        Ok(()) => {}
                        Err(Flow::Break(None)) => return Ok(()),
                        Err(Flow::Continue(None)) => continue 'items,
                        Err(f) => return Err(f),
                    }
                }
            }
        }
        Ok(())
    }
}

/// Does a catch (or trap) type list match the error? Names are compared by their last
/// segment; `Exception`, `SystemException` and `RuntimeException` match everything.
pub fn catch_matches(types: &[String], e: &ErrorRecord) -> bool {
    if types.is_empty() {
        return true;
    }
    types.iter().any(|t| {
        let last = t.rsplit('.').next().unwrap_or(t).to_ascii_lowercase();
        matches!(
            last.as_str(),
            "exception" | "systemexception" | "runtimeexception"
        ) || last == e.exception_type.to_ascii_lowercase()
    })
}
