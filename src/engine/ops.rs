//! Operators: arithmetic with Int32 → Int64 → Double widening, comparison where the left
//! operand decides the conversion, wildcard and regex matching, -replace, -split, -join,
//! ranges, containment and -is/-as. (about_Operators, about_Comparison_Operators,
//! about_Arithmetic_Operators.)

use std::cmp::Ordering;
use std::rc::Rc;

use crate::engine::convert::{self, to_num, Num};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{Hashtable, TypeName, Value};
use crate::lang::ast::{BinOp, Case, CmpOp};

/// Compiles a .NET-style regex (case-insensitive unless `case_sensitive`).
pub fn build_regex(pattern: &str, case_sensitive: bool) -> Result<Rc<regex::Regex>, ErrorRecord> {
    regex::RegexBuilder::new(&translate_regex(pattern))
        .case_insensitive(!case_sensitive)
        .build()
        .map(Rc::new)
        .map_err(|_| {
            ErrorRecord::new(
                format!("The regular expression pattern {} is not valid.", pattern),
                "InvalidRegularExpression",
                ErrorCategory::InvalidOperation,
            )
        })
}

/// Adapts .NET regex syntax Rust's engine spells differently: named groups `(?<n>...)`
/// are accepted by both; `\Z` and `\z` map to `$`/`\z`.
fn translate_regex(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('Z') => out.push_str(r"(?:\n?\z)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub fn runtime_error(msg: impl Into<String>, id: &str) -> ErrorRecord {
    ErrorRecord::new(msg, id, ErrorCategory::InvalidOperation)
}

/// The most elements (or string bytes) one operation may make: a range, a replicated
/// array or string, a padded string. Past it the operation is an error rather than an
/// allocation that would end the process.
pub const MAX_ELEMENTS: usize = 50_000_000;

/// How many times to repeat something of `unit` elements (an array's items, a string's
/// bytes) `times` times over (a negative count is none), refused when the result would
/// pass `MAX_ELEMENTS`.
pub fn repeat_count(unit: usize, times: i64) -> Result<usize, ErrorRecord> {
    let times = usize::try_from(times.max(0)).ok();
    check_size(times.and_then(|t| unit.checked_mul(t)))?;
    Ok(times.unwrap_or(0))
}

/// Refuses a result of `count` elements (`None`: beyond counting) past `MAX_ELEMENTS`.
pub fn check_size(count: Option<usize>) -> Result<usize, ErrorRecord> {
    match count {
        Some(n) if n <= MAX_ELEMENTS => Ok(n),
        _ => Err(runtime_error(
            "The result is too large: exsh limits an array or string made by one operation to 50,000,000 elements.",
            "ResultTooLarge",
        )),
    }
}

fn divide_by_zero() -> ErrorRecord {
    let mut e = ErrorRecord::new(
        "Attempted to divide by zero.",
        "RuntimeException",
        ErrorCategory::NotSpecified,
    );
    e.exception_type = "RuntimeException".into();
    e
}

fn no_op_method(v: &Value, op: &str) -> ErrorRecord {
    let t = match v {
        Value::Object(_) => "System.Management.Automation.PSObject".to_string(),
        other => other.full_type_name(),
    };
    runtime_error(
        format!(
            "Method invocation failed because [{}] does not contain a method named '{}'.",
            t, op
        ),
        "MethodNotFound",
    )
}

fn num_arith(op: BinOp, x: Num, y: Num) -> Result<Num, ErrorRecord> {
    use Num::*;
    let both_int = !matches!(x, Double(_)) && !matches!(y, Double(_));
    if both_int {
        let a = match x {
            Int(v) => v as i64,
            Long(v) => v,
            Double(_) => 0,
        };
        let b = match y {
            Int(v) => v as i64,
            Long(v) => v,
            Double(_) => 0,
        };
        let long = matches!(x, Long(_)) || matches!(y, Long(_));
        // PowerShell's IntOps/LongOps: an Int32 result that overflows becomes a Double
        // (not an Int64); an Int64 one too.
        let fit = |r: Option<i64>, f: f64| -> Num {
            match r {
                Some(v) if !long => match i32::try_from(v) {
                    Ok(i) => Int(i),
                    Err(_) => Double(f),
                },
                Some(v) => Long(v),
                None => Double(f),
            }
        };
        return Ok(match op {
            BinOp::Add => fit(a.checked_add(b), a as f64 + b as f64),
            BinOp::Sub => fit(a.checked_sub(b), a as f64 - b as f64),
            BinOp::Mul => fit(a.checked_mul(b), a as f64 * b as f64),
            BinOp::Div => {
                if b == 0 {
                    return Err(divide_by_zero());
                }
                if a % b == 0 {
                    fit(a.checked_div(b), a as f64 / b as f64)
                } else {
                    Double(a as f64 / b as f64)
                }
            }
            BinOp::Rem => {
                if b == 0 {
                    return Err(divide_by_zero());
                }
                fit(a.checked_rem(b), 0.0)
            }
            _ => Int(0),
        });
    }
    let (a, b) = (x.as_f64(), y.as_f64());
    Ok(Double(match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::Div => {
            if b == 0.0 {
                return Err(divide_by_zero());
            }
            a / b
        }
        BinOp::Rem => {
            if b == 0.0 {
                return Err(divide_by_zero());
            }
            a % b
        }
        _ => 0.0,
    }))
}

