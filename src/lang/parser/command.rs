//! Command mode: a command name (bareword, `&`/`.` invocation), then parameters (`-Name`,
//! `-Name:value`), arguments (barewords are strings, numbers are numbers, `$x`, `(...)`,
//! comma lists), splats (`@args`) and redirections.

use std::rc::Rc;

use super::expr::{self, Ctx};
use super::token::{self, is_generic_delim};
use super::{adv, backtrack, fail, off, peek2, peekc, span_from, trivia, trivia_nl, In, PResult};
use crate::lang::ast::*;

/// Does a command (rather than an expression) start here?
pub(crate) fn is_command_start(i: &In) -> bool {
    let s = *i.fragment();
    let Some(c) = s.chars().next() else {
        return false;
    };
    match c {
        '&' => !s.starts_with("&&"),
        '.' => {
            let n = s[1..].chars().next();
            match n {
                Some(n) if n.is_whitespace() => true,
                Some('\\') | Some('/') => true,
                Some('.') => s[2..].starts_with(['\\', '/']),
                Some(n) if n.is_ascii_digit() => false,
                Some(n) => token::is_ident_char(n),
                None => false,
            }
        }
        '?' | '%' => s[1..]
            .chars()
            .next()
            .is_none_or(|n| n.is_whitespace() || n == '{'),
        '\\' | '/' | '~' => !s.starts_with("/=") && !s.starts_with("//"),
        c if c.is_ascii_digit() => {
            // `7za.exe` is a command; `7`, `1kb`, `0x10` are numbers.
            let n = token::number_token_len(s);
            let word_end = s.find(|ch: char| is_generic_delim(ch)).unwrap_or(s.len());
            if token::number_value(&s[..n]).is_some() {
                return false;
            }
            word_end > n
                && s[..word_end].contains('.')
                && s[..word_end].chars().any(|ch| ch.is_ascii_alphabetic())
        }
        c if c.is_alphabetic() || c == '_' => true,
        _ => false,
    }
}

/// A generic token (bareword) in command mode.
fn generic_token(i: In) -> PResult<In> {
    let s = *i.fragment();
    let n = s.find(is_generic_delim).unwrap_or(s.len());
    if n == 0 {
        return backtrack(&i);
    }
    let (rest, tok) = (adv(i, n), i);
    Ok((rest, nom::Input::take(&tok, n)))
}

