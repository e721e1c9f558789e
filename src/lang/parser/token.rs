//! Tokens shared by both parser families: keywords, numbers, variables, strings (literal,
//! expandable, here-strings) and dash operators.

use std::rc::Rc;

use nom::bytes::complete::{tag, take_while1};
use nom::Parser;

use super::{adv, fail, off, peekc, span_from, stmt, In, PResult};
use crate::lang::ast::{BinOp, Case, CmpOp, ConstValue, Name, StrPart, UnOp, VarRef, VarScope};

pub(crate) fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Characters that end a generic (bareword) token in command mode.
pub(crate) fn is_generic_delim(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ';' | '|' | '&' | '(' | ')' | '{' | '}' | ',' | '"' | '\'' | '`' | '<' | '>'
        )
}

/// The token at the start of `s`, for "Unexpected token 'x'" messages.
pub(crate) fn describe_token(s: &str) -> String {
    let s = s.trim_start_matches([' ', '\t']);
    let mut chars = s.chars();
    match chars.next() {
        None => String::new(),
        Some(c) if is_ident_char(c) || c == '-' || c == '$' => {
            let end = s
                .char_indices()
                .skip(1)
                .find(|(_, c)| !(is_ident_char(*c) || *c == '-' || *c == ':'))
                .map(|(i, _)| i)
                .unwrap_or(s.len());
            s[..end].to_string()
        }
        Some(c) => c.to_string(),
    }
}

/// Matches a keyword (case-insensitive) followed by a word boundary.
pub(crate) fn keyword<'a>(i: In<'a>, word: &str) -> Option<In<'a>> {
    let s = i.fragment();
    if s.len() < word.len()
        || !s.is_char_boundary(word.len())
        || !s[..word.len()].eq_ignore_ascii_case(word)
    {
        return None;
    }
    match s[word.len()..].chars().next() {
        Some(c) if is_ident_char(c) || c == '-' => None,
        _ => Some(adv(i, word.len())),
    }
}

/// A simple identifier (letters, digits, underscore).
pub(crate) fn ident(i: In) -> PResult<In> {
    take_while1(is_ident_char).parse(i)
}

// ---- numbers -------------------------------------------------------------------------

/// Parses a numeric literal spelling completely (`42`, `0x2A`, `1.5e3`, `10KB`, `5L`).
pub(crate) fn number_value(s: &str) -> Option<ConstValue> {
    let lower = s.to_ascii_lowercase();
    let (body, mult) = ["kb", "mb", "gb", "tb", "pb"]
        .iter()
        .enumerate()
        .find_map(|(k, suf)| {
            lower
                .strip_suffix(suf)
                .map(|r| (r.to_string(), 1i64 << (10 * (k + 1))))
        })
        .unwrap_or((lower.clone(), 1));
    let (body, long, decimal) = if let Some(r) = body.strip_suffix('l') {
        (r.to_string(), true, false)
    } else if !body.starts_with("0x") && body.ends_with('d') {
        (body[..body.len() - 1].to_string(), false, true)
    } else {
        (body, false, false)
    };
    if body.is_empty() {
        return None;
    }
    if let Some(hex) = body.strip_prefix("0x") {
        if hex.is_empty() || !hex.chars().all(|c| c.is_ascii_hexdigit()) || hex.len() > 16 {
            return None;
        }
        let v = u64::from_str_radix(hex, 16).ok()? as i64;
        let v = if hex.len() <= 8 && !long {
            v as u32 as i32 as i64
        } else {
            v
        };
        return Some(int_const(v, mult, long));
    }
    let first = body.chars().next()?;
    if !(first.is_ascii_digit() || (first == '.' && body.len() > 1)) {
        return None;
    }
    let mut seen_dot = false;
    let mut seen_e = false;
    let mut prev = ' ';
    for c in body.chars() {
        match c {
            '0'..='9' => {}
            '.' if !seen_dot && !seen_e => seen_dot = true,
            'e' if !seen_e => seen_e = true,
            '+' | '-' if prev == 'e' => {}
            _ => return None,
        }
        prev = c;
    }
    if prev == 'e' || prev == '+' || prev == '-' {
        return None;
    }
    if !seen_dot && !seen_e && !decimal {
        return match body.parse::<i64>() {
            Ok(v) => Some(int_const(v, mult, long)),
            Err(_) => body
                .parse::<f64>()
                .ok()
                .map(|d| ConstValue::Double(d * mult as f64)),
        };
    }
    let d: f64 = body.parse().ok()?;
    Some(ConstValue::Double(d * mult as f64))
}

