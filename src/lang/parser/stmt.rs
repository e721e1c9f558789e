//! Statements: script bodies (param block, begin/process/end), statement lists, control
//! flow, functions, try/catch/finally, trap, and pipelines with assignment.

use std::rc::Rc;

use super::command;
use super::expr::{self, Ctx};
use super::token::{self, keyword};
use super::{
    adv, backtrack, fail, off, peekc, span_from, trivia, trivia_nl, trivia_sep, In, PResult,
};
use crate::lang::ast::*;

/// A script or script-block body up to `close` (not consumed) or the end of input.
pub(crate) fn script_body(i: In, close: Option<char>) -> PResult<ScriptBlockAst> {
    let start = off(&i);
    let (i, _) = trivia_sep(i)?;
    let (i, params) = match param_block(i)? {
        (j, Some(pb)) => (j, Some(pb)),
        (j, None) => (j, None),
    };
    let (i, _) = trivia_sep(i)?;
    if starts_named_block(i) {
        let mut ast = ScriptBlockAst {
            params,
            named_blocks: true,
            ..Default::default()
        };
        let mut i = i;
        loop {
            let (j, _) = trivia_sep(i)?;
            i = j;
            if at_close(&i, close) {
                break;
            }
            let kw = ["begin", "process", "end", "dynamicparam"]
                .into_iter()
                .find_map(|k| keyword(i, k).map(|j| (k, j)));
            let Some((kw, j)) = kw else {
                if i.fragment().is_empty() {
                    return fail(
                        &i,
                        "Missing closing '}' in statement block or type definition.",
                        "MissingEndCurlyBrace",
                    );
                }
                return fail(
                    &i,
                    format!(
                        "Unexpected token '{}' in expression or statement.",
                        token::describe_token(i.fragment())
                    ),
                    "UnexpectedToken",
                );
            };
            let (j, _) = trivia_nl(j)?;
            let (j, b) = block(j, kw)?;
            match kw {
                "begin" => ast.begin = Some(b),
                "process" => ast.process = Some(b),
                "end" => ast.end = Some(b),
                _ => {}
            }
            i = j;
        }
        ast.span = span_from(start, &i);
        return Ok((i, ast));
    }
    let (i, body) = statements(i, close)?;
    let span = span_from(start, &i);
    Ok((
        i,
        ScriptBlockAst {
            params,
            begin: None,
            process: None,
            end: Some(body),
            named_blocks: false,
            span,
        },
    ))
}

fn at_close(i: &In, close: Option<char>) -> bool {
    match close {
        Some(c) => peekc(i) == Some(c),
        None => i.fragment().is_empty(),
    }
}

fn starts_named_block(i: In) -> bool {
    ["begin", "process", "end", "dynamicparam"]
        .into_iter()
        .any(|k| {
            keyword(i, k).is_some_and(|j| {
                trivia_nl(j)
                    .map(|(j, _)| peekc(&j) == Some('{'))
                    .unwrap_or(false)
            })
        })
}

/// A statement list up to `close` (not consumed) or the end of input.
pub(crate) fn statements(i: In, close: Option<char>) -> PResult<Block> {
    let start = off(&i);
    let mut block = Block::default();
    let mut i = i;
    loop {
        let (j, _) = trivia_sep(i)?;
        i = j;
        if at_close(&i, close) {
            break;
        }
        if i.fragment().is_empty() {
            let msg = match close {
                Some(')') => "Missing closing ')' in subexpression.",
                _ => "Missing closing '}' in statement block or type definition.",
            };
            let id = if close == Some(')') {
                "MissingEndParenthesisInSubexpression"
            } else {
                "MissingEndCurlyBrace"
            };
            return fail(&i, msg, id);
        }
        let (j, st) = match statement(i) {
            Ok(r) => r,
            Err(nom::Err::Error(_)) => {
                return fail(
                    &i,
                    format!(
                        "Unexpected token '{}' in expression or statement.",
                        token::describe_token(i.fragment())
                    ),
                    "UnexpectedToken",
                )
            }
            Err(e) => return Err(e),
        };
        if let StmtKind::Trap(t) = &st.kind {
            block.traps.push(t.clone());
        }
        // Compound statements end with their closing brace; another may follow on the
        // same line (`function f { } f`).
        let compound = matches!(
            st.kind,
            StmtKind::If { .. }
                | StmtKind::Switch(_)
                | StmtKind::Foreach { .. }
                | StmtKind::For { .. }
                | StmtKind::While { .. }
                | StmtKind::Try { .. }
                | StmtKind::Trap(_)
                | StmtKind::Function(_)
        );
        block.statements.push(st);
        let (j, _) = trivia(j)?;
        if compound {
            i = j;
            continue;
        }
        match peekc(&j) {
            None | Some('\n') | Some('\r') | Some(';') => {}
            Some(c) if Some(c) == close => {}
            Some(_) => {
                return fail(
                    &j,
                    format!(
                        "Unexpected token '{}' in expression or statement.",
                        token::describe_token(j.fragment())
                    ),
                    "UnexpectedToken",
                )
            }
        }
        i = j;
    }
    block.span = span_from(start, &i);
    Ok((i, block))
}

