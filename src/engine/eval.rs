//! Expression evaluation: literals, variables, operators, casts, member access and method
//! calls (delegated to `members.rs`), indexing, hash literals, sub-expressions and
//! assignment.

use std::rc::Rc;

use crate::engine::command::{ValueSink, VecSink};
use crate::engine::convert::{self, Num};
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::interp::Interp;
use crate::engine::ops;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::{Hashtable, PsObject, TypeName, Value};
use crate::lang::ast::*;

impl Interp {
    /// Attaches the current source position to an error raised at `span`.
    pub fn err_at(&self, e: ErrorRecord, span: Span) -> Flow {
        Flow::error(e.with_position(&self.cur_source, span))
    }

    pub fn const_value(c: &ConstValue) -> Value {
        match c {
            ConstValue::Int(i) => Value::Int(*i),
            ConstValue::Long(i) => Value::Long(*i),
            ConstValue::Double(d) => Value::Double(*d),
            ConstValue::Str(s) | ConstValue::Bare(s) => Value::Str(s.clone()),
        }
    }

    pub fn resolve_type(&self, ty: &TypeLit) -> FlowResult<TypeName> {
        if let Some(t) = TypeName::from_code(ty.resolved.get()) {
            return Ok(t);
        }
        let t = TypeName::parse(&ty.name);
        if let Some(t) = t {
            ty.resolved.set(t.code());
        }
        t.ok_or_else(|| {
            self.err_at(
                ErrorRecord::new(
                    format!("Unable to find type [{}].", ty.name),
                    "TypeNotFound",
                    ErrorCategory::InvalidOperation,
                ),
                ty.span,
            )
        })
    }

    pub fn eval(&mut self, e: &Expr) -> FlowResult<Value> {
        // The common cases stay here, with a small stack frame for the recursion; the
        // rest is in `eval_other`.
        match &e.kind {
            ExprKind::Const(c) => Ok(Self::const_value(c)),
            ExprKind::Var(v) => Ok(self.get_var_ref(v).unwrap_or(Value::Null)),
            ExprKind::Binary { op, lhs, rhs } => self.eval_binary(*op, lhs, rhs, e.span),
            ExprKind::Unary { op, operand } => self.eval_unary(*op, operand, e.span),
            // `(expr)` without the statement frame.
            ExprKind::Paren(st) => match &st.kind {
                StmtKind::Pipeline(p) => match p.single_expr() {
                    Some(inner) => self.eval(inner),
                    None => self.pipeline_output(p),
                },
                _ => self.eval_statement_value(st),
            },
            _ => self.eval_other(e),
        }
    }