/// `+ - * / %` on two plain numbers (Int32, Int64, Double), without the general
/// conversions; `None` for anything else or an error (the caller takes the general
/// path, which reports it). The same results as `arith`.
#[inline]
pub fn fast_num(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Rem
    ) {
        return None;
    }
    quick_binary(op, Num::of(a)?, Num::of(b)?)
}

/// An integer comparison (`-eq -ne -lt -le -gt -ge`, either case) of two Int32 or Int64
/// numbers; `None` for any other operator or a Double (the general path compares those).
#[inline]
pub fn quick_cmp(op: CmpOp, x: Num, y: Num) -> Option<bool> {
    let int = |n: Num| match n {
        Num::Int(i) => Some(i as i64),
        Num::Long(i) => Some(i),
        Num::Double(_) => None,
    };
    let (a, b) = (int(x)?, int(y)?);
    Some(match op {
        CmpOp::Eq => a == b,
        CmpOp::Ne => a != b,
        CmpOp::Lt => a < b,
        CmpOp::Le => a <= b,
        CmpOp::Gt => a > b,
        CmpOp::Ge => a >= b,
        _ => return None,
    })
}

/// A binary operator on two plain numbers read without evaluation (see
/// `Interp::quick_num`): the integer comparisons and `+ - * / %`, with the same results
/// as the general path; `None` for anything else, and for a division by zero (which the
/// general path reports).
#[inline]
pub fn quick_binary(op: BinOp, x: Num, y: Num) -> Option<Value> {
    match op {
        BinOp::Div | BinOp::Rem => num_arith(op, x, y).ok().map(Num::to_value),
        BinOp::Add | BinOp::Sub | BinOp::Mul => {
            if let (Num::Int(a), Num::Int(b)) = (x, y) {
                let r = match op {
                    BinOp::Add => a.checked_add(b),
                    BinOp::Sub => a.checked_sub(b),
                    _ => a.checked_mul(b),
                };
                if let Some(r) = r {
                    return Some(Value::Int(r));
                }
            }
            num_arith(op, x, y).ok().map(Num::to_value)
        }
        BinOp::Cmp(c, _) => quick_cmp(c, x, y).map(Value::Bool),
        _ => None,
    }
}

/// The right operand converted for arithmetic with a number on the left.
fn rhs_num(b: &Value) -> Result<Num, ErrorRecord> {
    to_num(b)
}

