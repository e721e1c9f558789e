//! Expression mode: operators with PowerShell's precedence (about_Operator_Precedence),
//! unary operators and casts, postfix member access / method calls / indexing, and the
//! primary forms (literals, variables, `( )`, `$( )`, `@( )`, `@{ }`, `{ }`).

use std::rc::Rc;

use super::token::{self, DashOp};
use super::{
    adv, backtrack, fail, off, peek2, peekc, span_from, stmt, trivia, trivia_nl, trivia_sep, In,
    PResult,
};
use crate::lang::ast::{BinOp, ConstValue, Expr, ExprKind, StrPart, TypeLit, UnOp};

/// Parsing flags: inside method-call arguments a comma separates arguments.
#[derive(Clone, Copy, Default)]
pub(crate) struct Ctx {
    pub no_comma: bool,
}

pub(crate) fn expression(i: In, c: Ctx) -> PResult<Expr> {
    logical(i, c)
}

fn rhs<'a>(
    i: In<'a>,
    c: Ctx,
    op: &str,
    f: fn(In<'a>, Ctx) -> PResult<'a, Expr>,
) -> PResult<'a, Expr> {
    let (i, _) = trivia_nl(i)?;
    match f(i, c) {
        Ok(r) => Ok(r),
        Err(nom::Err::Error(_)) => fail(
            &i,
            format!(
                "You must provide a value expression following the '{}' operator.",
                op
            ),
            "ExpectedValueExpression",
        ),
        Err(e) => Err(e),
    }
}

/// Longest chain of operators or postfix accesses in one expression (`1+1+...`): the
/// tree is that deep, and evaluating or dropping it recurses once per link.
pub(crate) const MAX_CHAIN: u32 = 400;

fn chain<'a>(n: &mut u32, i: &In<'a>) -> Result<(), nom::Err<super::PErr>> {
    *n += 1;
    if *n > MAX_CHAIN {
        return Err(nom::Err::Failure(super::PErr {
            offset: off(i),
            message: "The script is nested too deeply to parse.".into(),
            id: "NestedTooDeeply",
        }));
    }
    Ok(())
}

fn binary(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
    let span = lhs.span.to(rhs.span);
    Expr::new(
        ExprKind::Binary {
            op,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        },
        span,
    )
}

/// Peeks the dash operator after trivia (not newlines).
fn peek_dash(i: In) -> Option<(DashOp, usize, In)> {
    let (j, _) = trivia(i).ok()?;
    let (op, len) = token::dash_operator(j.fragment())?;
    Some((op, len, j))
}

fn logical(i: In, c: Ctx) -> PResult<Expr> {
    let (mut i, mut lhs) = bitwise(i, c)?;
    let mut links = 0;
    loop {
        match peek_dash(i) {
            Some((DashOp::Bin(op @ (BinOp::And | BinOp::Or | BinOp::Xor)), len, j)) => {
                let text = token::op_text(j.fragment(), len);
                let (k, r) = rhs(adv(j, len), c, &text, bitwise)?;
                chain(&mut links, &i)?;
                lhs = binary(op, lhs, r);
                i = k;
            }
            _ => return Ok((i, lhs)),
        }
    }
}

fn bitwise(i: In, c: Ctx) -> PResult<Expr> {
    let (mut i, mut lhs) = comparison(i, c)?;
    let mut links = 0;
    loop {
        match peek_dash(i) {
            Some((
                DashOp::Bin(
                    op @ (BinOp::Band | BinOp::Bor | BinOp::Bxor | BinOp::Shl | BinOp::Shr),
                ),
                len,
                j,
            )) => {
                let text = token::op_text(j.fragment(), len);
                let (k, r) = rhs(adv(j, len), c, &text, comparison)?;
                chain(&mut links, &i)?;
                lhs = binary(op, lhs, r);
                i = k;
            }
            _ => return Ok((i, lhs)),
        }
    }
}

