//! Composite formatting: the `-f` operator and `[string]::Format`. Items are
//! `{index[,alignment][:format]}`; `{{` and `}}` are literal braces. Numbers take .NET
//! numeric formats, dates and time spans their own, anything else its string form.

use crate::engine::value::Value;
use crate::format::{datetime, number};

const BAD_FORMAT: &str = "Input string was not in a correct format.";
const BAD_INDEX: &str =
    "Index (zero based) must be greater than or equal to zero and less than the size of the argument list.";

/// One argument formatted with a format string (`N2`, `yyyy-MM-dd`...).
pub fn format_value(v: &Value, spec: &str) -> String {
    if spec.is_empty() {
        return v.to_display_string();
    }
    match v {
        Value::DateTime(t) => datetime::format_custom(*t, spec),
        Value::TimeSpan(t) => datetime::format_timespan_with(*t, spec),
        other => number::format_number(other, spec).unwrap_or_else(|| other.to_display_string()),
    }
}

/// Formats `fmt` with `args`; the error is .NET's message.
pub fn composite_format(fmt: &str, args: &[Value]) -> Result<String, String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let err = |m: &str| format!("Error formatting a string: {}", m);
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(err(BAD_FORMAT));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        // An item: index, optional alignment, optional format, up to the closing brace.
        let mut j = i + 1;
        let mut index_s = String::new();
        while j < chars.len() && chars[j].is_ascii_digit() {
            index_s.push(chars[j]);
            j += 1;
        }
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if index_s.is_empty() {
            return Err(err(BAD_FORMAT));
        }
        let mut align: i64 = 0;
        if chars.get(j) == Some(&',') {
            j += 1;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let mut a = String::new();
            if chars.get(j) == Some(&'-') {
                a.push('-');
                j += 1;
            }
            while j < chars.len() && chars[j].is_ascii_digit() {
                a.push(chars[j]);
                j += 1;
            }
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            align = a.parse().map_err(|_| err(BAD_FORMAT))?;
        }
        let mut spec = String::new();
        if chars.get(j) == Some(&':') {
            j += 1;
            loop {
                match chars.get(j) {
                    None => return Err(err(BAD_FORMAT)),
                    Some('}') if chars.get(j + 1) == Some(&'}') => {
                        spec.push('}');
                        j += 2;
                    }
                    Some('}') => break,
                    Some('{') if chars.get(j + 1) == Some(&'{') => {
                        spec.push('{');
                        j += 2;
                    }
                    Some('{') => return Err(err(BAD_FORMAT)),
                    Some(ch) => {
                        spec.push(*ch);
                        j += 1;
                    }
                }
            }
        }
        if chars.get(j) != Some(&'}') {
            return Err(err(BAD_FORMAT));
        }
        let index: usize = index_s.parse().map_err(|_| err(BAD_INDEX))?;
        let Some(arg) = args.get(index) else {
            return Err(err(BAD_INDEX));
        };
        let text = format_value(arg, &spec);
        let width = align.unsigned_abs() as usize;
        let len = text.chars().count();
        if len < width {
            let padding = " ".repeat(width - len);
            if align < 0 {
                out.push_str(&text);
                out.push_str(&padding);
            } else {
                out.push_str(&padding);
                out.push_str(&text);
            }
        } else {
            out.push_str(&text);
        }
        i = j + 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_alignment_and_escapes() {
        let f = |s: &str, a: &[Value]| composite_format(s, a).unwrap_or_else(|e| e);
        assert_eq!(
            f("{0} and {1}", &[Value::str("a"), Value::str("b")]),
            "a and b"
        );
        assert_eq!(f("[{0,5}]", &[Value::Int(42)]), "[   42]");
        assert_eq!(f("[{0,-5}]", &[Value::Int(42)]), "[42   ]");
        assert_eq!(f("[{0,8:N2}]", &[Value::Double(3.5)]), "[    3.50]");
        assert_eq!(f("{{0}} is {0}", &[Value::str("x")]), "{0} is x");
        assert_eq!(f("Name: {0}", &[Value::Null]), "Name: ");
        assert!(composite_format("{1}", &[Value::Int(1)]).is_err());
        assert!(composite_format("{0", &[Value::Int(1)]).is_err());
        assert!(composite_format("}", &[]).is_err());
    }
}
