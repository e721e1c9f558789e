//! .NET numeric format strings in the invariant culture, as `-f`, `[string]::Format` and
//! `.ToString('N2')` use them: the standard formats (C, D, E, F, G, N, P, R, X with an
//! optional precision) and custom ones (`0`, `#`, `.`, `,`, `%`, quoted literals, `;`
//! sections). Midpoints round away from zero, as .NET Core 3.0+ does for these formats.

use crate::engine::value::{format_double, Value};

/// A number as the formatter sees it.
#[derive(Clone, Copy, Debug)]
enum Num {
    Int(i128),
    Float(f64),
}

fn num_of(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(i128::from(*i))),
        Value::Long(i) => Some(Num::Int(i128::from(*i))),
        Value::Double(d) => Some(Num::Float(*d)),
        Value::Bool(_) | Value::Str(_) | Value::Null => None,
        _ => None,
    }
}

fn as_f64(n: Num) -> f64 {
    match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    }
}

/// Rounds half away from zero to `digits` decimals and returns the digits as text
/// (integer part, fraction part) for a non-negative value.
fn fixed_parts(x: f64, digits: usize) -> (String, String) {
    let s = format!("{:.*}", digits + 3, x.abs());
    // Decimal rounding on the text avoids binary artefacts for typical inputs.
    let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
    let mut all: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    let keep = int_part.len() + digits;
    let round_up = all.get(keep).is_some_and(|d| *d >= b'5');
    all.truncate(keep);
    if round_up {
        let mut i = all.len();
        loop {
            if i == 0 {
                all.insert(0, b'1');
                break;
            }
            i -= 1;
            if all[i] == b'9' {
                all[i] = b'0';
            } else {
                all[i] += 1;
                break;
            }
        }
    }
    let split = all.len() - digits;
    let int_s = String::from_utf8_lossy(&all[..split]).to_string();
    let frac_s = String::from_utf8_lossy(&all[split..]).to_string();
    let int_s = int_s.trim_start_matches('0').to_string();
    (if int_s.is_empty() { "0".into() } else { int_s }, frac_s)
}

fn group3(int_part: &str) -> String {
    let bytes = int_part.as_bytes();
    let mut out = String::new();
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(*b as char);
    }
    out
}

fn is_negative(n: Num) -> bool {
    match n {
        Num::Int(i) => i < 0,
        Num::Float(f) => f < 0.0,
    }
}

fn standard(n: Num, kind: char, precision: Option<usize>) -> Option<String> {
    let neg = is_negative(n);
    let sign = |s: String, zero: bool| if neg && !zero { format!("-{}", s) } else { s };
    let is_zero = |int_s: &str, frac_s: &str| {
        int_s.chars().all(|c| c == '0') && frac_s.chars().all(|c| c == '0')
    };
    Some(match kind.to_ascii_uppercase() {
        'N' => {
            let (i, f) = fixed_parts(as_f64(n), precision.unwrap_or(2));
            let z = is_zero(&i, &f);
            let body = if f.is_empty() {
                group3(&i)
            } else {
                format!("{}.{}", group3(&i), f)
            };
            sign(body, z)
        }
        'F' => {
            let (i, f) = fixed_parts(as_f64(n), precision.unwrap_or(2));
            let z = is_zero(&i, &f);
            let body = if f.is_empty() {
                i
            } else {
                format!("{}.{}", i, f)
            };
            sign(body, z)
        }
        'P' => {
            let (i, f) = fixed_parts(as_f64(n) * 100.0, precision.unwrap_or(2));
            let z = is_zero(&i, &f);
            let body = if f.is_empty() {
                group3(&i)
            } else {
                format!("{}.{}", group3(&i), f)
            };
            sign(format!("{} %", body), z)
        }
        'C' => {
            let (i, f) = fixed_parts(as_f64(n), precision.unwrap_or(2));
            let z = is_zero(&i, &f);
            let body = if f.is_empty() {
                group3(&i)
            } else {
                format!("{}.{}", group3(&i), f)
            };
            // The invariant culture's currency: ¤1,234.50, negative (¤1,234.50).
            if neg && !z {
                format!("(¤{})", body)
            } else {
                format!("¤{}", body)
            }
        }
        'D' => {
            let Num::Int(i) = n else { return None };
            let digits = i.unsigned_abs().to_string();
            let width = precision.unwrap_or(0);
            let padded = format!("{:0>w$}", digits, w = width);
            if i < 0 {
                format!("-{}", padded)
            } else {
                padded
            }
        }
        'X' => {
            let Num::Int(i) = n else { return None };
            // Negative values print their two's complement at the value's own width.
            let bits = if i < 0 {
                (i as i64 as u64) as u128
            } else {
                i as u128
            };
            let mut s = if i < 0 && i >= i128::from(i32::MIN) {
                format!("{:X}", bits as u32)
            } else {
                format!("{:X}", bits)
            };
            if kind == 'x' {
                s = s.to_lowercase();
            }
            format!("{:0>w$}", s, w = precision.unwrap_or(0))
        }
        'E' => {
            let p = precision.unwrap_or(6);
            let x = as_f64(n);
            let s = format!("{:.*e}", p, x.abs());
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i32 = exp.parse().unwrap_or(0);
            let letter = if kind == 'e' { 'e' } else { 'E' };
            let body = format!(
                "{}{}{}{:03}",
                mant,
                letter,
                if e < 0 { '-' } else { '+' },
                e.abs()
            );
            sign(body, x == 0.0)
        }
        'G' | 'R' => match (n, precision) {
            (Num::Int(i), _) => i.to_string(),
            (Num::Float(f), None) => format_double(f),
            (Num::Float(f), Some(p)) => {
                let s = format!("{:.*e}", p.saturating_sub(1), f);
                let v: f64 = s.parse().unwrap_or(f);
                format_double(v)
            }
        },
        _ => return None,
    })
}