pub(crate) fn command(i: In) -> PResult<Command> {
    let start = off(&i);
    let s = *i.fragment();
    let (mut i, invocation) =
        if s.starts_with('&') || (s.starts_with('.') && s[1..].starts_with(char::is_whitespace)) {
            let dot = s.starts_with('.');
            let (j, _) = trivia(adv(i, 1))?;
            let (j, e) = match argument_primary(j) {
                Ok(r) => r,
                Err(nom::Err::Error(_)) => {
                    return fail(
                        &j,
                        "Missing expression after '&' in pipeline element.",
                        "MissingExpression",
                    )
                }
                Err(e) => return Err(e),
            };
            (j, Invocation::Call { expr: e, dot })
        } else {
            let (j, name) = generic_token(i)?;
            (j, Invocation::Name(Name::new(name.fragment())))
        };
    let mut elements = Vec::new();
    let mut redirections = Vec::new();
    loop {
        let (j, _) = trivia(i)?;
        let s = *j.fragment();
        let Some(c) = s.chars().next() else {
            i = j;
            break;
        };
        match c {
            '\n' | '\r' | ';' | ')' | '}' | '|' => {
                i = j;
                break;
            }
            '&' if s.starts_with("&&") => {
                i = j;
                break;
            }
            '&' => {
                return fail(
                    &j,
                    "The ampersand (&) character is not allowed.",
                    "AmpersandNotAllowed",
                )
            }
            _ => {}
        }
        if let Some((k, r)) = redirection(j)? {
            redirections.push(r);
            i = k;
            continue;
        }
        if (c == '-' || c == '\u{2013}')
            && s[c.len_utf8()..]
                .starts_with(|ch: char| ch.is_alphabetic() || ch == '_' || ch == '?')
        {
            let pstart = off(&j);
            let body = &s[c.len_utf8()..];
            let n = body
                .find(|ch: char| is_generic_delim(ch) || ch == ':')
                .unwrap_or(body.len());
            let name: Rc<str> = Rc::from(&body[..n]);
            let k = adv(j, c.len_utf8() + n);
            if peekc(&k) == Some(':') {
                let (k2, _) = trivia(adv(k, 1))?;
                let (k2, arg) = match argument(k2) {
                    Ok(r) => r,
                    Err(nom::Err::Error(_)) => {
                        return fail(
                            &k2,
                            format!("Missing an argument for parameter '{}'.", name),
                            "MissingArgument",
                        )
                    }
                    Err(e) => return Err(e),
                };
                elements.push(CommandElement::Parameter {
                    name,
                    arg: Some(arg),
                    span: span_from(pstart, &k2),
                });
                i = k2;
            } else {
                elements.push(CommandElement::Parameter {
                    name,
                    arg: None,
                    span: span_from(pstart, &k),
                });
                i = k;
            }
            continue;
        }
        if c == '@' && peek2(&j).is_some_and(|n| token::is_ident_char(n)) {
            let vstart = off(&j);
            let (k, name) = token::ident(adv(j, 1))?;
            let var = VarRef {
                scope: VarScope::Any,
                slot: Default::default(),
                name: Name::new(name.fragment()),
                span: span_from(vstart, &k),
            };
            elements.push(CommandElement::Splat(var));
            i = k;
            continue;
        }
        let (k, arg) = argument(j)?;
        elements.push(CommandElement::Argument(arg));
        i = k;
    }
    let span = span_from(start, &i);
    Ok((
        i,
        Command {
            invocation,
            elements,
            redirections,
            span,
            resolved: Default::default(),
        },
    ))
}

/// One argument: primaries separated by commas form an array.
fn argument(i: In) -> PResult<Expr> {
    let (mut i, first) = argument_primary(i)?;
    let mut items = vec![first];
    loop {
        let (j, _) = trivia(i)?;
        if peekc(&j) == Some(',') {
            let (k, _) = trivia_nl(adv(j, 1))?;
            match argument_primary(k) {
                Ok((k2, e)) => {
                    items.push(e);
                    i = k2;
                }
                Err(nom::Err::Error(_)) => {
                    return fail(&k, "Missing argument in parameter list.", "MissingArgument")
                }
                Err(e) => return Err(e),
            }
        } else {
            break;
        }
    }
    if items.len() == 1 {
        return items.pop().map(|e| (i, e)).ok_or_else(|| {
            nom::Err::Error(super::PErr {
                offset: off(&i),
                message: "".into(),
                id: "",
            })
        });
    }
    let span = items[0].span.to(items[items.len() - 1].span);
    Ok((i, Expr::new(ExprKind::ArrayLit(items), span)))
}