/// `{ statements }` (the opening brace is at `i`).
pub(crate) fn block<'a>(i: In<'a>, after: &str) -> PResult<'a, Block> {
    if peekc(&i) != Some('{') {
        return fail(
            &i,
            format!("Missing statement block after '{}'.", after),
            "MissingStatementBlock",
        );
    }
    let (j, b) = statements(adv(i, 1), Some('}'))?;
    Ok((adv(j, 1), b))
}

/// Statements up to the closing character, which is consumed (for `$( )` and `@( )`).
pub(crate) fn statement_block_until(i: In, close: char) -> PResult<Block> {
    let (j, b) = statements(i, Some(close))?;
    Ok((adv(j, 1), b))
}

pub(crate) fn statement(i: In) -> PResult<Statement> {
    let _depth = super::enter(&i)?;
    let start = off(&i);
    // Loop labels: `:outer foreach (...)`.
    let (i, label) = if peekc(&i) == Some(':') {
        match token::ident(adv(i, 1)) {
            Ok((j, name)) => {
                let (j, _) = trivia_nl(j)?;
                (j, Some(Rc::from(name.fragment().to_lowercase())))
            }
            Err(_) => (i, None),
        }
    } else {
        (i, None)
    };
    let s = *i.fragment();
    let first = s.chars().next().map(|c| c.to_ascii_lowercase());
    let kind_start = i;
    let res: Option<PResult<StmtKind>> =
        match first {
            Some('i') => keyword(i, "if").map(|j| if_statement(j)),
            Some('s') => keyword(i, "switch").map(|j| switch_statement(j, label.clone())),
            Some('f') => {
                if let Some(j) = keyword(i, "foreach").filter(|j| next_is_paren(*j)) {
                    Some(foreach_statement(j, label.clone()))
                } else if let Some(j) = keyword(i, "for").filter(|j| next_is_paren(*j)) {
                    Some(for_statement(j, label.clone()))
                } else if let Some(j) = keyword(i, "function") {
                    Some(function_statement(j, false, start))
                } else if let Some(j) = keyword(i, "filter") {
                    Some(function_statement(j, true, start))
                } else {
                    None
                }
            }
            Some('w') => keyword(i, "while").map(|j| while_statement(j, label.clone())),
            Some('d') => keyword(i, "do")
                .filter(|j| {
                    trivia_nl(*j)
                        .map(|(k, _)| peekc(&k) == Some('{'))
                        .unwrap_or(false)
                })
                .map(|j| do_statement(j, label.clone())),
            Some('t') => {
                if let Some(j) = keyword(i, "try") {
                    Some(try_statement(j))
                } else if let Some(j) = keyword(i, "trap") {
                    Some(trap_statement(j, start))
                } else if let Some(j) = keyword(i, "throw") {
                    Some(optional_pipeline(j).map(|(k, p)| (k, StmtKind::Throw(p))))
                } else {
                    None
                }
            }
            Some('b') => {
                keyword(i, "break").map(|j| flow_label(j).map(|(k, l)| (k, StmtKind::Break(l))))
            }
            Some('c') => keyword(i, "continue")
                .map(|j| flow_label(j).map(|(k, l)| (k, StmtKind::Continue(l)))),
            Some('r') => keyword(i, "return")
                .map(|j| optional_pipeline(j).map(|(k, p)| (k, StmtKind::Return(p)))),
            Some('e') => keyword(i, "exit")
                .map(|j| optional_pipeline(j).map(|(k, p)| (k, StmtKind::Exit(p)))),
            _ => None,
        };
    if let Some(r) = res {
        let (j, kind) = r?;
        return Ok((
            j,
            Statement {
                kind,
                span: span_from(start, &j),
            },
        ));
    }
    if label.is_some() {
        return fail(
            &kind_start,
            "Missing loop statement after label.",
            "MissingLoopStatement",
        );
    }
    pipeline_statement(i)
}

fn next_is_paren(i: In) -> bool {
    trivia(i)
        .map(|(j, _)| peekc(&j) == Some('('))
        .unwrap_or(false)
}

