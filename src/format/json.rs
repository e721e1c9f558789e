//! ConvertTo-Json and ConvertFrom-Json as PowerShell 7 does them: two-space indentation,
//! `"key": value`, objects deeper than -Depth written as their string form (with a
//! warning), dates as ISO 8601; parsing makes PSCustomObjects, Int64 integers, Doubles,
//! and DateTimes from ISO 8601 strings.

use crate::engine::value::{Hashtable, PsObject, Value};
use crate::format::datetime;

/// Options of ConvertTo-Json.
#[derive(Clone, Copy, Debug)]
pub struct JsonOptions {
    pub depth: usize,
    pub compress: bool,
}

/// The JSON text and whether the depth cut anything off (the caller warns).
pub fn to_json(v: &Value, opts: JsonOptions) -> (String, bool) {
    let mut out = String::new();
    let mut truncated = false;
    write_value(&mut out, v, 0, opts, &mut truncated);
    (out, truncated)
}

fn escape(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn newline(out: &mut String, level: usize, opts: JsonOptions) {
    if !opts.compress {
        out.push('\n');
        out.push_str(&"  ".repeat(level));
    }
}

fn number(v: &Value) -> Option<String> {
    Some(match v {
        Value::Int(i) => i.to_string(),
        Value::Long(i) => i.to_string(),
        Value::Double(d) if d.is_finite() => {
            let s = crate::engine::value::format_double(*d);
            // JSON has no exponent-less huge forms issue; format_double gives E notation
            // like 1E+20, which JSON accepts.
            s
        }
        Value::Double(_) => return None,
        _ => return None,
    })
}

fn write_members<'a>(
    out: &mut String,
    members: impl Iterator<Item = (String, &'a Value)>,
    level: usize,
    opts: JsonOptions,
    truncated: &mut bool,
) {
    out.push('{');
    let mut any = false;
    for (k, val) in members {
        if any {
            out.push(',');
        }
        any = true;
        newline(out, level + 1, opts);
        escape(&k, out);
        out.push_str(if opts.compress { ":" } else { ": " });
        write_value(out, val, level + 1, opts, truncated);
    }
    if any {
        newline(out, level, opts);
    }
    out.push('}');
}

fn write_value(out: &mut String, v: &Value, level: usize, opts: JsonOptions, truncated: &mut bool) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(_) | Value::Long(_) | Value::Double(_) => match number(v) {
            Some(n) => out.push_str(&n),
            None => out.push_str("null"),
        },
        Value::Str(s) => escape(s, out),
        Value::Char(c) => escape(&c.to_string(), out),
        Value::DateTime(t) => escape(
            &datetime::format_custom(*t, "yyyy-MM-ddTHH:mm:ss.FFFFFFF"),
            out,
        ),
        Value::Array(a) => {
            if level >= opts.depth + 1 {
                *truncated = true;
                escape(&v.to_display_string(), out);
                return;
            }
            let items = a.borrow().clone();
            out.push('[');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, level + 1, opts);
                write_value(out, it, level + 1, opts, truncated);
            }
            if !items.is_empty() {
                newline(out, level, opts);
            }
            out.push(']');
        }
        Value::Hashtable(h) => {
            if level > opts.depth {
                *truncated = true;
                escape(&v.to_display_string(), out);
                return;
            }
            let entries: Vec<(String, Value)> = h
                .borrow()
                .iter()
                .map(|(k, v)| (k.to_display_string(), v.clone()))
                .collect();
            write_members(
                out,
                entries.iter().map(|(k, v)| (k.clone(), v)),
                level,
                opts,
                truncated,
            );
        }
        Value::Object(o) => {
            if level > opts.depth {
                *truncated = true;
                escape(&v.to_display_string(), out);
                return;
            }
            let props: Vec<(String, Value)> = o
                .borrow()
                .iter()
                .filter(|(k, _)| !k.starts_with("__"))
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect();
            if props.is_empty() {
                escape(&v.to_display_string(), out);
                return;
            }
            write_members(
                out,
                props.iter().map(|(k, v)| (k.clone(), v)),
                level,
                opts,
                truncated,
            );
        }
        other => escape(&other.to_display_string(), out),
    }
}

/// Parses JSON text into shell values; the error is serde's message with its position.
pub fn from_json(text: &str, as_hashtable: bool) -> Result<Value, String> {
    let j: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    Ok(convert(&j, as_hashtable))
}

/// `2024-01-15T10:30:00`, optionally with fractions and a zone: PowerShell 7 reads such
/// strings as dates.
fn iso_date(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (y, mo, d, h, mi, se) = (
        num(0..4)?,
        num(5..7)?,
        num(8..10)?,
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
    );
    let rest = &s[19..];
    let (frac_s, zone) = match rest.strip_prefix('.') {
        Some(r) => {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            (&r[..n], &r[n..])
        }
        None => ("", rest),
    };
    if !(zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6 && (zone.starts_with('+') || zone.starts_with('-'))))
    {
        return None;
    }
    if !(1..=12).contains(&mo) || d == 0 || d > 31 || h > 23 || mi > 59 || se > 59 {
        return None;
    }
    let mut frac = 0u32;
    for (i, c) in frac_s.chars().take(7).enumerate() {
        frac += c.to_digit(10)? * 10u32.pow(6 - i as u32);
    }
    Some(datetime::from_civil(datetime::Civil {
        year: i64::from(y),
        month: mo,
        day: d,
        hour: h,
        minute: mi,
        second: se,
        frac,
    }))
}

fn convert(j: &serde_json::Value, as_hashtable: bool) -> Value {
    match j {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Long(i)
            } else {
                Value::Double(n.as_f64().unwrap_or(0.0))
            }
        }
        serde_json::Value::String(s) => match iso_date(s) {
            Some(t) => Value::DateTime(t),
            None => Value::string(s.clone()),
        },
        serde_json::Value::Array(a) => {
            Value::array(a.iter().map(|x| convert(x, as_hashtable)).collect())
        }
        serde_json::Value::Object(m) => {
            if as_hashtable {
                let mut h = Hashtable::new(true);
                for (k, v) in m {
                    h.insert(Value::string(k.clone()), convert(v, as_hashtable));
                }
                Value::hashtable(h)
            } else {
                let mut o = PsObject::new();
                for (k, v) in m {
                    o.set(k, convert(v, as_hashtable));
                }
                Value::object(o)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indented_and_compressed() {
        let mut h = Hashtable::new(true);
        h.insert(Value::str("a"), Value::Int(1));
        h.insert(Value::str("b"), Value::array(vec![Value::str("x")]));
        let v = Value::hashtable(h);
        let (s, _) = to_json(
            &v,
            JsonOptions {
                depth: 2,
                compress: false,
            },
        );
        assert_eq!(s, "{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}");
        let (c, _) = to_json(
            &v,
            JsonOptions {
                depth: 2,
                compress: true,
            },
        );
        assert_eq!(c, "{\"a\":1,\"b\":[\"x\"]}");
    }

    #[test]
    fn parses_objects_and_dates() {
        let v = from_json("{\"n\":1,\"d\":\"2024-01-15T10:30:00\"}", false).unwrap_or_default();
        let Value::Object(o) = v else {
            panic!("not an object")
        };
        assert!(matches!(o.borrow().get("n"), Some(Value::Long(1))));
        assert!(matches!(o.borrow().get("d"), Some(Value::DateTime(_))));
        assert!(from_json("{", false).is_err());
    }
}