fn int_const(v: i64, mult: i64, long: bool) -> ConstValue {
    match v.checked_mul(mult) {
        Some(n) if !long && i32::try_from(n).is_ok() => ConstValue::Int(n as i32),
        Some(n) => ConstValue::Long(n),
        None => ConstValue::Double(v as f64 * mult as f64),
    }
}

/// The longest run that could be a number token (digits, letters, dots, signs after e).
pub(crate) fn number_token_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    while n < b.len() {
        let c = b[n] as char;
        let ok = c.is_ascii_alphanumeric()
            || c == '.' && b.get(n + 1).is_some_and(|d| d.is_ascii_digit())
            || (c == '+' || c == '-')
                && n > 0
                && (b[n - 1] == b'e' || b[n - 1] == b'E')
                && !s[..n].to_ascii_lowercase().starts_with("0x");
        if !ok {
            break;
        }
        n += 1;
    }
    n
}

/// A number literal in expression mode.
pub(crate) fn number(i: In) -> PResult<ConstValue> {
    let s = *i.fragment();
    let n = number_token_len(s);
    if n == 0 {
        return super::backtrack(&i);
    }
    match number_value(&s[..n]) {
        Some(v) => Ok((adv(i, n), v)),
        None => super::backtrack(&i),
    }
}

// ---- variables -----------------------------------------------------------------------

fn scope_of(prefix: &str) -> Option<VarScope> {
    Some(match prefix.to_ascii_lowercase().as_str() {
        "global" => VarScope::Global,
        "script" => VarScope::Script,
        "local" => VarScope::Local,
        "private" => VarScope::Private,
        "env" => VarScope::Env,
        "variable" => VarScope::Variable,
        "function" => VarScope::Function,
        "using" => VarScope::Any,
        _ => return None,
    })
}

/// `$name`, `$scope:name`, `${any name}`, `$_`, `$?`, `$$`, `$^`. Backtracks when `$` is not
/// followed by a variable name.
pub(crate) fn variable(i: In) -> PResult<VarRef> {
    let start = off(&i);
    let (i, _) = tag("$").parse(i)?;
    let s = *i.fragment();
    match s.chars().next() {
        Some('{') => {
            let Some(end) = s.find('}') else {
                return fail(
                    &adv(i, s.len()),
                    "Missing '}' in variable reference.",
                    "IncompleteDollarVariableReference",
                );
            };
            let body = &s[1..end];
            let i2 = adv(i, end + 1);
            let (scope, name) = split_scope(body);
            Ok((
                i2,
                VarRef {
                    scope,
                    slot: Default::default(),
                    name: Name::new(name),
                    span: span_from(start, &i2),
                },
            ))
        }
        Some('?') | Some('$') | Some('^') => {
            let i2 = adv(i, 1);
            Ok((
                i2,
                VarRef {
                    scope: VarScope::Any,
                    slot: Default::default(),
                    name: Name::new(&s[..1]),
                    span: span_from(start, &i2),
                },
            ))
        }
        Some(c) if is_ident_char(c) => {
            let (i2, first) = ident(i)?;
            let first = *first.fragment();
            // Scope or drive qualifier: `$env:NAME`, `$script:x`.
            if peekc(&i2) == Some(':') {
                let after = adv(i2, 1);
                if let Some(c2) = peekc(&after) {
                    if is_ident_char(c2) || c2 == '{' {
                        if let Some(scope) = scope_of(first) {
                            if c2 == '{' {
                                let s2 = *after.fragment();
                                if let Some(end) = s2.find('}') {
                                    let i3 = adv(after, end + 1);
                                    return Ok((
                                        i3,
                                        VarRef {
                                            scope,
                                            slot: Default::default(),
                                            name: Name::new(&s2[1..end]),
                                            span: span_from(start, &i3),
                                        },
                                    ));
                                }
                            }
                            let (i3, name) = take_while1(is_ident_char).parse(after)?;
                            return Ok((
                                i3,
                                VarRef {
                                    scope,
                                    slot: Default::default(),
                                    name: Name::new(name.fragment()),
                                    span: span_from(start, &i3),
                                },
                            ));
                        }
                    }
                }
            }
            Ok((
                i2,
                VarRef {
                    scope: VarScope::Any,
                    slot: Default::default(),
                    name: Name::new(first),
                    span: span_from(start, &i2),
                },
            ))
        }
        _ => super::backtrack(&i),
    }
}