fn flow_label(i: In) -> PResult<Option<Expr>> {
    let (j, _) = trivia(i)?;
    let start = off(&j);
    match peekc(&j) {
        Some(c) if token::is_ident_char(c) => {
            let (k, name) = token::ident(j)?;
            let e = Expr::new(
                ExprKind::Const(ConstValue::Str(Rc::from(name.fragment().to_lowercase()))),
                span_from(start, &k),
            );
            Ok((k, Some(e)))
        }
        Some('$') => {
            let (k, e) = expr::primary(j)?;
            Ok((k, Some(e)))
        }
        _ => Ok((i, None)),
    }
}

fn optional_pipeline(i: In) -> PResult<Option<Pipeline>> {
    let (j, _) = trivia(i)?;
    match peekc(&j) {
        None | Some('\n') | Some('\r') | Some(';') | Some('}') | Some(')') => Ok((j, None)),
        _ => {
            let (k, st) = pipeline_statement(j)?;
            Ok((k, Some(statement_to_pipeline(st))))
        }
    }
}

/// Wraps an assignment used where a pipeline is expected as `( assignment )`.
pub(crate) fn statement_to_pipeline(st: Statement) -> Pipeline {
    match st.kind {
        StmtKind::Pipeline(p) => p,
        other => {
            let span = st.span;
            let e = Expr::new(
                ExprKind::Paren(Box::new(Statement { kind: other, span })),
                span,
            );
            Pipeline {
                elements: vec![PipelineElement::Expr {
                    expr: e,
                    redirections: Vec::new(),
                }],
                span,
            }
        }
    }
}

/// `( pipeline )` after a keyword, with PowerShell's messages.
fn paren_condition<'a>(i: In<'a>, kw: &str) -> PResult<'a, Pipeline> {
    let (j, _) = trivia_nl(i)?;
    if peekc(&j) != Some('(') {
        return fail(
            &j,
            format!("Missing '(' after '{}' in {} statement.", kw, kw),
            "MissingOpenParenthesisInIfStatement",
        );
    }
    let (j, _) = trivia_nl(adv(j, 1))?;
    let (j, st) = match pipeline_statement(j) {
        Ok(r) => r,
        Err(nom::Err::Error(_)) => {
            return fail(
                &j,
                format!("Missing condition in {} statement after '{} ('.", kw, kw),
                "IfStatementMissingCondition",
            )
        }
        Err(e) => return Err(e),
    };
    let (j, _) = trivia_nl(j)?;
    if peekc(&j) != Some(')') {
        return fail(
            &j,
            format!(
                "Missing closing ')' after expression in '{}' statement.",
                kw
            ),
            "MissingEndParenthesisAfterStatement",
        );
    }
    Ok((adv(j, 1), statement_to_pipeline(st)))
}

fn body_block<'a>(i: In<'a>, what: &str) -> PResult<'a, Block> {
    let (j, _) = trivia_nl(i)?;
    if peekc(&j) != Some('{') {
        return fail(
            &j,
            format!("Missing statement block after {}.", what),
            "MissingStatementBlock",
        );
    }
    block(j, what)
}

fn if_statement(i: In) -> PResult<StmtKind> {
    let (mut i, cond) = paren_condition(i, "if")?;
    let (j, body) = body_block(i, "if ( condition )")?;
    i = j;
    let mut clauses = vec![(cond, body)];
    let mut else_block = None;
    loop {
        let (j, _) = trivia_nl(i)?;
        if let Some(k) = keyword(j, "elseif") {
            let (k, cond) = paren_condition(k, "elseif")?;
            let (k, body) = body_block(k, "elseif ( condition )")?;
            clauses.push((cond, body));
            i = k;
        } else if let Some(k) = keyword(j, "else") {
            let (k, body) = body_block(k, "else")?;
            else_block = Some(body);
            i = k;
            break;
        } else {
            break;
        }
    }
    Ok((
        i,
        StmtKind::If {
            clauses,
            else_block,
        },
    ))
}