    #[inline(never)]
    fn eval_other(&mut self, e: &Expr) -> FlowResult<Value> {
        match &e.kind {
            ExprKind::Const(c) => Ok(Self::const_value(c)),
            ExprKind::Var(v) => Ok(self.get_var_ref(v).unwrap_or(Value::Null)),
            ExprKind::Expandable(parts) => self.expand(parts).map(Value::string),
            ExprKind::ArrayLit(items) => {
                let mut out = Vec::with_capacity(items.len());
                for it in items {
                    out.push(self.eval(it)?);
                }
                Ok(Value::array(out))
            }
            ExprKind::Binary { op, lhs, rhs } => self.eval_binary(*op, lhs, rhs, e.span),
            ExprKind::Unary { op, operand } => self.eval_unary(*op, operand, e.span),
            ExprKind::Cast { ty, operand } => {
                let t = self.resolve_type(ty)?;
                if t == TypeName::PsCustomObject {
                    if let ExprKind::HashLit { entries, .. } = &operand.kind {
                        let mut o = PsObject::with_capacity(entries.len());
                        for (k, v) in entries {
                            let key = self.eval(k)?;
                            let val = self.eval_statement_value(v)?;
                            match &key {
                                Value::Str(name) => o.set_shared(name, val),
                                other => o.set(&other.to_display_string(), val),
                            }
                        }
                        return Ok(Value::object(o));
                    }
                }
                let v = self.eval(operand)?;
                if t == TypeName::Void {
                    return Ok(Value::Null);
                }
                convert::convert_to(&v, t).map_err(|err| self.err_at(err, e.span))
            }
            ExprKind::Type(ty) => Ok(Value::Type(self.resolve_type(ty)?)),
            ExprKind::Member {
                target,
                name,
                is_static,
            } => {
                let name = self.member_name(name)?;
                if *is_static {
                    let t = self.eval(target)?;
                    return self
                        .static_member(&t, &name)
                        .map_err(|err| self.err_at(err, e.span));
                }
                let t = self.eval(target)?;
                self.get_member(&t, &name)
                    .map_err(|err| self.err_at(err, e.span))
            }
            ExprKind::Invoke {
                target,
                name,
                args,
                is_static,
            } => Ok(self
                .eval_invoke(target, name, args, *is_static, e.span)?
                .unwrap_or(Value::Null)),
            ExprKind::Index { target, index } => {
                let t = self.eval(target)?;
                let i = self.eval(index)?;
                self.index_value(&t, &i)
                    .map_err(|err| self.err_at(err, e.span))
            }
            ExprKind::HashLit { entries, ordered } => {
                let mut h = Hashtable::new(*ordered);
                for (k, v) in entries {
                    let key = self.eval(k)?;
                    let val = self.eval_statement_value(v)?;
                    if h.contains(&key) {
                        return Err(self.err_at(
                            ErrorRecord::new(
                                format!(
                                    "Duplicate keys '{}' are not allowed in hash literals.",
                                    key.to_display_string()
                                ),
                                "DuplicateKeyInHashLiteral",
                                ErrorCategory::ParserError,
                            ),
                            k.span,
                        ));
                    }
                    h.insert(key, val);
                }
                Ok(Value::hashtable(h))
            }
            ExprKind::SubExpr(block) => {
                let mut sink = VecSink::default();
                self.exec_block(block, &mut sink)?;
                Ok(Value::from_output(sink.0))
            }
            ExprKind::ArraySubExpr(block) => {
                let mut sink = VecSink::default();
                self.exec_block(block, &mut sink)?;
                Ok(Value::array(sink.0))
            }
            ExprKind::Paren(st) => self.eval_statement_value(st),
            ExprKind::ScriptBlock(ast, text) => Ok(Value::ScriptBlock(Rc::new(ScriptBlock {
                ast: ast.clone(),
                text: text.clone(),
                source: self.cur_source.clone(),
                is_filter: false,
            }))),
        }
    }

    /// A statement used as a value (assignment right-hand sides, `( )`, hash values).
    pub fn eval_statement_value(&mut self, st: &Statement) -> FlowResult<Value> {
        match &st.kind {
            StmtKind::Assign { target, op, value } => self.assign(target, *op, value, st.span),
            StmtKind::Pipeline(p) => match p.single_expr() {
                Some(expr) => self.eval(expr),
                None => self.pipeline_output(p),
            },
            _ => self.compound_value(st),
        }
    }

    /// A pipeline's output as one value: nothing is `$null`, one object itself, more an
    /// array.
    fn pipeline_output(&mut self, p: &Pipeline) -> FlowResult<Value> {
        let mut sink = ValueSink::default();
        self.run_pipeline(p, &mut sink)?;
        Ok(sink.into_value())
    }

    /// A compound statement's output as one value (`$(if ...)`, `$x = foreach ...`).
    #[inline(never)]
    fn compound_value(&mut self, st: &Statement) -> FlowResult<Value> {
        let mut sink = VecSink::default();
        self.exec_stmt(st, &mut sink)?;
        Ok(Value::from_output(sink.0))
    }