/// An argument without commas: an expression primary with postfix operators, or a
/// bareword (string, number, or expandable when it contains `$`).
fn argument_primary(i: In) -> PResult<Expr> {
    let start = off(&i);
    let s = *i.fragment();
    let Some(c) = s.chars().next() else {
        return backtrack(&i);
    };
    let expr_start = match c {
        '$' => s[1..].starts_with(|n: char| {
            token::is_ident_char(n) || matches!(n, '{' | '(' | '?' | '$' | '^' | '_')
        }),
        '(' | '{' | '\'' | '"' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' => true,
        '@' => matches!(peek2(&i), Some('(') | Some('{') | Some('"') | Some('\'')),
        _ => false,
    };
    if expr_start {
        let (j, prim) = expr::primary(i)?;
        return expr::postfix(j, prim, Ctx::default());
    }
    if c == '[' {
        // A type literal followed by `::` is an expression; otherwise a bareword.
        if let Ok((j, ty)) = expr::type_literal(i) {
            if j.fragment().starts_with("::") {
                let prim = Expr::new(ExprKind::Type(ty), span_from(start, &j));
                return expr::postfix(j, prim, Ctx::default());
            }
        }
    }
    let (j, tok) = generic_token(i)?;
    let text = *tok.fragment();
    let span = span_from(start, &j);
    if let Some(v) = token::number_value(text) {
        return Ok((j, Expr::new(ExprKind::Const(v), span)));
    }
    if (text.starts_with('-') || text.starts_with('+')) && text.len() > 1 {
        if let Some(v) = token::number_value(&text[1..]) {
            let v = if text.starts_with('-') {
                match v {
                    ConstValue::Int(n) => ConstValue::Int(-n),
                    ConstValue::Long(n) => ConstValue::Long(-n),
                    ConstValue::Double(d) => ConstValue::Double(-d),
                    other => other,
                }
            } else {
                v
            };
            return Ok((j, Expr::new(ExprKind::Const(v), span)));
        }
    }
    if text.contains('$') {
        let inner = nom_locate::LocatedSpan::new(text);
        if let Ok((_, parts)) = super::token::expandable_parts(inner, super::token::Terminator::End)
        {
            // Offsets inside a bareword refer to the bareword; that is fine for values.
            return Ok((j, Expr::new(expr::expandable_kind(parts), span)));
        }
    }
    Ok((
        j,
        Expr::new(ExprKind::Const(ConstValue::Bare(Rc::from(text))), span),
    ))
}

/// A switch clause condition written as a bareword (`default` is handled by the caller).
pub(crate) fn bare_condition(i: In, start: usize) -> PResult<Expr> {
    let (j, tok) = generic_token(i)?;
    let text = *tok.fragment();
    Ok((
        j,
        Expr::new(
            ExprKind::Const(ConstValue::Str(Rc::from(text))),
            span_from(start, &j),
        ),
    ))
}

fn stream_of(c: char) -> Option<Stream> {
    Some(match c {
        '1' => Stream::Output,
        '2' => Stream::Error,
        '3' => Stream::Warning,
        '4' => Stream::Verbose,
        '5' => Stream::Debug,
        '6' => Stream::Information,
        '*' => Stream::All,
        _ => return None,
    })
}

/// `>`, `>>`, `N>`, `N>>`, `N>&1`, `*>`; returns None when no redirection starts here.
fn redirection(i: In) -> Result<Option<(In, Redirection)>, nom::Err<super::PErr>> {
    let s = *i.fragment();
    let (from, rest_at) = match s.chars().next() {
        Some('>') => (Stream::Output, 0),
        Some(c) if s[c.len_utf8()..].starts_with('>') => match stream_of(c) {
            Some(st) => (st, 1),
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    let after = &s[rest_at..];
    if after.starts_with(">&1") {
        return Ok(Some((adv(i, rest_at + 3), Redirection::Merge { from })));
    }
    let (append, n) = if after.starts_with(">>") {
        (true, 2)
    } else {
        (false, 1)
    };
    let j = adv(i, rest_at + n);
    let (j, _) = trivia(j)?;
    let (j, target) = match argument_primary(j) {
        Ok(r) => r,
        Err(nom::Err::Error(_)) => {
            return Err(nom::Err::Failure(super::PErr {
                offset: off(&j),
                message: "Missing file specification after redirection operator.".into(),
                id: "MissingFileSpecification",
            }))
        }
        Err(e) => return Err(e),
    };
    Ok(Some((
        j,
        Redirection::File {
            from,
            target,
            append,
        },
    )))
}

/// Redirections after an expression pipeline element.
pub(crate) fn redirections(mut i: In) -> PResult<Vec<Redirection>> {
    let mut out = Vec::new();
    loop {
        let (j, _) = trivia(i)?;
        match redirection(j)? {
            Some((k, r)) => {
                out.push(r);
                i = k;
            }
            None => return Ok((i, out)),
        }
    }
}
