//! The parser: nom over located source text, in two families — expression mode
//! (`expr.rs`) and command mode (`command.rs`) — sharing only trivia (this file) and
//! tokens (`token.rs`). Statements live in `stmt.rs`. A failure at the end of the input is
//! reported as *incomplete* so the REPL can ask for more lines.

mod command;
mod expr;
mod stmt;
mod token;

use std::borrow::Cow;

use nom::error::{ErrorKind, ParseError as NomParseError};
use nom::Input;
use nom_locate::LocatedSpan;

use crate::lang::ast::{ScriptBlockAst, Span};

pub(crate) type In<'a> = LocatedSpan<&'a str>;
pub(crate) type PResult<'a, T> = nom::IResult<In<'a>, T, PErr>;

/// A parse failure inside nom: where, and what PowerShell would say.
#[derive(Debug, Clone)]
pub struct PErr {
    pub offset: usize,
    pub message: Cow<'static, str>,
    pub id: &'static str,
}

impl<'a> NomParseError<In<'a>> for PErr {
    fn from_error_kind(input: In<'a>, _kind: ErrorKind) -> Self {
        PErr {
            offset: input.location_offset(),
            message: Cow::Borrowed(""),
            id: "",
        }
    }
    fn append(_input: In<'a>, _kind: ErrorKind, other: Self) -> Self {
        other
    }
    fn or(self, other: Self) -> Self {
        if other.message.is_empty() && !self.message.is_empty() {
            self
        } else {
            other
        }
    }
}

/// A syntax error with its location; `incomplete` means more input could complete it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    /// PowerShell's error id (`MissingEndCurlyBrace`, `UnexpectedToken`...).
    pub id: String,
    pub span: Span,
    pub incomplete: bool,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses a whole script (or REPL entry, or `-Command` text).
pub fn parse_script(src: &str) -> Result<ScriptBlockAst, ParseError> {
    DEPTH.with(|d| d.set(0));
    let input = In::new(src);
    match stmt::script_body(input, None) {
        Ok((rest, ast)) => {
            let (rest, _) = trivia_nl(rest).unwrap_or((rest, ()));
            if rest.fragment().is_empty() {
                Ok(ast)
            } else {
                let tok = token::describe_token(rest.fragment());
                Err(make_error(
                    src,
                    PErr {
                        offset: rest.location_offset(),
                        message: format!("Unexpected token '{}' in expression or statement.", tok)
                            .into(),
                        id: "UnexpectedToken",
                    },
                ))
            }
        }
        Err(nom::Err::Error(e)) | Err(nom::Err::Failure(e)) => Err(make_error(src, e)),
        Err(nom::Err::Incomplete(_)) => Err(ParseError {
            message: "Incomplete input.".into(),
            id: "IncompleteInput".into(),
            span: Span::new(src.len(), src.len()),
            incomplete: true,
        }),
    }
}

/// True when the text parses only as the beginning of something (the REPL shows `>> `).
pub fn is_incomplete(src: &str) -> bool {
    // A line ending in a backtick continues on the next one.
    let body = src.strip_suffix('\n').unwrap_or(src);
    let body = body.strip_suffix('\r').unwrap_or(body);
    if body.ends_with('`') && !body.ends_with("``") {
        return true;
    }
    matches!(parse_script(src), Err(e) if e.incomplete)
}

fn make_error(src: &str, e: PErr) -> ParseError {
    let end = src.trim_end().len();
    let incomplete = e.offset >= end || src.ends_with('`') || src.ends_with("`\n");
    let message = if e.message.is_empty() {
        let tok = token::describe_token(src.get(e.offset..).unwrap_or(""));
        if tok.is_empty() {
            "Unexpected end of input.".to_string()
        } else {
            format!("Unexpected token '{}' in expression or statement.", tok)
        }
    } else {
        e.message.to_string()
    };
    let id = if e.id.is_empty() {
        "UnexpectedToken"
    } else {
        e.id
    };
    let tok_len = src
        .get(e.offset..)
        .map(|r| {
            token::describe_token(r)
                .len()
                .max(if r.is_empty() { 0 } else { 1 })
        })
        .unwrap_or(0);
    ParseError {
        message,
        id: id.to_string(),
        span: Span::new(e.offset, (e.offset + tok_len).min(src.len())),
        incomplete,
    }
}