fn switch_statement(i: In, label: Option<Rc<str>>) -> PResult<StmtKind> {
    let mut sw = SwitchStmt {
        label,
        regex: false,
        wildcard: false,
        exact: false,
        case_sensitive: false,
        subject: Pipeline {
            elements: Vec::new(),
            span: Span::default(),
        },
        clauses: Vec::new(),
        default: None,
    };
    let mut i = i;
    loop {
        let (j, _) = trivia(i)?;
        if peekc(&j) == Some('-') {
            let (k, flag) = token::ident(adv(j, 1))?;
            let f = flag.fragment().to_ascii_lowercase();
            match f.as_str() {
                "regex" => sw.regex = true,
                "wildcard" => sw.wildcard = true,
                "exact" => sw.exact = true,
                "casesensitive" => sw.case_sensitive = true,
                "file" => return fail(&j, "not supported yet: switch -File", "NotSupported"),
                _ => {
                    return fail(
                        &j,
                        format!("Invalid switch statement option '{}'.", f),
                        "InvalidSwitchFlag",
                    )
                }
            }
            i = k;
        } else {
            i = j;
            break;
        }
    }
    let (i, subject) = paren_condition(i, "switch")?;
    sw.subject = subject;
    let (i, _) = trivia_nl(i)?;
    if peekc(&i) != Some('{') {
        return fail(
            &i,
            "Missing opening '{' in switch statement.",
            "MissingCurlyBraceInSwitchStatement",
        );
    }
    let mut i = adv(i, 1);
    loop {
        let (j, _) = trivia_sep(i)?;
        i = j;
        match peekc(&i) {
            Some('}') => return Ok((adv(i, 1), StmtKind::Switch(Box::new(sw)))),
            None => {
                return fail(
                    &i,
                    "Missing closing '}' in statement block or type definition.",
                    "MissingEndCurlyBrace",
                )
            }
            _ => {}
        }
        if let Some(j) = keyword(i, "default").filter(|j| {
            trivia_nl(*j)
                .map(|(k, _)| peekc(&k) == Some('{'))
                .unwrap_or(false)
        }) {
            let (j, body) = body_block(j, "switch clause")?;
            sw.default = Some(body);
            i = j;
            continue;
        }
        let (j, cond) = switch_condition(i)?;
        let (j, body) = body_block(j, "switch clause")?;
        sw.clauses.push((cond, body));
        i = j;
    }
}

fn switch_condition(i: In) -> PResult<Expr> {
    let start = off(&i);
    let s = *i.fragment();
    match s.chars().next() {
        Some(c)
            if c == '$'
                || c == '('
                || c == '{'
                || c == '\''
                || c == '"'
                || c == '@'
                || c == '['
                || c == '-' =>
        {
            match expr::unary(i, Ctx { no_comma: true }) {
                Ok(r) => Ok(r),
                Err(nom::Err::Error(_)) => command::bare_condition(i, start),
                Err(e) => Err(e),
            }
        }
        Some(c) if c.is_ascii_digit() => match expr::unary(i, Ctx { no_comma: true }) {
            Ok(r) => Ok(r),
            Err(_) => command::bare_condition(i, start),
        },
        _ => command::bare_condition(i, start),
    }
}

fn foreach_statement(i: In, label: Option<Rc<str>>) -> PResult<StmtKind> {
    let (j, _) = trivia(i)?;
    if peekc(&j) != Some('(') {
        return fail(
            &j,
            "Missing opening '(' after keyword 'foreach'.",
            "MissingOpenParenthesisAfterKeyword",
        );
    }
    let (j, _) = trivia_nl(adv(j, 1))?;
    let (j, var) = match token::variable(j) {
        Ok(r) => r,
        Err(_) => {
            return fail(
                &j,
                "Missing variable name after foreach.",
                "MissingVariableNameAfterForeach",
            )
        }
    };
    let (j, _) = trivia_nl(j)?;
    let Some(j) = keyword(j, "in") else {
        return fail(
            &j,
            "Missing 'in' after variable in foreach loop.",
            "MissingInInForeach",
        );
    };
    let (j, _) = trivia_nl(j)?;
    let (j, st) = match pipeline_statement(j) {
        Ok(r) => r,
        Err(nom::Err::Error(_)) => {
            return fail(
                &j,
                "Missing foreach loop collection expression.",
                "MissingForeachExpression",
            )
        }
        Err(e) => return Err(e),
    };
    let (j, _) = trivia_nl(j)?;
    if peekc(&j) != Some(')') {
        return fail(
            &j,
            "Missing closing ')' after expression in 'foreach' statement.",
            "MissingEndParenthesisAfterForeach",
        );
    }
    let (j, body) = body_block(adv(j, 1), "foreach")?;
    Ok((
        j,
        StmtKind::Foreach {
            label,
            var,
            iter: statement_to_pipeline(st),
            body,
        },
    ))
}

fn for_statement(i: In, label: Option<Rc<str>>) -> PResult<StmtKind> {
    let (j, _) = trivia(i)?;
    let (j, _) = trivia_nl(adv(j, 1))?;
    let mut parts: Vec<Option<Statement>> = Vec::new();
    let mut j = j;
    for k in 0..3 {
        let (x, _) = trivia_nl(j)?;
        let term = if k < 2 { ';' } else { ')' };
        if peekc(&x) == Some(term) {
            parts.push(None);
            j = adv(x, 1);
            continue;
        }
        let (x, st) = pipeline_statement(x)?;
        parts.push(Some(st));
        let (x, _) = trivia_nl(x)?;
        if peekc(&x) == Some(term) {
            j = adv(x, 1);
        } else if term == ';' && peekc(&x) == Some(')') && k == 1 {
            j = x;
        } else {
            let msg = if term == ')' {
                "Missing closing ')' after expression in 'for' statement."
            } else {
                "Missing ';' in for statement."
            };
            return fail(&x, msg, "MissingEndParenthesisAfterStatement");
        }
    }
    let (j, body) = body_block(j, "for")?;
    let mut it = parts.into_iter();
    let init = it.next().flatten().map(Box::new);
    let cond = it.next().flatten().map(statement_to_pipeline);
    let step = it.next().flatten().map(Box::new);
    Ok((
        j,
        StmtKind::For {
            label,
            init,
            cond,
            step,
            body,
        },
    ))
}