pub fn add(a: &Value, b: &Value) -> Result<Value, ErrorRecord> {
    match a {
        Value::Null => Ok(match b {
            Value::Array(arr) => Value::array(arr.borrow().clone()),
            other => other.clone(),
        }),
        Value::Str(s) => {
            let mut out = String::with_capacity(s.len() + 8);
            out.push_str(s);
            out.push_str(&b.to_display_string());
            Ok(Value::string(out))
        }
        Value::Char(c) if matches!(b, Value::Str(_) | Value::Char(_)) => {
            Ok(Value::string(format!("{}{}", c, b.to_display_string())))
        }
        Value::Array(arr) => {
            let arr = arr.borrow();
            let mut out = Vec::with_capacity(arr.len() + 1);
            out.extend(arr.iter().cloned());
            match b {
                Value::Array(other) => out.extend(other.borrow().iter().cloned()),
                other => out.push(other.clone()),
            }
            Ok(Value::array(out))
        }
        Value::Hashtable(h) => match b {
            Value::Hashtable(h2) => {
                let h = h.borrow();
                let mut out = Hashtable::new(h.ordered);
                for (k, v) in h.iter() {
                    out.insert(k.clone(), v.clone());
                }
                for (k, v) in h2.borrow().iter() {
                    if out.contains(k) {
                        let ks = k.to_display_string();
                        return Err(runtime_error(
                            format!("Item has already been added. Key in dictionary: '{}'  Key being added: '{}'", ks, ks),
                            "System.ArgumentException",
                        ));
                    }
                    out.insert(k.clone(), v.clone());
                }
                Ok(Value::hashtable(out))
            }
            _ => Err(runtime_error(
                "A hash table can only be added to another hash table.",
                "AddHashTableToNonHashTable",
            )),
        },
        Value::DateTime(t) => match b {
            Value::TimeSpan(d) => Ok(Value::DateTime(t + d)),
            _ => Err(no_op_method(a, "op_Addition")),
        },
        Value::TimeSpan(t) => match b {
            Value::TimeSpan(d) => Ok(Value::TimeSpan(t + d)),
            Value::DateTime(d) => Ok(Value::DateTime(t + d)),
            _ => Err(no_op_method(a, "op_Addition")),
        },
        Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Bool(_) | Value::Char(_) => {
            let x = to_num(a)?;
            let y = rhs_num(b)?;
            num_arith(BinOp::Add, x, y).map(Num::to_value)
        }
        other => Err(no_op_method(other, "op_Addition")),
    }
}

pub fn arith(op: BinOp, a: &Value, b: &Value) -> Result<Value, ErrorRecord> {
    match op {
        BinOp::Add => add(a, b),
        BinOp::Mul => mul(a, b),
        _ => {
            let name = match op {
                BinOp::Sub => "op_Subtraction",
                BinOp::Div => "op_Division",
                _ => "op_Modulus",
            };
            match (a, b) {
                (Value::DateTime(x), Value::DateTime(y)) if op == BinOp::Sub => {
                    Ok(Value::TimeSpan(x - y))
                }
                (Value::DateTime(x), Value::TimeSpan(y)) if op == BinOp::Sub => {
                    Ok(Value::DateTime(x - y))
                }
                (Value::TimeSpan(x), Value::TimeSpan(y)) if op == BinOp::Sub => {
                    Ok(Value::TimeSpan(x - y))
                }
                (
                    Value::Array(_)
                    | Value::Hashtable(_)
                    | Value::Object(_)
                    | Value::ScriptBlock(_),
                    _,
                ) => Err(no_op_method(a, name)),
                _ => {
                    let x = to_num(a)?;
                    let y = to_num(b)?;
                    num_arith(op, x, y).map(Num::to_value)
                }
            }
        }
    }
}

fn mul(a: &Value, b: &Value) -> Result<Value, ErrorRecord> {
    match a {
        Value::Null => Ok(Value::Null),
        Value::Str(s) => {
            let n = convert::to_i64(b)?;
            if n < 0 {
                return Err(runtime_error(
                    "The value must be greater than or equal to zero.",
                    "ArgumentOutOfRange",
                ));
            }
            Ok(Value::string(s.repeat(repeat_count(s.len(), n)?)))
        }
        Value::Array(arr) => {
            let arr = arr.borrow();
            let n = repeat_count(arr.len(), convert::to_i64(b)?)?;
            let mut out = Vec::with_capacity(arr.len() * n);
            for _ in 0..n {
                out.extend(arr.iter().cloned());
            }
            Ok(Value::array(out))
        }
        Value::Hashtable(_) | Value::Object(_) | Value::ScriptBlock(_) => {
            Err(no_op_method(a, "op_Multiply"))
        }
        _ => {
            let x = to_num(a)?;
            let y = to_num(b)?;
            num_arith(BinOp::Mul, x, y).map(Num::to_value)
        }
    }
}