/// A custom numeric format (`0.00`, `#,##0`, `0.0%`, `'x'0`, `pos;neg;zero`).
fn custom(n: Num, fmt: &str) -> String {
    // Sections: positive;negative;zero.
    let sections: Vec<&str> = split_sections(fmt);
    let x = as_f64(n);
    let (section, use_abs) = match sections.len() {
        0 | 1 => (fmt, false),
        2 => {
            if x < 0.0 {
                (sections[1], true)
            } else {
                (sections[0], false)
            }
        }
        _ => {
            if x == 0.0 {
                (sections[2], false)
            } else if x < 0.0 {
                (sections[1], true)
            } else {
                (sections[0], false)
            }
        }
    };
    let mut value = if use_abs { x.abs() } else { x };
    // Parse the pattern.
    let chars: Vec<char> = section.chars().collect();
    let mut percent = false;
    let mut int_digits = 0usize; // placeholders before the point
    let mut int_zeros = 0usize; // of which '0'
    let mut frac_zeros = 0usize;
    let mut frac_hashes = 0usize;
    let mut grouping = false;
    let mut seen_point = false;
    let mut scale_commas = 0usize;
    let mut prefix = String::new();
    let mut suffix = String::new();
    let mut seen_digit = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let lit = |s: &mut String, prefix: &mut String, seen: bool, text: &str| {
            if seen {
                s.push_str(text)
            } else {
                prefix.push_str(text)
            }
        };
        match c {
            '0' | '#' => {
                seen_digit = true;
                if seen_point {
                    if c == '0' {
                        frac_zeros += 1 + frac_hashes;
                        frac_hashes = 0;
                    } else {
                        frac_hashes += 1;
                    }
                } else {
                    int_digits += 1;
                    if c == '0' || int_zeros > 0 {
                        int_zeros += 1;
                    }
                    if scale_commas > 0 {
                        grouping = true;
                        scale_commas = 0;
                    }
                }
            }
            '.' => seen_point = true,
            ',' => {
                if seen_digit && !seen_point {
                    scale_commas += 1;
                }
            }
            '%' => {
                percent = true;
                lit(&mut suffix, &mut prefix, seen_digit, "%");
            }
            '\'' | '"' => {
                let mut j = i + 1;
                let mut text = String::new();
                while j < chars.len() && chars[j] != c {
                    text.push(chars[j]);
                    j += 1;
                }
                lit(&mut suffix, &mut prefix, seen_digit, &text);
                i = j;
            }
            '\\' => {
                if let Some(nc) = chars.get(i + 1) {
                    lit(&mut suffix, &mut prefix, seen_digit, &nc.to_string());
                    i += 1;
                }
            }
            other => lit(&mut suffix, &mut prefix, seen_digit, &other.to_string()),
        }
        i += 1;
    }
    // Commas right before the point (or end) scale by 1000 each.
    for _ in 0..scale_commas {
        value /= 1000.0;
    }
    if percent {
        value *= 100.0;
    }
    let _ = int_digits;
    let decimals = frac_zeros + frac_hashes;
    let (int_s, frac_s) = fixed_parts(value, decimals);
    let mut frac = frac_s;
    while frac.len() > frac_zeros && frac.ends_with('0') {
        frac.pop();
    }
    let mut int_s = if int_s == "0" && int_zeros == 0 {
        String::new()
    } else {
        int_s
    };
    if int_s.len() < int_zeros {
        int_s = format!("{:0>w$}", int_s, w = int_zeros);
    }
    if grouping {
        int_s = group3(&int_s);
    }
    let mut body = int_s;
    if !frac.is_empty() {
        body.push('.');
        body.push_str(&frac);
    }
    let negative = value < 0.0 && !use_abs && body.chars().any(|c| c.is_ascii_digit() && c != '0');
    let body = body.trim_start_matches('-').to_string();
    format!(
        "{}{}{}{}",
        if negative { "-" } else { "" },
        prefix,
        body,
        suffix
    )
}