fn comparison(i: In, c: Ctx) -> PResult<Expr> {
    let (mut i, mut lhs) = additive(i, c)?;
    let mut links = 0;
    loop {
        let op = match peek_dash(i) {
            Some((
                DashOp::Bin(op @ (BinOp::Cmp(..) | BinOp::Is | BinOp::IsNot | BinOp::As)),
                len,
                j,
            )) => (op, len, j),
            Some((DashOp::Both(op, _), len, j)) => (op, len, j),
            _ => return Ok((i, lhs)),
        };
        let (op, len, j) = op;
        let text = token::op_text(j.fragment(), len);
        let (k, r) = rhs(adv(j, len), c, &text, additive)?;
        chain(&mut links, &i)?;
        lhs = binary(op, lhs, r);
        i = k;
    }
}

fn additive(i: In, c: Ctx) -> PResult<Expr> {
    let (mut i, mut lhs) = multiplicative(i, c)?;
    let mut links = 0;
    loop {
        let (j, _) = trivia(i)?;
        let s = *j.fragment();
        let first_len = s.chars().next().map(char::len_utf8).unwrap_or(1);
        let rest = &s[first_len.min(s.len())..];
        let op = match s.chars().next() {
            Some('+') if !rest.starts_with(['+', '=']) => BinOp::Add,
            Some('-' | '\u{2013}')
                if token::dash_operator(s).is_none() && !rest.starts_with(['-', '=']) =>
            {
                BinOp::Sub
            }
            Some('-')
                if s[1..].starts_with('-')
                    && !s[2..].starts_with(['='])
                    && token::dash_operator(&s[1..]).is_none() =>
            {
                // `$a--1` is `$a - -1` only when it is not a postfix decrement; postfix was
                // taken already, so treat `--` here as minus followed by negation.
                BinOp::Sub
            }
            _ => return Ok((i, lhs)),
        };
        let n = s.chars().next().map(char::len_utf8).unwrap_or(1);
        let text = if op == BinOp::Add { "+" } else { "-" };
        let (k, r) = rhs(adv(j, n), c, text, multiplicative)?;
        chain(&mut links, &i)?;
        lhs = binary(op, lhs, r);
        i = k;
    }
}

fn multiplicative(i: In, c: Ctx) -> PResult<Expr> {
    let (mut i, mut lhs) = format(i, c)?;
    let mut links = 0;
    loop {
        let (j, _) = trivia(i)?;
        let s = *j.fragment();
        let op = match s.chars().next() {
            Some('*') if !s[1..].starts_with('=') => BinOp::Mul,
            Some('/') if !s[1..].starts_with('=') => BinOp::Div,
            Some('%') if !s[1..].starts_with('=') => BinOp::Rem,
            _ => return Ok((i, lhs)),
        };
        let text = &s[..1];
        let (k, r) = rhs(adv(j, 1), c, text, format)?;
        chain(&mut links, &i)?;
        lhs = binary(op, lhs, r);
        i = k;
    }
}

fn format(i: In, c: Ctx) -> PResult<Expr> {
    let (mut i, mut lhs) = range(i, c)?;
    let mut links = 0;
    loop {
        match peek_dash(i) {
            Some((DashOp::Bin(BinOp::Format), len, j)) => {
                let (k, r) = rhs(adv(j, len), c, "-f", range)?;
                chain(&mut links, &i)?;
                lhs = binary(BinOp::Format, lhs, r);
                i = k;
            }
            _ => return Ok((i, lhs)),
        }
    }
}

fn range(i: In, c: Ctx) -> PResult<Expr> {
    let (mut i, mut lhs) = array(i, c)?;
    let mut links = 0;
    loop {
        let (j, _) = trivia(i)?;
        if j.fragment().starts_with("..") && !j.fragment()[2..].starts_with('.') {
            let (k, r) = rhs(adv(j, 2), c, "..", array)?;
            chain(&mut links, &i)?;
            lhs = binary(BinOp::Range, lhs, r);
            i = k;
        } else {
            return Ok((i, lhs));
        }
    }
}