fn while_statement(i: In, label: Option<Rc<str>>) -> PResult<StmtKind> {
    let (j, cond) = paren_condition(i, "while")?;
    let (j, body) = body_block(j, "while")?;
    Ok((j, StmtKind::While { label, cond, body }))
}

fn do_statement(i: In, label: Option<Rc<str>>) -> PResult<StmtKind> {
    let (j, body) = body_block(i, "do")?;
    let (j, _) = trivia_nl(j)?;
    let (j, until) = if let Some(k) = keyword(j, "while") {
        (k, false)
    } else if let Some(k) = keyword(j, "until") {
        (k, true)
    } else {
        return fail(
            &j,
            "Missing while or until keyword in do loop.",
            "MissingWhileOrUntilInDoWhile",
        );
    };
    let (j, cond) = paren_condition(j, if until { "until" } else { "while" })?;
    Ok((
        j,
        StmtKind::DoLoop {
            label,
            body,
            cond,
            until,
        },
    ))
}

fn try_statement(i: In) -> PResult<StmtKind> {
    let (mut i, body) = body_block(i, "try")?;
    let mut catches = Vec::new();
    let mut finally = None;
    loop {
        let (j, _) = trivia_nl(i)?;
        if let Some(k) = keyword(j, "catch") {
            let mut types = Vec::new();
            let mut k = k;
            loop {
                let (x, _) = trivia_nl(k)?;
                if peekc(&x) == Some('[') {
                    let (x, ty) = expr::type_literal(x)?;
                    types.push(ty.name.to_string());
                    let (x, _) = trivia_nl(x)?;
                    k = if peekc(&x) == Some(',') { adv(x, 1) } else { x };
                } else {
                    k = x;
                    break;
                }
            }
            let (k, b) = body_block(k, "catch")?;
            catches.push(Catch { types, body: b });
            i = k;
        } else if let Some(k) = keyword(j, "finally") {
            let (k, b) = body_block(k, "finally")?;
            finally = Some(b);
            i = k;
            break;
        } else {
            break;
        }
    }
    if catches.is_empty() && finally.is_none() {
        return fail(
            &i,
            "The Try statement is missing its Catch or Finally block.",
            "MissingCatchOrFinally",
        );
    }
    Ok((
        i,
        StmtKind::Try {
            body,
            catches,
            finally,
        },
    ))
}

fn trap_statement(i: In, start: usize) -> PResult<StmtKind> {
    let (j, _) = trivia_nl(i)?;
    let (j, type_name) = if peekc(&j) == Some('[') {
        let (k, ty) = expr::type_literal(j)?;
        (k, Some(ty.name.to_string()))
    } else {
        (j, None)
    };
    let (j, body) = body_block(j, "trap")?;
    let trap = Rc::new(Trap {
        type_name,
        body,
        span: span_from(start, &j),
    });
    Ok((j, StmtKind::Trap(trap)))
}

fn function_statement(i: In, is_filter: bool, start: usize) -> PResult<StmtKind> {
    let (j, _) = trivia(i)?;
    let s = *j.fragment();
    let n = s
        .find(|c: char| token::is_generic_delim(c) || c == '=')
        .unwrap_or(s.len());
    if n == 0 {
        return fail(
            &j,
            "Missing name after function keyword.",
            "MissingNameAfterKeyword",
        );
    }
    let raw_name = &s[..n];
    let name = raw_name
        .strip_prefix("global:")
        .or_else(|| raw_name.strip_prefix("script:"))
        .or_else(|| raw_name.strip_prefix("local:"))
        .unwrap_or(raw_name);
    let j = adv(j, n);
    let (j, _) = trivia_nl(j)?;
    // `function f($a, $b) { }`
    let (j, simple_params) = if peekc(&j) == Some('(') {
        let (k, params) = param_list(adv(j, 1))?;
        let (k, _) = trivia_nl(k)?;
        (k, Some(params))
    } else {
        (j, None)
    };
    if peekc(&j) != Some('{') {
        return fail(
            &j,
            "Missing function body in function declaration.",
            "MissingFunctionBody",
        );
    }
    let body_start = off(&j) + 1;
    let full = *j.fragment();
    let (k, mut ast) = script_body(adv(j, 1), Some('}'))?;
    if peekc(&k) != Some('}') {
        return fail(
            &k,
            "Missing closing '}' in statement block or type definition.",
            "MissingEndCurlyBrace",
        );
    }
    let text: Rc<str> = Rc::from(&full[1..1 + (off(&k) - body_start)]);
    let k = adv(k, 1);
    if let Some(params) = simple_params {
        if ast.params.is_some() {
            return fail(
                &j,
                "A function cannot have both a parameter list and a param block.",
                "OnlyOneParameterListAllowed",
            );
        }
        ast.params = Some(ParamBlock {
            params,
            ..Default::default()
        });
    }
    let def = FunctionDef {
        name: Rc::from(name),
        is_filter,
        body: Rc::new(ast),
        text,
        span: span_from(start, &k),
    };
    Ok((k, StmtKind::Function(Rc::new(def))))
}

