//! Should: Pester 5's assertions and their failure messages.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::ops;
use crate::engine::registry::ShouldArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct Should {
    items: Vec<Value>,
    piped: bool,
}

/// How Pester prints a value in a message: strings quoted, `$null`, `$true`, `@(1, 2)`.
pub fn show(v: &Value) -> String {
    match v {
        Value::Null => "$null".into(),
        Value::Bool(b) => {
            if *b {
                "$true".into()
            } else {
                "$false".into()
            }
        }
        Value::Str(s) => format!("'{}'", s),
        Value::Array(a) => format!(
            "@({})",
            a.borrow().iter().map(show).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_display_string(),
    }
}

fn items_of(v: &Value) -> Vec<Value> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(a) => a.borrow().clone(),
        other => vec![other.clone()],
    }
}

fn empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Str(s) => s.is_empty(),
        Value::Array(a) => a.borrow().is_empty(),
        Value::Hashtable(h) => h.borrow().iter().next().is_none(),
        _ => false,
    }
}

fn fail(msg: String) -> Flow {
    let mut e = ErrorRecord::new(
        msg,
        "PesterAssertionFailed",
        ErrorCategory::InvalidOperation,
    );
    e.exception_type = "Exception".into();
    e.script_terminating = true;
    Flow::error(e)
}

