//! Running text at the top level: script files, `-Command` strings and REPL entries, with
//! the exit-code rules of `pwsh -File` / `pwsh -Command`.

use std::rc::Rc;

use crate::engine::binder::RawArg;
use crate::engine::error::Flow;
use crate::engine::interp::{Interp, RunOutcome};
use crate::engine::pipeline::OutDefault;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::Value;
use crate::lang::ast::Span;
use crate::lang::parser::parse_script;
use crate::lang::source::Source;

/// Command-line arguments for a script: `-Name` becomes a named parameter.
pub fn script_args(args: &[String]) -> Vec<RawArg> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        if a.len() > 1 && a.starts_with('-') && a[1..].starts_with(|c: char| c.is_alphabetic()) {
            match a[1..].split_once(':') {
                Some((n, v)) => out.push(RawArg::Named {
                    name: n.to_string(),
                    value: Some(Value::str(v)),
                    colon: true,
                    span: Span::default(),
                }),
                None => out.push(RawArg::Named {
                    name: a[1..].to_string(),
                    value: None,
                    colon: false,
                    span: Span::default(),
                }),
            }
        } else {
            out.push(RawArg::Positional {
                value: Value::str(a),
                span: Span::default(),
            });
        }
    }
    out
}

/// Parses and runs source text. `script_file` gives it a script scope and parameters.
pub fn run_source(
    interp: &mut Interp,
    name: &str,
    text: &str,
    script_file: bool,
    args: &[String],
) -> RunOutcome {
    let source = Rc::new(Source::new(name, text));
    let ast = match parse_script(&source.text) {
        Ok(a) => a,
        Err(e) => {
            let rec = crate::format::errors::parse_error_record(&e, &source);
            interp.print_error(&rec);
            let rec = Rc::new(rec);
            interp.record_error(&rec);
            interp.last_status = false;
            return RunOutcome {
                exit_code: None,
                failed: true,
                last_status: false,
            };
        }
    };
    let block = Rc::new(ScriptBlock {
        ast: Rc::new(ast),
        text: Rc::from(""),
        source,
        is_filter: false,
    });
    let raw = script_args(args);
    let saved_depth = interp.scopes.len();
    let r = interp.run_top(
        block,
        if script_file { Some(name) } else { None },
        raw,
        &mut OutDefault,
    );
    interp.scopes.truncate(saved_depth.max(1));
    interp.handler_depth = 0;
    let mut outcome = RunOutcome {
        exit_code: None,
        failed: false,
        last_status: interp.last_status,
    };
    match r {
        Ok(())
        | Err(Flow::Return)
        | Err(Flow::Break(_))
        | Err(Flow::Continue(_))
        | Err(Flow::StopUpstream(_)) => {}
        Err(Flow::Exit(code)) => outcome.exit_code = Some(code),
        Err(Flow::Error(e)) => {
            interp.record_error(&e);
            interp.print_error(&e);
            interp.last_status = false;
            outcome.failed = true;
            outcome.last_status = false;
        }
        Err(Flow::Interrupted) => {
            interp.finish_output();
            outcome.failed = true;
        }
    }
    interp.finish_output();
    outcome
}

/// `exsh FILE [args]`: the exit code `pwsh -File` gives.
pub fn run_file(interp: &mut Interp, path: &str, args: &[String]) -> i32 {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(_) => {
            interp.host.err(&format!(
                "The argument '{}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
                path
            ));
            return 64;
        }
    };
    let o = run_source(interp, path, &text, true, args);
    match o.exit_code {
        Some(c) => c,
        None if o.failed => 1,
        None => 0,
    }
}

/// `exsh -Command TEXT`: exit code 1 when the last statement failed.
pub fn run_command(interp: &mut Interp, text: &str) -> i32 {
    let o = run_source(interp, "", text, false, &[]);
    match o.exit_code {
        Some(c) => c,
        None if o.failed || !o.last_status => 1,
        None => 0,
    }
}