/// `[CmdletBinding()] param( ... )` at the start of a body, if present.
fn param_block(i: In) -> PResult<Option<ParamBlock>> {
    let start = off(&i);
    let mut j = i;
    let mut cmdlet_binding = false;
    let mut supports_should_process = false;
    let mut default_parameter_set = None;
    // Leading attributes, only if a `param` keyword follows them.
    loop {
        let (k, _) = trivia_nl(j)?;
        if peekc(&k) == Some('[') {
            match attribute(k) {
                Ok((k2, (name, args))) => {
                    if name.eq_ignore_ascii_case("CmdletBinding") {
                        cmdlet_binding = true;
                        supports_should_process = args.iter().any(|(n, v)| {
                            n.eq_ignore_ascii_case("SupportsShouldProcess")
                                && v.as_ref().map(attr_truthy).unwrap_or(true)
                        });
                        default_parameter_set = args
                            .iter()
                            .find(|(n, _)| n.eq_ignore_ascii_case("DefaultParameterSetName"))
                            .and_then(|(_, v)| v.as_ref().and_then(const_string));
                    }
                    j = k2;
                }
                Err(_) => return Ok((i, None)),
            }
        } else {
            j = k;
            break;
        }
    }
    let Some(k) = keyword(j, "param") else {
        return Ok((i, None));
    };
    let (k, _) = trivia_nl(k)?;
    if peekc(&k) != Some('(') {
        return Ok((i, None));
    }
    let (k, params) = param_list(adv(k, 1))?;
    Ok((
        k,
        Some(ParamBlock {
            cmdlet_binding,
            supports_should_process,
            default_parameter_set,
            params,
            span: span_from(start, &k),
        }),
    ))
}

fn attr_truthy(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Var(v) => !matches!(&*v.name.key, "false" | "null"),
        ExprKind::Const(ConstValue::Int(0)) => false,
        _ => true,
    }
}

type AttrArgs = Vec<(String, Option<Expr>)>;

/// `[Name(arg, Key=value, ...)]` or `[type]`.
fn attribute(i: In) -> PResult<(String, AttrArgs)> {
    let j = adv(i, 1);
    let (j, _) = trivia(j)?;
    let s = *j.fragment();
    let n = s
        .find(|c: char| !(token::is_ident_char(c) || c == '.'))
        .unwrap_or(s.len());
    if n == 0 {
        return backtrack(&i);
    }
    let name = s[..n].to_string();
    let mut j = adv(j, n);
    // Array type suffix `[]`.
    if j.fragment().starts_with("[]") {
        j = adv(j, 2);
        let nm = format!("{}[]", name);
        let (k, _) = trivia(j)?;
        if peekc(&k) != Some(']') {
            return backtrack(&i);
        }
        return Ok((adv(k, 1), (nm, Vec::new())));
    }
    let mut args = Vec::new();
    let (k, _) = trivia(j)?;
    j = k;
    if peekc(&j) == Some('(') {
        let (mut k, _) = trivia_nl(adv(j, 1))?;
        if peekc(&k) == Some(')') {
            k = adv(k, 1);
        } else {
            loop {
                let s = *k.fragment();
                let idn = s
                    .find(|c: char| !token::is_ident_char(c))
                    .unwrap_or(s.len());
                let after = adv(k, idn);
                let (after_ws, _) = trivia_nl(after)?;
                if idn > 0
                    && !s.starts_with(|c: char| c.is_ascii_digit())
                    && matches!(peekc(&after_ws), Some('=') | Some(',') | Some(')'))
                {
                    let key = s[..idn].to_string();
                    if peekc(&after_ws) == Some('=') {
                        let (x, _) = trivia_nl(adv(after_ws, 1))?;
                        let (x, v) = expr::expression(x, Ctx { no_comma: true })?;
                        args.push((key, Some(v)));
                        k = x;
                    } else {
                        args.push((key, None));
                        k = after_ws;
                    }
                } else {
                    let (x, v) = expr::expression(k, Ctx { no_comma: true })?;
                    args.push((String::new(), Some(v)));
                    k = x;
                }
                let (x, _) = trivia_nl(k)?;
                match peekc(&x) {
                    Some(',') => {
                        let (y, _) = trivia_nl(adv(x, 1))?;
                        k = y;
                    }
                    Some(')') => {
                        k = adv(x, 1);
                        break;
                    }
                    _ => {
                        return fail(
                            &x,
                            "Missing closing ')' in expression.",
                            "MissingEndParenthesisInExpression",
                        )
                    }
                }
            }
        }
        let (k, _) = trivia(k)?;
        j = k;
    }
    if peekc(&j) != Some(']') {
        return backtrack(&i);
    }
    Ok((adv(j, 1), (name, args)))
}