fn split_scope(body: &str) -> (VarScope, &str) {
    if let Some((p, rest)) = body.split_once(':') {
        if let Some(scope) = scope_of(p) {
            return (scope, rest);
        }
    }
    (VarScope::Any, body)
}

// ---- strings -------------------------------------------------------------------------

/// `'...'` with `''` as an escaped quote.
pub(crate) fn single_quoted(i: In) -> PResult<Rc<str>> {
    let (mut i, _) = tag("'").parse(i)?;
    let mut out = String::new();
    loop {
        let s = *i.fragment();
        let Some(p) = s.find(is_single_quote) else {
            return fail(
                &adv(i, s.len()),
                "The string is missing the terminator: '.",
                "TerminatorExpectedAtEndOfString",
            );
        };
        out.push_str(&s[..p]);
        let qlen = s[p..].chars().next().map(char::len_utf8).unwrap_or(1);
        let after = &s[p + qlen..];
        if after.starts_with(is_single_quote) {
            out.push('\'');
            let q2 = after.chars().next().map(char::len_utf8).unwrap_or(1);
            i = adv(i, p + qlen + q2);
        } else {
            return Ok((adv(i, p + qlen), Rc::from(out)));
        }
    }
}

fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}')
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}')
}

/// The character a backtick escape stands for.
pub(crate) fn escape_char(c: char) -> char {
    match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        'f' => '\u{c}',
        'v' => '\u{b}',
        'e' => '\u{1b}',
        other => other,
    }
}