fn array(i: In, c: Ctx) -> PResult<Expr> {
    let (mut i, first) = unary(i, c)?;
    if c.no_comma {
        return Ok((i, first));
    }
    let mut items = vec![first];
    loop {
        let (j, _) = trivia(i)?;
        if peekc(&j) == Some(',') {
            let (k, _) = trivia_nl(adv(j, 1))?;
            match unary(k, c) {
                Ok((k2, e)) => {
                    items.push(e);
                    i = k2;
                }
                Err(nom::Err::Error(_)) => {
                    return fail(
                        &k,
                        "Missing expression after ','.",
                        "MissingExpressionAfterToken",
                    )
                }
                Err(e) => return Err(e),
            }
        } else {
            break;
        }
    }
    if items.len() == 1 {
        let e = items.pop().ok_or_else(|| {
            nom::Err::Error(super::PErr {
                offset: off(&i),
                message: "".into(),
                id: "",
            })
        })?;
        return Ok((i, e));
    }
    let span = items[0].span.to(items[items.len() - 1].span);
    Ok((i, Expr::new(ExprKind::ArrayLit(items), span)))
}

fn unary_op<'a>(i: In<'a>, c: Ctx, op: UnOp, start: usize, text: &str) -> PResult<'a, Expr> {
    let (j, _) = trivia_nl(i)?;
    match unary(j, c) {
        Ok((k, e)) => Ok((k, fold_unary(op, e, span_from(start, &k)))),
        Err(nom::Err::Error(_)) => fail(
            &j,
            format!("Missing expression after unary operator '{}'.", text),
            "MissingExpressionAfterOperator",
        ),
        Err(e) => Err(e),
    }
}

fn fold_unary(op: UnOp, e: Expr, span: crate::lang::ast::Span) -> Expr {
    if op == UnOp::Neg {
        if let ExprKind::Const(cv) = &e.kind {
            let folded = match cv {
                ConstValue::Int(v) => Some(match v.checked_neg() {
                    Some(n) => ConstValue::Int(n),
                    None => ConstValue::Long(-(*v as i64)),
                }),
                ConstValue::Long(v) => Some(match i32::try_from(-*v) {
                    Ok(n) => ConstValue::Int(n),
                    Err(_) => ConstValue::Long(-*v),
                }),
                ConstValue::Double(d) => Some(ConstValue::Double(-*d)),
                _ => None,
            };
            if let Some(f) = folded {
                return Expr::new(ExprKind::Const(f), span);
            }
        }
    }
    Expr::new(
        ExprKind::Unary {
            op,
            operand: Box::new(e),
        },
        span,
    )
}

pub(crate) fn unary(i: In, c: Ctx) -> PResult<Expr> {
    let _depth = super::enter(&i)?;
    let start = off(&i);
    let s = *i.fragment();
    let Some(ch) = s.chars().next() else {
        return backtrack(&i);
    };
    match ch {
        '!' => unary_op(adv(i, 1), c, UnOp::Not, start, "!"),
        ',' => unary_op(adv(i, 1), c, UnOp::Comma, start, ","),
        '+' if s[1..].starts_with('+') => unary_op(adv(i, 2), c, UnOp::PreInc, start, "++"),
        '+' => unary_op(adv(i, 1), c, UnOp::Plus, start, "+"),
        '-' | '\u{2013}' => {
            if let Some((op, len)) = token::dash_operator(s) {
                let text = s[..len].to_string();
                return match op {
                    DashOp::Un(u) => unary_op(adv(i, len), c, u, start, &text),
                    DashOp::Both(_, u) => unary_op(adv(i, len), c, u, start, &text),
                    DashOp::Bin(_) => backtrack(&i),
                };
            }
            let rest = &s[ch.len_utf8()..];
            if ch == '-' && rest.starts_with('-') {
                return unary_op(adv(i, 2), c, UnOp::PreDec, start, "--");
            }
            if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                // `-foo` that is no operator: not an expression.
                return backtrack(&i);
            }
            let n = ch.len_utf8();
            unary_op(adv(i, n), c, UnOp::Neg, start, "-")
        }
        '[' => cast_or_type(i, c),
        _ => postfix_primary(i, c),
    }
}