/// Parameter declarations up to `)` (consumed).
fn param_list(i: In) -> PResult<Vec<ParamDecl>> {
    let mut params = Vec::new();
    let (mut i, _) = trivia_nl(i)?;
    if peekc(&i) == Some(')') {
        return Ok((adv(i, 1), params));
    }
    loop {
        let start = off(&i);
        let mut decl = ParamDecl {
            name: Name::new(""),
            type_lit: None,
            default: None,
            mandatory: false,
            position: None,
            from_pipeline: false,
            from_pipeline_by_name: false,
            from_remaining: false,
            validate_set: None,
            validate_not_null_or_empty: false,
            aliases: Vec::new(),
            help: None,
            parameter_set: None,
            span: Span::default(),
        };
        let mut j = i;
        loop {
            let (k, _) = trivia_nl(j)?;
            j = k;
            if peekc(&j) != Some('[') {
                break;
            }
            let (k, (name, args)) = match attribute(j) {
                Ok(r) => r,
                Err(nom::Err::Error(_)) => {
                    return fail(
                        &j,
                        "Missing ] at end of attribute or type literal.",
                        "EndSquareBracketExpectedAtEndOfAttribute",
                    )
                }
                Err(e) => return Err(e),
            };
            apply_attribute(&mut decl, &name, args, j)?;
            j = k;
        }
        let (k, var) = match token::variable(j) {
            Ok(r) => r,
            Err(_) => {
                return fail(
                    &j,
                    "Missing ')' in function parameter list.",
                    "MissingEndParenthesisInFunctionParameterList",
                )
            }
        };
        if params
            .iter()
            .any(|p: &ParamDecl| p.name.key == var.name.key)
        {
            // ParserStrings.DuplicateFormalParameter.
            return fail(
                &j,
                format!("Duplicate parameter ${} in parameter list.", var.name.text),
                "DuplicateFormalParameter",
            );
        }
        decl.name = var.name;
        let (k, _) = trivia_nl(k)?;
        let k = if peekc(&k) == Some('=') {
            let (x, _) = trivia_nl(adv(k, 1))?;
            let (x, v) = expr::expression(x, Ctx { no_comma: true })?;
            decl.default = Some(v);
            x
        } else {
            k
        };
        decl.span = span_from(start, &k);
        params.push(decl);
        let (k, _) = trivia_nl(k)?;
        match peekc(&k) {
            Some(',') => i = adv(k, 1),
            Some(')') => return Ok((adv(k, 1), params)),
            _ => {
                return fail(
                    &k,
                    "Missing ')' in function parameter list.",
                    "MissingEndParenthesisInFunctionParameterList",
                )
            }
        }
    }
}

fn const_string(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Const(ConstValue::Str(s)) | ExprKind::Const(ConstValue::Bare(s)) => {
            Some(s.to_string())
        }
        ExprKind::Const(ConstValue::Int(i)) => Some(i.to_string()),
        _ => None,
    }
}