// ---- nesting limit -------------------------------------------------------------------

thread_local! {
    static DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Deepest nesting of expressions and blocks the parser accepts (a stack guard).
pub const MAX_DEPTH: u32 = 100;

/// Counts one level of nesting for the life of the guard.
pub(crate) struct DepthGuard;

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

/// Enters one nesting level, failing when the input nests too deeply.
pub(crate) fn enter<'a>(i: &In<'a>) -> Result<DepthGuard, nom::Err<PErr>> {
    let depth = DEPTH.with(|d| {
        let n = d.get() + 1;
        d.set(n);
        n
    });
    let guard = DepthGuard;
    if depth > MAX_DEPTH {
        return Err(nom::Err::Failure(PErr {
            offset: i.location_offset(),
            message: "The script is nested too deeply to parse.".into(),
            id: "NestedTooDeeply",
        }));
    }
    Ok(guard)
}

// ---- shared trivia -------------------------------------------------------------------

pub(crate) fn off(i: &In) -> usize {
    i.location_offset()
}

pub(crate) fn adv<'a>(i: In<'a>, n: usize) -> In<'a> {
    i.take_from(n)
}

pub(crate) fn peekc(i: &In) -> Option<char> {
    i.fragment().chars().next()
}

pub(crate) fn peek2(i: &In) -> Option<char> {
    let mut c = i.fragment().chars();
    c.next();
    c.next()
}

pub(crate) fn fail<'a, T>(
    i: &In<'a>,
    msg: impl Into<Cow<'static, str>>,
    id: &'static str,
) -> PResult<'a, T> {
    Err(nom::Err::Failure(PErr {
        offset: i.location_offset(),
        message: msg.into(),
        id,
    }))
}

pub(crate) fn backtrack<'a, T>(i: &In<'a>) -> PResult<'a, T> {
    Err(nom::Err::Error(PErr {
        offset: i.location_offset(),
        message: Cow::Borrowed(""),
        id: "",
    }))
}

/// Skips spaces, tabs, comments and backtick line continuations — not newlines.
pub(crate) fn trivia(mut i: In) -> PResult<()> {
    loop {
        let s = *i.fragment();
        let Some(c) = s.chars().next() else {
            return Ok((i, ()));
        };
        match c {
            ' ' | '\t' | '\u{feff}' | '\u{a0}' => i = adv(i, c.len_utf8()),
            '`' => {
                let after = &s[1..];
                if after.starts_with("\r\n") {
                    i = adv(i, 3);
                } else if after.starts_with('\n') {
                    i = adv(i, 2);
                } else if after.is_empty() {
                    // A continuation with nothing after it: more input is needed.
                    return fail(
                        &adv(i, 1),
                        "Missing expression after the line continuation.",
                        "IncompleteInput",
                    );
                } else {
                    return Ok((i, ()));
                }
            }
            '#' => {
                let end = s.find('\n').unwrap_or(s.len());
                i = adv(i, end);
            }
            '<' if s.starts_with("<#") => match s[2..].find("#>") {
                Some(p) => i = adv(i, p + 4),
                None => {
                    return fail(
                        &adv(i, s.len()),
                        "Missing end of block comment '#>'.",
                        "MissingEndOfComment",
                    )
                }
            },
            _ => return Ok((i, ())),
        }
    }
}

/// Skips trivia and newlines.
pub(crate) fn trivia_nl(mut i: In) -> PResult<()> {
    loop {
        let (j, _) = trivia(i)?;
        i = j;
        match peekc(&i) {
            Some('\n') | Some('\r') => i = adv(i, 1),
            _ => return Ok((i, ())),
        }
    }
}

/// Skips trivia, newlines and `;`.
pub(crate) fn trivia_sep(mut i: In) -> PResult<()> {
    loop {
        let (j, _) = trivia_nl(i)?;
        i = j;
        if peekc(&i) == Some(';') {
            i = adv(i, 1);
        } else {
            return Ok((i, ()));
        }
    }
}

pub(crate) fn span_from(start: usize, i: &In) -> Span {
    Span::new(start, off(i))
}

#[cfg(test)]
mod tests;
