//! Error records to text in PowerShell 7's concise view: `Prefix: message` for errors
//! from the command line, and the `Line |` excerpt with a `~~~` marker for errors from a
//! script file and for parse errors.

use crate::engine::error::{ErrorCategory, ErrorRecord, Position};
use crate::lang::parser::ParseError;
use crate::lang::source::Source;

/// The word before the colon: the command, else the category, else the exception type.
pub fn prefix(e: &ErrorRecord) -> String {
    if e.is_parse_error {
        return "ParserError".into();
    }
    if let Some(c) = &e.command {
        if !c.is_empty() {
            return c.clone();
        }
    }
    match e.category {
        ErrorCategory::NotSpecified => e.exception_type.clone(),
        ErrorCategory::OperationStopped if e.exception_type == "RuntimeException" => {
            "Exception".into()
        }
        other => other.name().to_string(),
    }
}

/// Renders an error as PowerShell 7's ConciseView does (with a trailing newline).
pub fn concise(e: &ErrorRecord, color: bool) -> String {
    let (red, reset) = if color {
        ("\x1b[31;1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let pfx = prefix(e);
    let with_excerpt = match &e.position {
        Some(p) => e.is_parse_error || !p.source.name.is_empty(),
        None => false,
    };
    match (&e.position, with_excerpt) {
        (Some(p), true) => excerpt(&pfx, &e.message, p, red, reset),
        _ => {
            let mut out = String::new();
            for (k, line) in e.message.lines().enumerate() {
                if k == 0 {
                    out.push_str(&format!("{}{}: {}{}\n", red, pfx, line, reset));
                } else {
                    out.push_str(&format!("{}{}{}\n", red, line, reset));
                }
            }
            if e.message.is_empty() {
                out.push_str(&format!("{}{}: {}\n", red, pfx, reset));
            }
            out
        }
    }
}

fn excerpt(pfx: &str, message: &str, p: &Position, red: &str, reset: &str) -> String {
    let src: &Source = &p.source;
    let (line, col) = src.line_col(p.span.start as usize);
    let text = src.line_text(line);
    let text_chars = text.chars().count();
    let (end_line, end_col) = src.line_col(p.span.end as usize);
    let width = if end_line == line && end_col > col {
        end_col - col
    } else {
        text_chars.saturating_sub(col - 1).max(1)
    };
    let width = width.max(1);
    let num = line.to_string();
    let gutter = num.len().max(4);
    let pad = " ".repeat(gutter);
    let mut out = String::new();
    if src.name.is_empty() {
        out.push_str(&format!("{}{}: {}\n", red, pfx, reset));
    } else {
        out.push_str(&format!("{}{}: {}:{}{}\n", red, pfx, src.name, line, reset));
    }
    out.push_str(&format!("{}Line |{}\n", red, reset));
    out.push_str(&format!(
        "{}{:>w$} |{}  {}\n",
        red,
        num,
        reset,
        text,
        w = gutter
    ));
    out.push_str(&format!(
        "{}{} |  {}{}{}\n",
        red,
        pad,
        " ".repeat(col - 1),
        "~".repeat(width),
        reset
    ));
    for m in message.lines() {
        out.push_str(&format!("{}{} | {}{}\n", red, pad, m, reset));
    }
    out
}

/// A parse failure as an error record (for `$Error`, catch, and rendering).
pub fn parse_error_record(e: &ParseError, source: &std::rc::Rc<Source>) -> ErrorRecord {
    let mut r = ErrorRecord::new(e.message.clone(), &e.id, ErrorCategory::ParserError);
    r.exception_type = "ParseException".into();
    r.is_parse_error = true;
    r.script_terminating = true;
    r.position = Some(Position {
        source: source.clone(),
        span: e.span,
    });
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn concise_from_command_line() {
        let e = ErrorRecord::new(
            "Cannot find path",
            "PathNotFound",
            ErrorCategory::ObjectNotFound,
        )
        .with_command("Get-Item");
        assert_eq!(concise(&e, false), "Get-Item: Cannot find path\n");
    }

    #[test]
    fn concise_from_a_script() {
        let src = Rc::new(Source::new("/tmp/t.ps1", "$x = 1\n1/0\n"));
        let mut e = ErrorRecord::new(
            "Attempted to divide by zero.",
            "RuntimeException",
            ErrorCategory::NotSpecified,
        );
        e.position = Some(Position {
            source: src,
            span: crate::lang::ast::Span::new(7, 10),
        });
        assert_eq!(
            concise(&e, false),
            "RuntimeException: /tmp/t.ps1:2\nLine |\n   2 |  1/0\n     |  ~~~\n     | Attempted to divide by zero.\n"
        );
    }
}