/// `[type]` followed by `::member`, an operand (cast), or nothing (a type value).
fn cast_or_type(i: In, c: Ctx) -> PResult<Expr> {
    let start = off(&i);
    let (j, ty) = type_literal(i)?;
    if j.fragment().starts_with("::") {
        let prim = Expr::new(ExprKind::Type(ty), span_from(start, &j));
        return postfix(j, prim, c);
    }
    // Attributes-like names used as casts.
    let (k, _) = trivia(j)?;
    let can_operand = match peekc(&k) {
        None => false,
        Some(ch) => {
            !(matches!(
                ch,
                ')' | ']' | '}' | ';' | ',' | '|' | '\n' | '\r' | '=' | '*' | '/' | '%' | '.'
            ) || (ch == '-'
                && token::dash_operator(k.fragment())
                    .is_some_and(|(op, _)| !matches!(op, DashOp::Un(_) | DashOp::Both(..))))
                || (ch == '+' && !k.fragment()[1..].starts_with('+') && off(&k) != off(&j)))
        }
    };
    if can_operand {
        match unary(k, c) {
            Ok((k2, operand)) => {
                let span = span_from(start, &k2);
                // `[ordered]@{...}` builds an ordered dictionary literal.
                if ty.name.eq_ignore_ascii_case("ordered") {
                    if let ExprKind::HashLit { entries, .. } = operand.kind {
                        return Ok((
                            k2,
                            Expr::new(
                                ExprKind::HashLit {
                                    entries,
                                    ordered: true,
                                },
                                span,
                            ),
                        ));
                    }
                    return fail(
                        &i,
                        "The ordered attribute can be specified only on a hash literal node.",
                        "OrderedAttributeOnlyOnHashLiteralNode",
                    );
                }
                return Ok((
                    k2,
                    Expr::new(
                        ExprKind::Cast {
                            ty,
                            operand: Box::new(operand),
                        },
                        span,
                    ),
                ));
            }
            Err(nom::Err::Error(_)) => {}
            Err(e) => return Err(e),
        }
    }
    let prim = Expr::new(ExprKind::Type(ty), span_from(start, &j));
    postfix(j, prim, c)
}

/// `[name]`, `[string[]]`, `[System.Collections.Hashtable]`.
pub(crate) fn type_literal(i: In) -> PResult<TypeLit> {
    let start = off(&i);
    let s = *i.fragment();
    if !s.starts_with('[') {
        return backtrack(&i);
    }
    let mut depth = 0usize;
    let mut end = None;
    for (p, ch) in s.char_indices() {
        match ch {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    end = Some(p);
                    break;
                }
            }
            '\n' | '(' | '$' | '"' | '\'' | '{' | ' ' if depth == 1 && ch != ' ' => {
                return backtrack(&i)
            }
            _ => {}
        }
    }
    let Some(end) = end else {
        if !s.contains('\n') {
            return fail(
                &adv(i, s.len()),
                "Missing ] at end of type token.",
                "EndSquareBracketExpectedAtEndOfType",
            );
        }
        return backtrack(&i);
    };
    let name = s[1..end].trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '[' | ']' | ',' | '`'))
    {
        return backtrack(&i);
    }
    let j = adv(i, end + 1);
    Ok((
        j,
        TypeLit {
            name: Rc::from(name),
            span: span_from(start, &j),
            resolved: Default::default(),
        },
    ))
}

fn postfix_primary(i: In, c: Ctx) -> PResult<Expr> {
    let (j, prim) = primary(i)?;
    postfix(j, prim, c)
}