fn apply_attribute<'a>(
    decl: &mut ParamDecl,
    name: &str,
    args: AttrArgs,
    at: In<'a>,
) -> Result<(), nom::Err<super::PErr>> {
    let lname = name.to_ascii_lowercase();
    match lname.as_str() {
        "parameter" => {
            for (k, v) in args {
                let truthy = v.as_ref().map(attr_truthy).unwrap_or(true);
                match k.to_ascii_lowercase().as_str() {
                    "mandatory" => decl.mandatory = truthy,
                    "position" => {
                        decl.position = v.as_ref().and_then(|e| match e.kind {
                            ExprKind::Const(ConstValue::Int(n)) => Some(n),
                            _ => None,
                        })
                    }
                    "valuefrompipeline" => decl.from_pipeline = truthy,
                    "valuefrompipelinebypropertyname" => decl.from_pipeline_by_name = truthy,
                    "valuefromremainingarguments" => decl.from_remaining = truthy,
                    "parametersetname" => decl.parameter_set = v.as_ref().and_then(const_string),
                    "helpmessage" => decl.help = v.as_ref().and_then(const_string),
                    _ => {}
                }
            }
        }
        "validateset" => {
            decl.validate_set = Some(
                args.iter()
                    .filter_map(|(_, v)| v.as_ref().and_then(const_string))
                    .collect(),
            );
        }
        "validatenotnullorempty" | "validatenotnull" => decl.validate_not_null_or_empty = true,
        "alias" => {
            decl.aliases = args
                .iter()
                .filter_map(|(_, v)| v.as_ref().and_then(const_string))
                .collect()
        }
        "allownull"
        | "allowemptystring"
        | "allowemptycollection"
        | "validaterange"
        | "validatepattern"
        | "validatescript"
        | "validatecount"
        | "validatelength"
        | "supportswildcards"
        | "outputtype" => {}
        _ => {
            if args.is_empty() {
                decl.type_lit = Some(TypeLit {
                    name: Rc::from(name),
                    span: span_from(off(&at), &at),
                    resolved: Default::default(),
                });
            }
        }
    }
    Ok(())
}

/// A pipeline, or an assignment whose right-hand side is a statement.
pub(crate) fn pipeline_statement(i: In) -> PResult<Statement> {
    let start = off(&i);
    let mut elements = Vec::new();
    let mut i = i;
    if command::is_command_start(&i) {
        let (j, cmd) = command::command(i)?;
        elements.push(PipelineElement::Command(cmd));
        i = j;
    } else {
        let (j, e) = expr::expression(i, Ctx::default())?;
        let (k, _) = trivia(j)?;
        if let Some((op, n)) = assign_op(k.fragment()) {
            if !assignable_target(&e) {
                return fail(
                    &i,
                    "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                    "InvalidLeftHandSide",
                );
            }
            let (k2, _) = trivia_nl(adv(k, n))?;
            let (k2, value) = match statement(k2) {
                Ok(r) => r,
                Err(nom::Err::Error(_)) => {
                    let text = &k.fragment()[..n];
                    return fail(
                        &k2,
                        format!(
                            "You must provide a value expression following the '{}' operator.",
                            text
                        ),
                        "ExpectedValueExpression",
                    );
                }
                Err(err) => return Err(err),
            };
            return Ok((
                k2,
                Statement {
                    kind: StmtKind::Assign {
                        target: e,
                        op,
                        value: Box::new(value),
                    },
                    span: span_from(start, &k2),
                },
            ));
        }
        let (j, redirections) = command::redirections(j)?;
        elements.push(PipelineElement::Expr {
            expr: e,
            redirections,
        });
        i = j;
    }
    loop {
        let (j, _) = trivia(i)?;
        let s = *j.fragment();
        if s.starts_with('|') && !s.starts_with("||") {
            let (k, _) = trivia_nl(adv(j, 1))?;
            if !command::is_command_start(&k) {
                if k.fragment().is_empty() {
                    return fail(
                        &k,
                        "An empty pipe element is not allowed.",
                        "EmptyPipeElement",
                    );
                }
                if matches!(peekc(&k), Some('}') | Some(')') | Some(';')) {
                    return fail(
                        &k,
                        "An empty pipe element is not allowed.",
                        "EmptyPipeElement",
                    );
                }
                return fail(
                    &k,
                    "Expressions are only allowed as the first element of a pipeline.",
                    "ExpressionsMustBeFirstInPipeline",
                );
            }
            let (k, cmd) = command::command(k)?;
            elements.push(PipelineElement::Command(cmd));
            i = k;
        } else {
            break;
        }
    }
    let span = span_from(start, &i);
    Ok((
        i,
        Statement {
            kind: StmtKind::Pipeline(Pipeline { elements, span }),
            span,
        },
    ))
}

fn assign_op(s: &str) -> Option<(AssignOp, usize)> {
    let b = s.as_bytes();
    match b.first()? {
        b'=' if b.get(1) != Some(&b'=') => Some((AssignOp::Set, 1)),
        b'+' if b.get(1) == Some(&b'=') => Some((AssignOp::Add, 2)),
        b'-' if b.get(1) == Some(&b'=') => Some((AssignOp::Sub, 2)),
        b'*' if b.get(1) == Some(&b'=') => Some((AssignOp::Mul, 2)),
        b'/' if b.get(1) == Some(&b'=') => Some((AssignOp::Div, 2)),
        b'%' if b.get(1) == Some(&b'=') => Some((AssignOp::Rem, 2)),
        _ => None,
    }
}

fn assignable_target(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::ArrayLit(items) => items.iter().all(expr::is_assignable),
        _ => expr::is_assignable(e),
    }
}