/// Unary minus.
pub fn negate(v: &Value) -> Result<Value, ErrorRecord> {
    match v {
        Value::TimeSpan(t) => Ok(Value::TimeSpan(-t)),
        _ => num_arith(BinOp::Sub, Num::Int(0), to_num(v)?).map(Num::to_value),
    }
}

// ---- comparison ----------------------------------------------------------------------

fn str_eq(a: &str, b: &str, cs: bool) -> bool {
    if cs {
        a == b
    } else {
        a.len() == b.len() && a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
    }
}

/// Culture-like string comparison: case-insensitive by letters, lower case before upper
/// case when case-sensitive and otherwise equal.
pub fn str_cmp(a: &str, b: &str, cs: bool) -> Ordering {
    let la = a.to_lowercase();
    let lb = b.to_lowercase();
    match la.cmp(&lb) {
        Ordering::Equal if cs => {
            for (x, y) in a.chars().zip(b.chars()) {
                if x != y {
                    return if x.is_lowercase() {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    };
                }
            }
            a.len().cmp(&b.len())
        }
        o => o,
    }
}

/// `a -eq b` with `a` a scalar: the left operand decides the conversion.
pub fn equals(a: &Value, b: &Value, cs: bool) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Null, _) | (_, Value::Null) => false,
        (Value::Str(x), _) => str_eq(x, &b.to_display_string(), cs),
        (Value::Char(x), Value::Str(_) | Value::Char(_)) => {
            str_eq(&x.to_string(), &b.to_display_string(), cs)
        }
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Bool(x), _) => *x == b.truthy(),
        (Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Char(_), _) => {
            let Ok(x) = to_num(a) else { return false };
            let y = match b {
                Value::Str(s) if s.trim().is_empty() => return false,
                _ => match to_num(b) {
                    Ok(y) => y,
                    Err(_) => return false,
                },
            };
            match (x, y) {
                (Num::Int(p), Num::Int(q)) => p == q,
                (Num::Long(p), Num::Long(q)) => p == q,
                (Num::Int(p), Num::Long(q)) | (Num::Long(q), Num::Int(p)) => p as i64 == q,
                _ => x.as_f64() == y.as_f64(),
            }
        }
        (Value::DateTime(x), _) => match convert::convert_to(b, TypeName::DateTime) {
            Ok(Value::DateTime(y)) => *x == y,
            _ => false,
        },
        (Value::TimeSpan(x), _) => match convert::convert_to(b, TypeName::TimeSpan) {
            Ok(Value::TimeSpan(y)) => *x == y,
            _ => false,
        },
        (Value::Type(x), Value::Type(y)) => x == y,
        (Value::Type(x), Value::Str(s)) => TypeName::parse(s) == Some(*x),
        (Value::Regex(x), _) => x.as_str() == b.to_display_string(),
        _ => a.same_ref(b),
    }
}