/// Member access, static member, method call, index and postfix ++/--, with no space
/// before the operator (as PowerShell requires).
pub(crate) fn postfix(mut i: In, mut e: Expr, c: Ctx) -> PResult<Expr> {
    let _ = c;
    let mut links = 0;
    loop {
        chain(&mut links, &i)?;
        let s = *i.fragment();
        let start = e.span.start as usize;
        if (s.starts_with('.') && !s.starts_with("..")) || s.starts_with("::") {
            let is_static = s.starts_with("::");
            let j = adv(i, if is_static { 2 } else { 1 });
            let (k, name) = member_name(j)?;
            if peekc(&k) == Some('(') {
                let (k2, args) = method_args(adv(k, 1))?;
                let span = span_from(start, &k2);
                e = Expr::new(
                    ExprKind::Invoke {
                        target: Box::new(e),
                        name: Box::new(name),
                        args,
                        is_static,
                    },
                    span,
                );
                i = k2;
            } else {
                let span = span_from(start, &k);
                e = Expr::new(
                    ExprKind::Member {
                        target: Box::new(e),
                        name: Box::new(name),
                        is_static,
                    },
                    span,
                );
                i = k;
            }
        } else if s.starts_with('[') {
            let (j, _) = trivia_nl(adv(i, 1))?;
            let (j, idx) = match expression(j, Ctx::default()) {
                Ok(r) => r,
                Err(nom::Err::Error(_)) => {
                    return fail(
                        &j,
                        "Array index expression is missing or not valid.",
                        "MissingArrayIndexExpression",
                    )
                }
                Err(err) => return Err(err),
            };
            let (j, _) = trivia_nl(j)?;
            if peekc(&j) != Some(']') {
                return fail(
                    &j,
                    "Missing ']' after array index expression.",
                    "MissingEndSquareBracket",
                );
            }
            let j = adv(j, 1);
            e = Expr::new(
                ExprKind::Index {
                    target: Box::new(e),
                    index: Box::new(idx),
                },
                span_from(start, &j),
            );
            i = j;
        } else if (s.starts_with("++") || s.starts_with("--")) && is_assignable(&e) {
            let op = if s.starts_with("++") {
                UnOp::PostInc
            } else {
                UnOp::PostDec
            };
            let j = adv(i, 2);
            e = Expr::new(
                ExprKind::Unary {
                    op,
                    operand: Box::new(e),
                },
                span_from(start, &j),
            );
            i = j;
        } else {
            return Ok((i, e));
        }
    }
}

pub(crate) fn is_assignable(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Var(_) | ExprKind::Member { .. } | ExprKind::Index { .. }
    ) || matches!(&e.kind, ExprKind::Cast { operand, .. } if is_assignable(operand))
}

fn member_name(i: In) -> PResult<Expr> {
    let start = off(&i);
    let s = *i.fragment();
    match s.chars().next() {
        Some(ch) if token::is_ident_char(ch) => {
            let (j, name) = token::ident(i)?;
            Ok((
                j,
                Expr::new(
                    ExprKind::Const(ConstValue::Str(Rc::from(*name.fragment()))),
                    span_from(start, &j),
                ),
            ))
        }
        Some('\'') => {
            let (j, s) = token::single_quoted(i)?;
            Ok((
                j,
                Expr::new(ExprKind::Const(ConstValue::Str(s)), span_from(start, &j)),
            ))
        }
        Some('"') => {
            let (j, parts) = token::double_quoted(i)?;
            Ok((
                j,
                Expr::new(ExprKind::Expandable(parts), span_from(start, &j)),
            ))
        }
        Some('$') | Some('(') => primary(i),
        _ => fail(
            &i,
            "Missing property name after reference operator.",
            "MissingPropertyName",
        ),
    }
}

fn method_args(i: In) -> PResult<Vec<Expr>> {
    let (mut i, _) = trivia_nl(i)?;
    let mut args = Vec::new();
    if peekc(&i) == Some(')') {
        return Ok((adv(i, 1), args));
    }
    loop {
        let (j, a) = match expression(i, Ctx { no_comma: true }) {
            Ok(r) => r,
            Err(nom::Err::Error(_)) => {
                return fail(
                    &i,
                    "Missing ')' in method call.",
                    "MissingEndParenthesisInMethodCall",
                )
            }
            Err(e) => return Err(e),
        };
        args.push(a);
        let (j, _) = trivia_nl(j)?;
        match peekc(&j) {
            Some(',') => {
                let (k, _) = trivia_nl(adv(j, 1))?;
                i = k;
            }
            Some(')') => return Ok((adv(j, 1), args)),
            _ => {
                return fail(
                    &j,
                    "Missing ')' in method call.",
                    "MissingEndParenthesisInMethodCall",
                )
            }
        }
    }
}