/// `"..."` with `$var`, `${...}`, `$(...)`, backtick escapes and `""`.
pub(crate) fn double_quoted(i: In) -> PResult<Vec<StrPart>> {
    let Some(c) = peekc(&i) else {
        return super::backtrack(&i);
    };
    if !is_double_quote(c) {
        return super::backtrack(&i);
    }
    let i = adv(i, c.len_utf8());
    expandable_parts(i, Terminator::DoubleQuote)
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Terminator {
    DoubleQuote,
    HereString,
    /// A whole bareword: parse to the end of the given text.
    End,
}

/// Parses the inside of an expandable string up to (and including) its terminator.
pub(crate) fn expandable_parts(mut i: In, term: Terminator) -> PResult<Vec<StrPart>> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let flush = |lit: &mut String, parts: &mut Vec<StrPart>| {
        if !lit.is_empty() {
            parts.push(StrPart::Lit(Rc::from(std::mem::take(lit))));
        }
    };
    loop {
        let s = *i.fragment();
        let Some(c) = s.chars().next() else {
            if term == Terminator::End {
                flush(&mut lit, &mut parts);
                return Ok((i, parts));
            }
            let msg = if term == Terminator::HereString {
                "The string is missing the terminator: \"@."
            } else {
                "The string is missing the terminator: \"."
            };
            return fail(&i, msg, "TerminatorExpectedAtEndOfString");
        };
        match c {
            c if is_double_quote(c) && term == Terminator::DoubleQuote => {
                let n = c.len_utf8();
                if s[n..].starts_with(is_double_quote) {
                    lit.push('"');
                    let n2 = s[n..].chars().next().map(char::len_utf8).unwrap_or(1);
                    i = adv(i, n + n2);
                } else {
                    flush(&mut lit, &mut parts);
                    return Ok((adv(i, n), parts));
                }
            }
            '\n' if term == Terminator::HereString => {
                // A line starting with "@ ends the here-string; the newline before it is
                // not part of the string.
                let rest = &s[1..];
                if rest.starts_with("\"@") {
                    if lit.ends_with('\r') {
                        lit.pop();
                    }
                    flush(&mut lit, &mut parts);
                    return Ok((adv(i, 3), parts));
                }
                lit.push('\n');
                i = adv(i, 1);
            }
            '`' => {
                let mut chars = s[1..].chars();
                match chars.next() {
                    Some('u') if s[2..].starts_with('{') => {
                        let close = s[3..].find('}').map(|p| p + 3);
                        match close
                            .and_then(|p| u32::from_str_radix(&s[3..p], 16).ok().map(|v| (p, v)))
                        {
                            Some((p, v)) => {
                                lit.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                                i = adv(i, p + 1);
                            }
                            None => {
                                lit.push('u');
                                i = adv(i, 2);
                            }
                        }
                    }
                    Some(e) => {
                        lit.push(escape_char(e));
                        i = adv(i, 1 + e.len_utf8());
                    }
                    None => {
                        if term == Terminator::End {
                            i = adv(i, 1);
                        } else {
                            return fail(
                                &adv(i, 1),
                                "The string is missing the terminator: \".",
                                "TerminatorExpectedAtEndOfString",
                            );
                        }
                    }
                }
            }
            '$' => {
                let next = s[1..].chars().next();
                match next {
                    Some('(') => {
                        flush(&mut lit, &mut parts);
                        let (j, block) = stmt::statement_block_until(adv(i, 2), ')')?;
                        parts.push(StrPart::Sub(block));
                        i = j;
                    }
                    Some(n) if is_ident_char(n) || n == '{' || n == '?' || n == '$' || n == '^' => {
                        match variable(i) {
                            Ok((j, v)) => {
                                flush(&mut lit, &mut parts);
                                parts.push(StrPart::Var(v));
                                i = j;
                            }
                            Err(nom::Err::Failure(e)) => return Err(nom::Err::Failure(e)),
                            Err(_) => {
                                lit.push('$');
                                i = adv(i, 1);
                            }
                        }
                    }
                    _ => {
                        lit.push('$');
                        i = adv(i, 1);
                    }
                }
            }
            other => {
                lit.push(other);
                i = adv(i, other.len_utf8());
            }
        }
    }
}

/// `@'...'@` here-string (literal).
pub(crate) fn here_literal(i: In) -> PResult<Rc<str>> {
    let (i, _) = tag("@'").parse(i)?;
    let i = here_header(i)?;
    let s = *i.fragment();
    let mut pos = 0;
    loop {
        match s[pos..].find('\n') {
            Some(p) => {
                let line_start = pos + p + 1;
                if s[line_start..].starts_with("'@") {
                    let mut body = &s[..pos + p];
                    if body.ends_with('\r') {
                        body = &body[..body.len() - 1];
                    }
                    return Ok((adv(i, line_start + 2), Rc::from(body)));
                }
                pos = line_start;
            }
            None => {
                if s.starts_with("'@") {
                    return Ok((adv(i, 2), Rc::from("")));
                }
                return fail(
                    &adv(i, s.len()),
                    "The string is missing the terminator: '@.",
                    "TerminatorExpectedAtEndOfString",
                );
            }
        }
    }
}

/// `@"..."@` here-string (expandable).
pub(crate) fn here_expandable(i: In) -> PResult<Vec<StrPart>> {
    let (i, _) = tag("@\"").parse(i)?;
    let i = here_header(i)?;
    if i.fragment().starts_with("\"@") {
        return Ok((adv(i, 2), Vec::new()));
    }
    // Treat the body as if it began after a newline so an immediately closing line works.
    expandable_parts(i, Terminator::HereString)
}