/// Ordering for -lt/-gt and Sort-Object; the error is PowerShell's "Could not compare".
pub fn compare(a: &Value, b: &Value, cs: bool) -> Result<Ordering, ErrorRecord> {
    let cmp_err = |e: ErrorRecord| {
        runtime_error(
            format!(
                "Could not compare \"{}\" to \"{}\". Error: \"{}\"",
                a.to_display_string(),
                b.to_display_string(),
                e.message
            ),
            "ComparisonFailure",
        )
    };
    Ok(match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Str(x), _) => str_cmp(x, &b.to_display_string(), cs),
        (Value::Char(x), Value::Str(_) | Value::Char(_)) => {
            str_cmp(&x.to_string(), &b.to_display_string(), cs)
        }
        (Value::Bool(x), _) => x.cmp(&b.truthy()),
        (Value::DateTime(x), _) => {
            match convert::convert_to(b, TypeName::DateTime).map_err(cmp_err)? {
                Value::DateTime(y) => x.cmp(&y),
                _ => Ordering::Equal,
            }
        }
        (Value::TimeSpan(x), _) => {
            match convert::convert_to(b, TypeName::TimeSpan).map_err(cmp_err)? {
                Value::TimeSpan(y) => x.cmp(&y),
                _ => Ordering::Equal,
            }
        }
        (Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Char(_), _) => {
            let x = to_num(a).map_err(cmp_err)?;
            let y = to_num(b).map_err(cmp_err)?;
            match (x, y) {
                (Num::Int(p), Num::Int(q)) => p.cmp(&q),
                (Num::Long(p), Num::Long(q)) => p.cmp(&q),
                (Num::Int(p), Num::Long(q)) => (p as i64).cmp(&q),
                (Num::Long(p), Num::Int(q)) => p.cmp(&(q as i64)),
                _ => x
                    .as_f64()
                    .partial_cmp(&y.as_f64())
                    .unwrap_or(Ordering::Equal),
            }
        }
        _ => {
            return Err(runtime_error(
                format!(
                    "Cannot compare \"{}\" because it is not IComparable.",
                    a.to_display_string()
                ),
                "NotIcomparable",
            ))
        }
    })
}

/// Converts a PowerShell wildcard pattern to an anchored regex.
pub fn wildcard_regex(
    pattern: &str,
    case_sensitive: bool,
) -> Result<Rc<regex::Regex>, ErrorRecord> {
    let mut re = String::with_capacity(pattern.len() + 8);
    re.push('^');
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            '[' => {
                let mut class = String::new();
                let mut closed = false;
                for d in chars.by_ref() {
                    if d == ']' {
                        closed = true;
                        break;
                    }
                    class.push(d);
                }
                if closed {
                    re.push('[');
                    for d in class.chars() {
                        if matches!(d, '\\' | '^' | '[') {
                            re.push('\\');
                        }
                        re.push(d);
                    }
                    re.push(']');
                } else {
                    re.push_str(&regex::escape(&format!("[{}", class)));
                }
            }
            '`' => {
                if let Some(n) = chars.next() {
                    re.push_str(&regex::escape(&n.to_string()));
                }
            }
            other => re.push_str(&regex::escape(&other.to_string())),
        }
    }
    re.push('$');
    regex::RegexBuilder::new(&re)
        .case_insensitive(!case_sensitive)
        .dot_matches_new_line(true)
        .build()
        .map(Rc::new)
        .map_err(|_| {
            runtime_error(
                format!(
                    "The specified wildcard character pattern is not valid: {}",
                    pattern
                ),
                "WildcardPatternInvalid",
            )
        })
}

pub fn like(a: &Value, pattern: &Value, cs: bool) -> Result<bool, ErrorRecord> {
    let re = wildcard_regex(&pattern.to_display_string(), cs)?;
    Ok(re.is_match(&a.to_display_string()))
}