/// Literals, variables and bracketed forms.
pub(crate) fn primary(i: In) -> PResult<Expr> {
    let start = off(&i);
    let s = *i.fragment();
    let Some(ch) = s.chars().next() else {
        return backtrack(&i);
    };
    let mk = |j: &In, k: ExprKind| Expr::new(k, span_from(start, j));
    match ch {
        '$' => {
            if s[1..].starts_with('(') {
                let (j, block) = stmt::statement_block_until(adv(i, 2), ')')?;
                return Ok((j, mk(&j, ExprKind::SubExpr(block))));
            }
            match token::variable(i) {
                Ok((j, v)) => Ok((j, mk(&j, ExprKind::Var(v)))),
                Err(nom::Err::Error(_)) => {
                    // A lone `$` is a literal in command arguments only.
                    backtrack(&i)
                }
                Err(e) => Err(e),
            }
        }
        '@' => match peek2(&i) {
            Some('(') => {
                let (j, block) = stmt::statement_block_until(adv(i, 2), ')')?;
                Ok((j, mk(&j, ExprKind::ArraySubExpr(block))))
            }
            Some('{') => hash_literal(i),
            Some('"') => {
                let (j, parts) = token::here_expandable(i)?;
                Ok((j, mk(&j, expandable_kind(parts))))
            }
            Some('\'') => {
                let (j, text) = token::here_literal(i)?;
                Ok((j, mk(&j, ExprKind::Const(ConstValue::Str(text)))))
            }
            _ => backtrack(&i),
        },
        '(' => {
            let (j, _) = trivia_nl(adv(i, 1))?;
            if peekc(&j) == Some(')') {
                return fail(
                    &j,
                    "An expression was expected after '('.",
                    "ExpectedExpression",
                );
            }
            let (j, st) = match stmt::pipeline_statement(j) {
                Ok(r) => r,
                Err(nom::Err::Error(_)) => {
                    return fail(
                        &j,
                        "An expression was expected after '('.",
                        "ExpectedExpression",
                    )
                }
                Err(e) => return Err(e),
            };
            let (j, _) = trivia_nl(j)?;
            if peekc(&j) != Some(')') {
                return fail(
                    &j,
                    "Missing closing ')' in expression.",
                    "MissingEndParenthesisInExpression",
                );
            }
            let j = adv(j, 1);
            Ok((j, mk(&j, ExprKind::Paren(Box::new(st)))))
        }
        '{' => {
            let (j, (ast, text)) = script_block_literal(i)?;
            Ok((j, mk(&j, ExprKind::ScriptBlock(Rc::new(ast), text))))
        }
        '\'' | '\u{2018}' | '\u{2019}' => {
            let (j, text) = token::single_quoted(i)?;
            Ok((j, mk(&j, ExprKind::Const(ConstValue::Str(text)))))
        }
        '"' | '\u{201C}' | '\u{201D}' => {
            let (j, parts) = token::double_quoted(i)?;
            Ok((j, mk(&j, expandable_kind(parts))))
        }
        '0'..='9' | '.' => {
            let (j, v) = token::number(i)?;
            if let Some(nc) = peekc(&j) {
                if token::is_ident_char(nc) {
                    return fail(
                        &i,
                        format!(
                            "Unexpected token '{}' in expression or statement.",
                            token::describe_token(s)
                        ),
                        "UnexpectedToken",
                    );
                }
            }
            Ok((j, mk(&j, ExprKind::Const(v))))
        }
        _ => backtrack(&i),
    }
}