    /// A member's name: a literal one borrowed from the script, a computed one
    /// (`$o.$name`, `$o.(expr)`) made.
    fn member_name<'a>(&mut self, name: &'a Expr) -> FlowResult<std::borrow::Cow<'a, str>> {
        match &name.kind {
            ExprKind::Const(ConstValue::Str(s) | ConstValue::Bare(s)) => Ok((**s).into()),
            ExprKind::Const(other) => Ok(Self::const_value(other).to_display_string().into()),
            _ => {
                let v = self.eval(name)?;
                Ok(v.to_display_string().into())
            }
        }
    }

    /// Evaluates a method call; `None` is a void method (nothing is written at statement
    /// level).
    pub fn eval_invoke(
        &mut self,
        target: &Expr,
        name: &Expr,
        args: &[Expr],
        is_static: bool,
        span: Span,
    ) -> FlowResult<Option<Value>> {
        let t = self.eval(target)?;
        let name = self.member_name(name)?;
        let mut argv = Vec::with_capacity(args.len());
        for a in args {
            argv.push(self.eval(a)?);
        }
        let prev = self.cur_span;
        self.cur_span = span;
        let r = if is_static {
            self.call_static(&t, &name, argv)
        } else {
            self.call_method(&t, &name, argv)
        };
        self.cur_span = prev;
        match r {
            Ok(v) => Ok(v),
            Err(Flow::Error(e)) if e.position.is_none() => Err(self.err_at((*e).clone(), span)),
            Err(f) => Err(f),
        }
    }

    pub fn expand(&mut self, parts: &[StrPart]) -> FlowResult<String> {
        let mut out = String::new();
        for p in parts {
            match p {
                StrPart::Lit(s) => out.push_str(s),
                StrPart::Var(v) => {
                    let val = self.get_var_ref(v).unwrap_or(Value::Null);
                    out.push_str(&self.stringify(&val));
                }
                StrPart::Sub(block) => {
                    let mut sink = VecSink::default();
                    self.exec_block(block, &mut sink)?;
                    let v = Value::from_output(sink.0);
                    out.push_str(&self.stringify(&v));
                }
            }
        }
        Ok(out)
    }

    fn eval_binary(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr, span: Span) -> FlowResult<Value> {
        match op {
            BinOp::And => {
                let a = self.eval(lhs)?;
                if !a.truthy() {
                    return Ok(Value::Bool(false));
                }
                return Ok(Value::Bool(self.eval(rhs)?.truthy()));
            }
            BinOp::Or => {
                let a = self.eval(lhs)?;
                if a.truthy() {
                    return Ok(Value::Bool(true));
                }
                return Ok(Value::Bool(self.eval(rhs)?.truthy()));
            }
            _ => {}
        }
        if let (Some(x), Some(y)) = (self.quick_num(lhs), self.quick_num(rhs)) {
            if let Some(v) = ops::quick_binary(op, x, y) {
                return Ok(v);
            }
        }
        let a = self.eval(lhs)?;
        let b = self.eval(rhs)?;
        // Numbers compared or combined: no detour through the general operator code
        // (whose error type is large to pass around).
        if let (Some(x), Some(y)) = (Num::of(&a), Num::of(&b)) {
            if let Some(v) = ops::quick_binary(op, x, y) {
                return Ok(v);
            }
        }
        self.binary_values(op, &a, &b)
            .map_err(|e| self.err_at(e, span))
    }

    /// Applies a binary operator to two evaluated operands.
    pub fn binary_values(&mut self, op: BinOp, a: &Value, b: &Value) -> Result<Value, ErrorRecord> {
        Ok(match op {
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem => {
                match ops::fast_num(op, a, b) {
                    Some(v) => v,
                    None => ops::arith(op, a, b)?,
                }
            }
            BinOp::Range => ops::range(a, b)?,
            BinOp::Format => {
                let args = match b {
                    Value::Array(arr) => arr.borrow().clone(),
                    other => vec![other.clone()],
                };
                let fmt = a.to_display_string();
                match crate::format::composite::composite_format(&fmt, &args) {
                    Ok(s) => Value::string(s),
                    Err(msg) => return Err(ops::runtime_error(msg, "FormatError")),
                }
            }
            BinOp::Xor => Value::Bool(a.truthy() != b.truthy()),
            BinOp::And => Value::Bool(a.truthy() && b.truthy()),
            BinOp::Or => Value::Bool(a.truthy() || b.truthy()),
            BinOp::Band | BinOp::Bor | BinOp::Bxor | BinOp::Shl | BinOp::Shr => {
                let x = convert::to_i64(a)?;
                let y = convert::to_i64(b)?;
                let r = match op {
                    BinOp::Band => x & y,
                    BinOp::Bor => x | y,
                    BinOp::Bxor => x ^ y,
                    BinOp::Shl => x.wrapping_shl(y as u32),
                    _ => x.wrapping_shr(y as u32),
                };
                let long = matches!(a, Value::Long(_)) || matches!(b, Value::Long(_));
                if !long && i32::try_from(r).is_ok() {
                    Value::Int(r as i32)
                } else {
                    Value::Long(r)
                }
            }
            BinOp::Is => Value::Bool(ops::is_type(a, b)?),
            BinOp::IsNot => Value::Bool(!ops::is_type(a, b)?),
            BinOp::As => {
                let t = match b {
                    Value::Type(t) => Some(*t),
                    other => TypeName::parse(&other.to_display_string()),
                };
                match t {
                    Some(t) => convert::convert_to(a, t).unwrap_or(Value::Null),
                    None => Value::Null,
                }
            }
            BinOp::Cmp(cmp, case) => self.compare_op(cmp, case, a, b)?,
        })
    }

    fn compare_op(
        &mut self,
        op: CmpOp,
        case: Case,
        a: &Value,
        b: &Value,
    ) -> Result<Value, ErrorRecord> {
        if let (Some(x), Some(y)) = (Num::of(a), Num::of(b)) {
            if let Some(r) = ops::quick_cmp(op, x, y) {
                return Ok(Value::Bool(r));
            }
        }
        let cs = case == Case::Sensitive;
        Ok(match op {
            CmpOp::Contains => Value::Bool(ops::contains(a, b, cs)),
            CmpOp::NotContains => Value::Bool(!ops::contains(a, b, cs)),
            CmpOp::In => Value::Bool(ops::contains(b, a, cs)),
            CmpOp::NotIn => Value::Bool(!ops::contains(b, a, cs)),
            CmpOp::Replace => ops::replace(a, b, cs)?,
            CmpOp::Split => ops::split(a, Some(b), cs)?,
            CmpOp::Join => ops::join(a, &b.to_display_string()),
            CmpOp::Match | CmpOp::NotMatch => {
                let re = match b {
                    Value::Regex(r) if !cs => r.clone(),
                    other => ops::build_regex(&other.to_display_string(), cs)?,
                };
                let negate = op == CmpOp::NotMatch;
                match a {
                    Value::Array(arr) => {
                        let items = arr.borrow().clone();
                        let out: Vec<Value> = items
                            .into_iter()
                            .filter(|v| re.is_match(&v.to_display_string()) != negate)
                            .collect();
                        Value::array(out)
                    }
                    other => {
                        let s = other.to_display_string();
                        match re.captures(&s) {
                            Some(caps) => {
                                let mut h = Hashtable::new(false);
                                let names: Vec<Option<&str>> = re.capture_names().collect();
                                // $Matches lists groups from the highest number down, as .NET does.
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
                                Value::Bool(!negate)
                            }
                            None => Value::Bool(negate),
                        }
                    }
                }
            }
            _ => match a {
                Value::Array(arr) => {
                    let items = arr.borrow().clone();
                    let mut out = Vec::new();
                    for v in items {
                        if ops::compare_scalar(op, case, &v, b)? {
                            out.push(v);
                        }
                    }
                    Value::array(out)
                }
                other => Value::Bool(ops::compare_scalar(op, case, other, b)?),
            },
        })
    }

    #[inline(never)]
    fn eval_unary(&mut self, op: UnOp, operand: &Expr, span: Span) -> FlowResult<Value> {
        match op {
            UnOp::PreInc | UnOp::PreDec | UnOp::PostInc | UnOp::PostDec => {
                let delta = if matches!(op, UnOp::PreInc | UnOp::PostInc) {
                    1
                } else {
                    -1
                };
                // `$i++` on an unconstrained Int32 variable changes it in place.
                if let ExprKind::Var(v) = &operand.kind {
                    if let Some(slot) = self.assign_slot_ref(v) {
                        if let (Value::Int(i), None) = (&slot.value, slot.constraint) {
                            if let Some(n) = i.checked_add(delta) {
                                let old = *i;
                                slot.value = Value::Int(n);
                                let post = matches!(op, UnOp::PostInc | UnOp::PostDec);
                                return Ok(Value::Int(if post { old } else { n }));
                            }
                        }
                    }
                }
                let old = self.eval(operand)?;
                let new = match &old {
                    Value::Int(i) => match i.checked_add(delta) {
                        Some(n) => Value::Int(n),
                        None => Value::Double(*i as f64 + delta as f64),
                    },
                    other => ops::add(
                        &convert::to_num(other)
                            .map_err(|e| self.err_at(e, span))?
                            .to_value(),
                        &Value::Int(delta),
                    )
                    .map_err(|e| self.err_at(e, span))?,
                };
                self.store(operand, new.clone(), span)?;
                Ok(if matches!(op, UnOp::PostInc | UnOp::PostDec) {
                    if old.is_null() {
                        Value::Int(0)
                    } else {
                        old
                    }
                } else {
                    new
                })
            }
            _ => {
                let v = self.eval(operand)?;
                let r = match op {
                    UnOp::Not => Ok(Value::Bool(!v.truthy())),
                    UnOp::Neg => ops::negate(&v),
                    UnOp::Plus => convert::to_num(&v).map(|n| n.to_value()),
                    UnOp::Bnot => convert::to_i64(&v).map(|x| match i32::try_from(!x) {
                        Ok(i) if !matches!(v, Value::Long(_)) => Value::Int(i),
                        _ => Value::Long(!x),
                    }),
                    UnOp::Join => Ok(ops::join(&v, "")),
                    UnOp::Split => ops::split(&v, None, false),
                    UnOp::Comma => Ok(Value::array(vec![v])),
                    _ => Ok(Value::Null),
                };
                r.map_err(|e| self.err_at(e, span))
            }
        }
    }

    // ---- assignment -------------------------------------------------------------------

    pub fn assign(
        &mut self,
        target: &Expr,
        op: AssignOp,
        value: &Statement,
        span: Span,
    ) -> FlowResult<Value> {
        // In-place append for `$a += x` on an unshared array keeps loops linear.
        if op == AssignOp::Add {
            if let ExprKind::Var(v) = &target.kind {
                let rhs = self.eval_statement_value(value)?;
                if let Some(slot) = self.assign_slot_ref(v) {
                    if slot.constraint.is_none() {
                        if let Some(r) = ops::fast_num(BinOp::Add, &slot.value, &rhs) {
                            slot.value = r.clone();
                            return Ok(r);
                        }
                    }
                    if slot.constraint.is_none() {
                        if let Value::Array(arr) = &slot.value {
                            if Rc::strong_count(arr) == 1 {
                                let mut a = arr.borrow_mut();
                                match &rhs {
                                    Value::Array(other) => {
                                        let items = other.borrow().clone();
                                        a.extend(items);
                                    }
                                    other => a.push(other.clone()),
                                }
                                drop(a);
                                // `+=` makes a new Object[] in PowerShell, whatever the
                                // collection was.
                                arr.set_kind(crate::engine::value::ArrayKind::Objects);
                                return Ok(slot.value.clone());
                            }
                        }
                    }
                }
                let cur = self.get_var(&v.name.key, &v.scope).unwrap_or(Value::Null);
                let new = ops::add(&cur, &rhs).map_err(|e| self.err_at(e, span))?;
                self.store(target, new.clone(), span)?;
                return Ok(new);
            }
        }
        let rhs = self.eval_statement_value(value)?;
        if let (ExprKind::Var(v), Some(bop)) = (&target.kind, op.binop()) {
            if let Some(slot) = self.assign_slot_ref(v) {
                if slot.constraint.is_none() {
                    if let Some(r) = ops::fast_num(bop, &slot.value, &rhs) {
                        slot.value = r.clone();
                        return Ok(r);
                    }
                }
            }
        }
        let new = match op.binop() {
            None => rhs,
            Some(bop) => {
                let cur = self.eval(target)?;
                ops::arith(bop, &cur, &rhs).map_err(|e| self.err_at(e, span))?
            }
        };
        if let ExprKind::ArrayLit(targets) = &target.kind {
            // `$a, $b = 1, 2, 3`: the last target takes the rest.
            let items = new.enumerate();
            let n = targets.len();
            for (k, t) in targets.iter().enumerate() {
                let v = if k + 1 == n {
                    let rest: Vec<Value> = items.iter().skip(k).cloned().collect();
                    if rest.len() == 1 {
                        rest.into_iter().next().unwrap_or_default()
                    } else if rest.is_empty() {
                        Value::Null
                    } else {
                        Value::array(rest)
                    }
                } else {
                    items.get(k).cloned().unwrap_or(Value::Null)
                };
                self.store(t, v, span)?;
            }
            return Ok(new);
        }
        self.store(target, new.clone(), span)?;
        Ok(new)
    }

    /// Stores into an assignable expression.
    pub fn store(&mut self, target: &Expr, value: Value, span: Span) -> FlowResult<()> {
        match &target.kind {
            ExprKind::Var(v) => {
                if let Some(slot) = self.assign_slot_ref(v) {
                    if slot.constraint.is_none() {
                        slot.value = value;
                        return Ok(());
                    }
                }
                self.assign_var(&v.name.key, &v.name.text, &v.scope, value, None)
                    .map_err(|e| self.err_at(e, span))
            }
            ExprKind::Cast { ty, operand } => {
                let t = self.resolve_type(ty)?;
                match &operand.kind {
                    ExprKind::Var(v) => self
                        .assign_var(&v.name.key, &v.name.text, &v.scope, value, Some(t))
                        .map_err(|e| self.err_at(e, span)),
                    _ => {
                        let conv = convert::convert_to(&value, t).map_err(|e| self.err_at(e, span))?;
                        self.store(operand, conv, span)
                    }
                }
            }
            ExprKind::Member { target: obj, name, is_static: _ } => {
                let o = self.eval(obj)?;
                let name = self.member_name(name)?;
                self.set_member(&o, &name, value).map_err(|e| self.err_at(e, span))
            }
            ExprKind::Index { target: obj, index } => {
                let o = self.eval(obj)?;
                let i = self.eval(index)?;
                self.set_index(&o, &i, value).map_err(|e| self.err_at(e, span))
            }
            _ => Err(self.err_at(
                ErrorRecord::new(
                    "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                    "InvalidLeftHandSide",
                    ErrorCategory::ParserError,
                ),
                span,
            )),
        }
    }

    // ---- indexing -----------------------------------------------------------------------

    pub fn index_value(&mut self, t: &Value, i: &Value) -> Result<Value, ErrorRecord> {
        match t {
            Value::Null => Err(ErrorRecord::runtime(
                "Cannot index into a null array.",
                "RuntimeException",
                "NullArray",
            )
            .with_category(ErrorCategory::InvalidOperation)),
            Value::Array(arr) => {
                let arr = arr.borrow();
                match i {
                    Value::Array(idx) => {
                        let idx = idx.borrow();
                        let mut out = Vec::new();
                        for k in idx.iter() {
                            if let Some(v) = array_at(&arr, k)? {
                                out.push(v);
                            }
                        }
                        Ok(Value::array(out))
                    }
                    k => Ok(array_at(&arr, k)?.unwrap_or(Value::Null)),
                }
            }
            Value::Hashtable(h) => {
                let h = h.borrow();
                match i {
                    Value::Array(keys) => {
                        let out: Vec<Value> = keys
                            .borrow()
                            .iter()
                            .filter_map(|k| h.get(k).cloned())
                            .collect();
                        Ok(Value::array(out))
                    }
                    k => Ok(h.get(k).cloned().unwrap_or(Value::Null)),
                }
            }
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let one = |k: &Value| -> Result<Option<Value>, ErrorRecord> {
                    let n = convert::to_i64(k)?;
                    let len = chars.len() as i64;
                    let n = if n < 0 { n + len } else { n };
                    Ok(if n >= 0 && n < len {
                        Some(Value::Char(chars[n as usize]))
                    } else {
                        None
                    })
                };
                match i {
                    Value::Array(idx) => {
                        let mut out = Vec::new();
                        for k in idx.borrow().iter() {
                            if let Some(c) = one(k)? {
                                out.push(c);
                            }
                        }
                        Ok(Value::array(out))
                    }
                    k => Ok(one(k)?.unwrap_or(Value::Null)),
                }
            }
            // A single object indexed with 0 or -1 is itself (`(Get-X | Where ...)[-1]`
            // when one object matched), as PowerShell does for any scalar.
            Value::Object(_)
                if matches!(
                    i,
                    Value::Int(0) | Value::Int(-1) | Value::Long(0) | Value::Long(-1)
                ) =>
            {
                Ok(t.clone())
            }
            Value::Object(o) => {
                let key = i.to_display_string();
                Ok(o.borrow().get(&key).cloned().unwrap_or(Value::Null))
            }
            other => {
                // Indexing a scalar with 0 or -1 returns the scalar, as PowerShell does.
                match convert::to_i64(i) {
                    Ok(0) | Ok(-1) => Ok(other.clone()),
                    _ => Err(ErrorRecord::runtime(
                        format!(
                            "Unable to index into an object of type {}.",
                            other.full_type_name()
                        ),
                        "RuntimeException",
                        "CannotIndex",
                    )),
                }
            }
        }
    }

    pub fn set_index(&mut self, t: &Value, i: &Value, value: Value) -> Result<(), ErrorRecord> {
        match t {
            Value::Array(arr) => {
                let mut arr = arr.borrow_mut();
                let n = convert::to_i64(i)?;
                let len = arr.len() as i64;
                let k = if n < 0 { n + len } else { n };
                if k < 0 || k >= len {
                    return Err(ErrorRecord::runtime(
                        "Index was outside the bounds of the array.",
                        "IndexOutOfRangeException",
                        "System.IndexOutOfRangeException",
                    ));
                }
                arr[k as usize] = value;
                Ok(())
            }
            Value::Hashtable(h) => {
                h.borrow_mut().insert(i.clone(), value);
                Ok(())
            }
            Value::Object(o) => {
                o.borrow_mut().set(&i.to_display_string(), value);
                Ok(())
            }
            Value::Null => Err(ErrorRecord::runtime(
                "Cannot index into a null array.",
                "RuntimeException",
                "NullArray",
            )),
            other => Err(ErrorRecord::runtime(
                format!(
                    "Unable to index into an object of type {}.",
                    other.full_type_name()
                ),
                "RuntimeException",
                "CannotIndex",
            )),
        }
    }
}

fn array_at(arr: &[Value], k: &Value) -> Result<Option<Value>, ErrorRecord> {
    let n = convert::to_i64(k)?;
    let len = arr.len() as i64;
    let idx = if n < 0 { n + len } else { n };
    Ok(if idx >= 0 && idx < len {
        Some(arr[idx as usize].clone())
    } else {
        None
    })
}