/// After `@"` or `@'` only white space may follow on the line.
fn here_header(i: In) -> Result<In, nom::Err<super::PErr>> {
    let s = *i.fragment();
    let line_end = s.find('\n');
    let head = &s[..line_end.unwrap_or(s.len())];
    if !head.trim().is_empty() {
        return Err(nom::Err::Failure(super::PErr {
            offset: off(&i),
            message: "No characters are allowed after a here-string header but before the end of the line.".into(),
            id: "UnexpectedCharactersAfterHereStringHeader",
        }));
    }
    match line_end {
        Some(p) => Ok(adv(i, p + 1)),
        None => Err(nom::Err::Failure(super::PErr {
            offset: off(&i) + s.len(),
            message: "The string is missing the terminator: \"@.".into(),
            id: "TerminatorExpectedAtEndOfString",
        })),
    }
}

// ---- operators -----------------------------------------------------------------------

/// A dash operator at the start of `i` (`-eq`, `-ceq`, `-and`...), with its length.
pub(crate) enum DashOp {
    Bin(BinOp),
    Un(UnOp),
    /// `-split`/`-join`: both unary and binary.
    Both(BinOp, UnOp),
}

pub(crate) fn dash_operator(s: &str) -> Option<(DashOp, usize)> {
    if !s.starts_with('-') && !s.starts_with('\u{2013}') {
        return None;
    }
    let dash_len = s.chars().next().map(char::len_utf8).unwrap_or(1);
    let word_len = s[dash_len..]
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len() - dash_len);
    if word_len == 0 {
        return None;
    }
    let word = s[dash_len..dash_len + word_len].to_ascii_lowercase();
    let len = dash_len + word_len;
    let op = match word.as_str() {
        "and" => DashOp::Bin(BinOp::And),
        "or" => DashOp::Bin(BinOp::Or),
        "xor" => DashOp::Bin(BinOp::Xor),
        "band" => DashOp::Bin(BinOp::Band),
        "bor" => DashOp::Bin(BinOp::Bor),
        "bxor" => DashOp::Bin(BinOp::Bxor),
        "shl" => DashOp::Bin(BinOp::Shl),
        "shr" => DashOp::Bin(BinOp::Shr),
        "not" => DashOp::Un(UnOp::Not),
        "bnot" => DashOp::Un(UnOp::Bnot),
        "f" => DashOp::Bin(BinOp::Format),
        "is" => DashOp::Bin(BinOp::Is),
        "isnot" => DashOp::Bin(BinOp::IsNot),
        "as" => DashOp::Bin(BinOp::As),
        "split" => DashOp::Both(BinOp::Cmp(CmpOp::Split, Case::Insensitive), UnOp::Split),
        "join" => DashOp::Both(BinOp::Cmp(CmpOp::Join, Case::Insensitive), UnOp::Join),
        w => {
            let (case, base) = if let Some(b) = w.strip_prefix('c').filter(|b| cmp_op(b).is_some())
            {
                (Case::Sensitive, b)
            } else if let Some(b) = w.strip_prefix('i').filter(|b| cmp_op(b).is_some()) {
                (Case::Insensitive, b)
            } else {
                (Case::Insensitive, w)
            };
            let op = cmp_op(base)?;
            if op == CmpOp::Join {
                return None;
            }
            DashOp::Bin(BinOp::Cmp(op, case))
        }
    };
    Some((op, len))
}

fn cmp_op(w: &str) -> Option<CmpOp> {
    Some(match w {
        "eq" => CmpOp::Eq,
        "ne" => CmpOp::Ne,
        "gt" => CmpOp::Gt,
        "ge" => CmpOp::Ge,
        "lt" => CmpOp::Lt,
        "le" => CmpOp::Le,
        "like" => CmpOp::Like,
        "notlike" => CmpOp::NotLike,
        "match" => CmpOp::Match,
        "notmatch" => CmpOp::NotMatch,
        "contains" => CmpOp::Contains,
        "notcontains" => CmpOp::NotContains,
        "in" => CmpOp::In,
        "notin" => CmpOp::NotIn,
        "replace" => CmpOp::Replace,
        "split" => CmpOp::Split,
        _ => return None,
    })
}

/// The spelling of a binary operator for messages.
pub(crate) fn op_text(s: &str, len: usize) -> String {
    s[..len].to_string()
}