pub(crate) fn expandable_kind(parts: Vec<StrPart>) -> ExprKind {
    if parts.iter().all(|p| matches!(p, StrPart::Lit(_))) {
        let text: String = parts
            .iter()
            .map(|p| match p {
                StrPart::Lit(s) => &**s,
                _ => "",
            })
            .collect();
        return ExprKind::Const(ConstValue::Str(Rc::from(text)));
    }
    ExprKind::Expandable(parts)
}

/// `{ ... }` as a script block: its AST and the text between the braces.
pub(crate) fn script_block_literal(i: In) -> PResult<(crate::lang::ast::ScriptBlockAst, Rc<str>)> {
    let body_start = off(&i) + 1;
    let src_rest = *i.fragment();
    let (j, ast) = stmt::script_body(adv(i, 1), Some('}'))?;
    if peekc(&j) != Some('}') {
        return fail(
            &j,
            "Missing closing '}' in statement block or type definition.",
            "MissingEndCurlyBrace",
        );
    }
    let body_len = off(&j) - body_start;
    let text: Rc<str> = Rc::from(&src_rest[1..1 + body_len]);
    Ok((adv(j, 1), (ast, text)))
}

fn hash_literal(i: In) -> PResult<Expr> {
    let start = off(&i);
    let (mut i, _) = trivia_sep(adv(i, 2))?;
    let mut entries = Vec::new();
    loop {
        if peekc(&i) == Some('}') {
            let j = adv(i, 1);
            return Ok((
                j,
                Expr::new(
                    ExprKind::HashLit {
                        entries,
                        ordered: false,
                    },
                    span_from(start, &j),
                ),
            ));
        }
        if i.fragment().is_empty() {
            return fail(
                &i,
                "Missing closing '}' in statement block or type definition.",
                "MissingEndCurlyBrace",
            );
        }
        let kstart = off(&i);
        let s = *i.fragment();
        let (j, key) = match s.chars().next() {
            Some(ch) if token::is_ident_char(ch) && !ch.is_ascii_digit() => {
                let n = s
                    .find(|c: char| !(token::is_ident_char(c) || c == '-' || c == '.'))
                    .unwrap_or(s.len());
                let j = adv(i, n);
                (
                    j,
                    Expr::new(
                        ExprKind::Const(ConstValue::Str(Rc::from(&s[..n]))),
                        span_from(kstart, &j),
                    ),
                )
            }
            _ => match unary(i, Ctx { no_comma: true }) {
                Ok(r) => r,
                Err(nom::Err::Error(_)) => {
                    return fail(
                        &i,
                        "Missing key before '=' in hash literal.",
                        "MissingKeyInHashLiteral",
                    )
                }
                Err(e) => return Err(e),
            },
        };
        let (j, _) = trivia_nl(j)?;
        if peekc(&j) != Some('=') {
            if j.fragment().is_empty() {
                return fail(
                    &j,
                    "Missing closing '}' in statement block or type definition.",
                    "MissingEndCurlyBrace",
                );
            }
            return fail(
                &j,
                "Missing '=' operator after key in hash literal.",
                "MissingEqualsInHashLiteral",
            );
        }
        let (j, _) = trivia_nl(adv(j, 1))?;
        let (j, value) = match stmt::statement(j) {
            Ok(r) => r,
            Err(nom::Err::Error(_)) => {
                return fail(
                    &j,
                    "Missing statement after '=' in hash literal.",
                    "MissingStatementInHashLiteral",
                )
            }
            Err(e) => return Err(e),
        };
        entries.push((key, value));
        let (j, _) = trivia(j)?;
        match peekc(&j) {
            Some(';') | Some('\n') | Some('\r') => {
                let (k, _) = trivia_sep(j)?;
                i = k;
            }
            Some('}') => i = j,
            None => {
                return fail(
                    &j,
                    "Missing closing '}' in statement block or type definition.",
                    "MissingEndCurlyBrace",
                )
            }
            Some(_) => {
                return fail(
                    &j,
                    "Missing statement after '=' in hash literal.",
                    "MissingStatementInHashLiteral",
                )
            }
        }
    }
}