/// Converts a .NET replacement pattern (`$1`, `${name}`, `$$`, `$&`) to Rust's syntax.
pub fn translate_replacement(rep: &str) -> String {
    let mut out = String::with_capacity(rep.len() + 4);
    let b: Vec<char> = rep.chars().collect();
    let mut i = 0;
    while i < b.len() {
        if b[i] == '$' {
            match b.get(i + 1) {
                Some('$') => {
                    out.push_str("$$");
                    i += 2;
                }
                Some('&') => {
                    out.push_str("${0}");
                    i += 2;
                }
                Some('{') => {
                    if let Some(end) = b[i + 2..].iter().position(|c| *c == '}') {
                        let name: String = b[i + 2..i + 2 + end].iter().collect();
                        out.push_str(&format!("${{{}}}", name));
                        i += 3 + end;
                    } else {
                        out.push_str("$$");
                        i += 1;
                    }
                }
                Some(d) if d.is_ascii_digit() => {
                    let mut j = i + 1;
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    let n: String = b[i + 1..j].iter().collect();
                    out.push_str(&format!("${{{}}}", n));
                    i = j;
                }
                _ => {
                    out.push_str("$$");
                    i += 1;
                }
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

pub fn replace(input: &Value, rhs: &Value, cs: bool) -> Result<Value, ErrorRecord> {
    let (pat, rep) = match rhs {
        Value::Array(a) => {
            let a = a.borrow();
            match a.len() {
                1 => (a[0].to_display_string(), String::new()),
                2 => (a[0].to_display_string(), a[1].to_display_string()),
                _ => {
                    return Err(runtime_error(
                        "The -replace operator allows only two elements to follow it, not 3."
                            .replace('3', &a.len().to_string()),
                        "BadReplaceArgument",
                    ))
                }
            }
        }
        other => (other.to_display_string(), String::new()),
    };
    let re = build_regex(&pat, cs)?;
    let rep = translate_replacement(&rep);
    let one = |v: &Value| {
        Value::string(
            re.replace_all(&v.to_display_string(), rep.as_str())
                .into_owned(),
        )
    };
    Ok(match input {
        Value::Array(a) => Value::array(a.borrow().iter().map(one).collect()),
        other => one(other),
    })
}

pub fn split(input: &Value, rhs: Option<&Value>, cs: bool) -> Result<Value, ErrorRecord> {
    let Some(rhs) = rhs else {
        // Unary -split: on runs of white space, ignoring leading/trailing white space.
        let mut out = Vec::new();
        for item in input.enumerate() {
            for part in item.to_display_string().split_whitespace() {
                out.push(Value::str(part));
            }
        }
        return Ok(Value::array(out));
    };
    let (pat, max) = match rhs {
        Value::Array(a) => {
            let a = a.borrow();
            let pat = a.first().map(|v| v.to_display_string()).unwrap_or_default();
            let max = match a.get(1) {
                Some(v) => convert::to_i64(v)?,
                None => 0,
            };
            (pat, max)
        }
        other => (other.to_display_string(), 0),
    };
    let re = build_regex(&pat, cs)?;
    let mut out = Vec::new();
    let items = match input {
        Value::Null => vec![Value::str("")],
        other => other.enumerate(),
    };
    for item in items {
        let s = item.to_display_string();
        if max > 0 {
            for part in re.splitn(&s, max as usize) {
                out.push(Value::str(part));
            }
        } else {
            push_split_with_captures(&re, &s, &mut out);
        }
    }
    Ok(Value::array(out))
}

/// Regex.Split semantics: captured groups are included in the result.
fn push_split_with_captures(re: &regex::Regex, s: &str, out: &mut Vec<Value>) {
    let mut last = 0;
    for caps in re.captures_iter(s) {
        let Some(m) = caps.get(0) else { continue };
        if m.start() == m.end()
            && (m.start() == 0 || m.start() == s.len())
            && re.as_str().is_empty()
        {
            continue;
        }
        out.push(Value::str(&s[last..m.start()]));
        for g in caps.iter().skip(1).flatten() {
            out.push(Value::str(g.as_str()));
        }
        last = m.end();
    }
    out.push(Value::str(&s[last..]));
}

pub fn join(input: &Value, sep: &str) -> Value {
    let items = input.enumerate();
    let parts: Vec<String> = items.iter().map(|v| v.to_display_string()).collect();
    Value::string(parts.join(sep))
}

/// `-contains`: does the collection hold an element equal to `item` (element on the left)?
pub fn contains(collection: &Value, item: &Value, cs: bool) -> bool {
    match collection {
        Value::Array(a) => a.borrow().iter().any(|e| equals(e, item, cs)),
        other => equals(other, item, cs),
    }
}

/// Inclusive range; char ranges when both ends are one-character strings.
pub fn range(a: &Value, b: &Value) -> Result<Value, ErrorRecord> {
    let as_char = |v: &Value| match v {
        Value::Char(c) => Some(*c),
        Value::Str(s) if s.chars().count() == 1 && !s.chars().all(|c| c.is_ascii_digit()) => {
            s.chars().next()
        }
        _ => None,
    };
    if let (Some(x), Some(y)) = (as_char(a), as_char(b)) {
        let (x, y) = (x as u32, y as u32);
        let it: Box<dyn Iterator<Item = u32>> = if x <= y {
            Box::new(x..=y)
        } else {
            Box::new((y..=x).rev())
        };
        return Ok(Value::array(
            it.filter_map(char::from_u32).map(Value::Char).collect(),
        ));
    }
    let x = convert::to_i32(a).map_err(|_| range_error(a))?;
    let y = convert::to_i32(b).map_err(|_| range_error(b))?;
    let len = (x as i64 - y as i64).unsigned_abs() + 1;
    if len > MAX_ELEMENTS as u64 {
        return Err(runtime_error(
            "The range is too large: exsh limits ranges to 50,000,000 elements.",
            "RangeTooLarge",
        ));
    }
    let v: Vec<Value> = if x <= y {
        (x..=y).map(Value::Int).collect()
    } else {
        (y..=x).rev().map(Value::Int).collect()
    };
    Ok(Value::array(v))
}

fn range_error(v: &Value) -> ErrorRecord {
    convert::conversion_error(
        v,
        "System.Int32",
        Some(&format!(
            "The input string '{}' was not in a correct format.",
            v.to_display_string()
        )),
    )
}

/// Applies a comparison operator to a scalar left operand.
pub fn compare_scalar(op: CmpOp, case: Case, a: &Value, b: &Value) -> Result<bool, ErrorRecord> {
    let cs = case == Case::Sensitive;
    Ok(match op {
        CmpOp::Eq => equals(a, b, cs),
        CmpOp::Ne => !equals(a, b, cs),
        CmpOp::Gt => compare(a, b, cs)? == Ordering::Greater,
        CmpOp::Ge => compare(a, b, cs)? != Ordering::Less,
        CmpOp::Lt => compare(a, b, cs)? == Ordering::Less,
        CmpOp::Le => compare(a, b, cs)? != Ordering::Greater,
        CmpOp::Like => like(a, b, cs)?,
        CmpOp::NotLike => !like(a, b, cs)?,
        _ => false,
    })
}

/// -is against a type operand (a type literal or a type name string).
pub fn is_type(v: &Value, ty: &Value) -> Result<bool, ErrorRecord> {
    let t = match ty {
        Value::Type(t) => *t,
        other => {
            let name = other.to_display_string();
            match TypeName::parse(&name) {
                Some(t) => t,
                None => {
                    return Err(runtime_error(
                        format!("Unable to find type [{}].", name),
                        "TypeNotFound",
                    ))
                }
            }
        }
    };
    Ok(convert::is_type(v, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widening() {
        let max = Value::Int(i32::MAX);
        assert!(matches!(add(&max, &Value::Int(1)), Ok(Value::Double(d)) if d == 2147483648.0));
        assert!(matches!(
            arith(BinOp::Div, &Value::Int(6), &Value::Int(2)),
            Ok(Value::Int(3))
        ));
        assert!(
            matches!(arith(BinOp::Div, &Value::Int(7), &Value::Int(2)), Ok(Value::Double(d)) if d == 3.5)
        );
        assert!(arith(BinOp::Div, &Value::Int(1), &Value::Int(0)).is_err());
    }

    #[test]
    fn left_operand_decides() {
        assert!(compare_scalar(
            CmpOp::Lt,
            Case::Insensitive,
            &Value::str("10"),
            &Value::str("9")
        )
        .unwrap_or(false));
        assert!(equals(&Value::Bool(true), &Value::str("false"), false));
        assert!(equals(&Value::Int(10), &Value::str("10"), false));
        assert!(equals(&Value::str("10"), &Value::Int(10), false));
    }

    #[test]
    fn replacement_translation() {
        assert_eq!(translate_replacement("$1a"), "${1}a");
        assert_eq!(translate_replacement("$$"), "$$");
        assert_eq!(translate_replacement("${name}"), "${name}");
    }
}