fn split_sections(fmt: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quote: Option<char> = None;
    for (i, c) in fmt.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, ';') => {
                out.push(&fmt[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&fmt[start..]);
    out
}

/// Formats a number with a .NET format string; `None` when `v` is not a number (the
/// caller then uses its plain string) or the format is not numeric.
pub fn format_number(v: &Value, spec: &str) -> Option<String> {
    let n = num_of(v)?;
    if spec.is_empty() {
        return None;
    }
    let mut chars = spec.chars();
    let first = chars.next()?;
    let rest: String = chars.collect();
    if first.is_ascii_alphabetic() && (rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit()))
    {
        let precision = if rest.is_empty() {
            None
        } else {
            rest.parse().ok()
        };
        if let Some(s) = standard(n, first, precision) {
            return Some(s);
        }
        // `D` and `X` of a Double are a FormatException in .NET.
        if matches!(first.to_ascii_uppercase(), 'D' | 'X') {
            return None;
        }
    }
    Some(custom(n, spec))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(v: Value, s: &str) -> String {
        format_number(&v, s).unwrap_or_default()
    }

    #[test]
    fn standard_formats() {
        assert_eq!(f(Value::Double(1234.5), "N2"), "1,234.50");
        assert_eq!(f(Value::Int(1234567), "N0"), "1,234,567");
        assert_eq!(f(Value::Int(7), "D3"), "007");
        assert_eq!(f(Value::Int(-7), "D3"), "-007");
        assert_eq!(f(Value::Int(2), "F2"), "2.00");
        assert_eq!(f(Value::Double(3.14159), "F1"), "3.1");
        assert_eq!(f(Value::Int(255), "X"), "FF");
        assert_eq!(f(Value::Int(255), "x4"), "00ff");
        assert_eq!(f(Value::Int(-1), "X"), "FFFFFFFF");
        assert_eq!(f(Value::Double(0.256), "P1"), "25.6 %");
        assert_eq!(f(Value::Double(1234.5), "C"), "¤1,234.50");
        assert_eq!(f(Value::Double(1234.5678), "E2"), "1.23E+003");
        assert_eq!(f(Value::Double(2.5), "F0"), "3");
        assert_eq!(f(Value::Double(-0.001), "F2"), "0.00");
    }

    #[test]
    fn custom_formats() {
        assert_eq!(f(Value::Double(3.14159), "0.00"), "3.14");
        assert_eq!(f(Value::Double(1234.5), "#,##0.0"), "1,234.5");
        assert_eq!(f(Value::Int(5), "000"), "005");
        assert_eq!(f(Value::Double(0.5), "0%"), "50%");
        assert_eq!(f(Value::Double(1.5), "#.##"), "1.5");
        assert_eq!(f(Value::Int(1234567), "#,##0,K"), "1,235K");
        assert_eq!(f(Value::Int(-5), "0;(0)"), "(5)");
        assert_eq!(f(Value::Int(0), "0;(0);'zero'"), "zero");
        assert_eq!(f(Value::Double(-2.5), "0.0"), "-2.5");
    }
}