impl Cmdlet for Should {
    type Args = ShouldArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if cx.has_pipeline_input {
            self.piped = true;
            if let Some(v) = cx.input.clone() {
                self.items.push(v);
            }
        } else if let Some(v) = &a.actual_value {
            self.items.push(v.clone());
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let mut items = std::mem::take(&mut self.items);
        let actual = if items.len() == 1 {
            items.pop().unwrap_or(Value::Null)
        } else if items.is_empty() {
            Value::Null
        } else {
            Value::array(items)
        };
        let expected = a.expected_value.clone().unwrap_or(Value::Null);
        let because = a
            .because
            .as_ref()
            .map(|b| format!(" because {},", b.trim_end_matches('.')))
            .unwrap_or_default();
        let not = a.not;
        let (ok, message): (bool, String) = if a.throw {
            let Value::ScriptBlock(sb) = &actual else {
                return Err(fail(
                    "Expected a script block to test for an exception.".into(),
                ));
            };
            cx.interp.handler_depth += 1;
            let r = cx.invoke(sb, None, Vec::new());
            cx.interp.handler_depth -= 1;
            let thrown = match r {
                Err(Flow::Error(e)) => Some(e.message.clone()),
                Err(other) => return Err(other),
                Ok(_) => None,
            };
            match (&thrown, &a.expected_message, not) {
                (None, _, false) => (
                    false,
                    format!(
                        "Expected an exception to be thrown,{} but no exception was thrown.",
                        because
                    ),
                ),
                (Some(m), Some(pat), false) => {
                    let ok = ops::wildcard_regex(pat, false).is_ok_and(|re| re.is_match(m));
                    (ok, format!("Expected an exception with message like '{}' to be thrown,{} but the message was '{}'.", pat, because, m))
                }
                (Some(_), None, false) => (true, String::new()),
                (Some(m), _, true) => (
                    false,
                    format!(
                        "Expected no exception to be thrown,{} but an exception \"{}\" was thrown.",
                        because, m
                    ),
                ),
                (None, _, true) => (true, String::new()),
            }
        } else {
            let (holds, pos, neg) = if a.be || a.be_exactly {
                let cs = a.be_exactly;
                let holds = match (&actual, &expected) {
                    (Value::Array(_), Value::Array(_)) => {
                        let (x, y) = (items_of(&actual), items_of(&expected));
                        x.len() == y.len()
                            && x.iter().zip(y.iter()).all(|(p, q)| ops::equals(p, q, cs))
                    }
                    _ => {
                        ops::equals(&actual, &expected, cs)
                            && (actual.is_null() == expected.is_null())
                    }
                };
                let pos = if matches!((&actual, &expected), (Value::Str(_), Value::Str(_))) {
                    format!("Expected strings to be the same,{} but they were different. Expected: {} But was: {}", because, show(&expected), show(&actual))
                } else {
                    format!(
                        "Expected {},{} but got {}.",
                        show(&expected),
                        because,
                        show(&actual)
                    )
                };
                (holds, pos, format!("Expected {} to be different from the actual value,{} but got the same value.", show(&expected), because))
            } else if a.be_true {
                (
                    actual.truthy(),
                    format!("Expected $true,{} but got {}.", because, show(&actual)),
                    format!("Expected $false,{} but got {}.", because, show(&actual)),
                )
            } else if a.be_false {
                (
                    !actual.truthy(),
                    format!("Expected $false,{} but got {}.", because, show(&actual)),
                    format!("Expected $true,{} but got {}.", because, show(&actual)),
                )
            } else if a.be_null_or_empty {
                (
                    empty(&actual),
                    format!(
                        "Expected $null or empty,{} but got {}.",
                        because,
                        show(&actual)
                    ),
                    format!("Expected a value,{} but got $null or empty.", because),
                )
            } else if a.be_greater_than || a.be_less_than {
                let ord = ops::compare(&actual, &expected, false).map_err(|e| cx.fail(e))?;
                let gt = a.be_greater_than;
                let holds = if gt {
                    ord == std::cmp::Ordering::Greater
                } else {
                    ord == std::cmp::Ordering::Less
                };
                let word = if gt { "greater" } else { "less" };
                (
                    holds,
                    format!(
                        "Expected the actual value to be {} than {},{} but got {}.",
                        word,
                        show(&expected),
                        because,
                        show(&actual)
                    ),
                    format!(
                        "Expected the actual value to be {} than or equal to {},{} but got {}.",
                        if gt { "less" } else { "greater" },
                        show(&expected),
                        because,
                        show(&actual)
                    ),
                )
            } else if a.be_in {
                let holds = items_of(&expected)
                    .iter()
                    .any(|x| ops::equals(x, &actual, false));
                (
                    holds,
                    format!(
                        "Expected collection {} to contain {},{} but it was not found.",
                        show(&expected),
                        show(&actual),
                        because
                    ),
                    format!(
                        "Expected collection {} to not contain {},{} but it was found.",
                        show(&expected),
                        show(&actual),
                        because
                    ),
                )
            } else if a.contain {
                let holds = items_of(&actual)
                    .iter()
                    .any(|x| ops::equals(x, &expected, false));
                (
                    holds,
                    format!(
                        "Expected {} to be found in collection {},{} but it was not found.",
                        show(&expected),
                        show(&actual),
                        because
                    ),
                    format!(
                        "Expected {} to not be found in collection {},{} but it was found.",
                        show(&expected),
                        show(&actual),
                        because
                    ),
                )
            } else if a.match_ {
                let pat = expected.to_display_string();
                let re = regex::RegexBuilder::new(&pat)
                    .case_insensitive(true)
                    .build()
                    .map_err(|e| {
                        cx.fail(ErrorRecord::new(
                            e.to_string(),
                            "InvalidRegex",
                            ErrorCategory::InvalidArgument,
                        ))
                    })?;
                (
                    re.is_match(&actual.to_display_string()),
                    format!(
                        "Expected regular expression '{}' to match {},{} but it did not match.",
                        pat,
                        show(&actual),
                        because
                    ),
                    format!(
                        "Expected regular expression '{}' to not match {},{} but it did match.",
                        pat,
                        show(&actual),
                        because
                    ),
                )
            } else if a.be_like {
                let pat = expected.to_display_string();
                let re = ops::wildcard_regex(&pat, false).map_err(|e| cx.fail(e))?;
                (
                    re.is_match(&actual.to_display_string()),
                    format!(
                        "Expected like wildcard '{}' to match {},{} but it did not match.",
                        pat,
                        show(&actual),
                        because
                    ),
                    format!(
                        "Expected like wildcard '{}' to not match {},{} but it did match.",
                        pat,
                        show(&actual),
                        because
                    ),
                )
            } else if a.have_count {
                let n = items_of(&actual).len();
                let want = crate::engine::convert::to_i64(&expected).map_err(|e| cx.fail(e))?;
                (i64::try_from(n).unwrap_or(i64::MAX) == want,
                 format!("Expected a collection with size {},{} but got collection with size {} {}.", want, because, n, show(&actual)),
                 format!("Expected a collection with size different from {},{} but got collection with that size {}.", want, because, show(&actual)))
            } else {
                return Err(fail(
                    "Should needs an operator, such as -Be, -BeTrue or -Throw.".into(),
                ));
            };
            if not {
                (!holds, neg)
            } else {
                (holds, pos)
            }
        };
        if ok {
            Ok(())
        } else {
            Err(fail(message))
        }
    }
}
