//! PowerShell's conversions (LanguagePrimitives): to numbers, strings, booleans, and to
//! the type literals exsh knows, with PowerShell's error messages.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{ArrayKind, Hashtable, PsObject, TypeName, Value};
use crate::format::datetime;

/// A number after conversion.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Num {
    Int(i32),
    Long(i64),
    Double(f64),
}

impl Num {
    /// A plain number value (Int32, Int64, Double) as it is; `None` for anything else
    /// (no conversion).
    #[inline]
    pub fn of(v: &Value) -> Option<Num> {
        match v {
            Value::Int(i) => Some(Num::Int(*i)),
            Value::Long(i) => Some(Num::Long(*i)),
            Value::Double(d) => Some(Num::Double(*d)),
            _ => None,
        }
    }

    pub fn to_value(self) -> Value {
        match self {
            Num::Int(i) => Value::Int(i),
            Num::Long(i) => Value::Long(i),
            Num::Double(d) => Value::Double(d),
        }
    }
    pub fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Long(i) => i as f64,
            Num::Double(d) => d,
        }
    }
    /// Narrows a 64-bit result to Int32 when it fits.
    pub fn from_i64(i: i64) -> Num {
        match i32::try_from(i) {
            Ok(v) => Num::Int(v),
            Err(_) => Num::Long(i),
        }
    }
}

/// The error PowerShell gives for a failed conversion.
pub fn conversion_error(v: &Value, target: &str, detail: Option<&str>) -> ErrorRecord {
    let shown = match v {
        Value::Null => "null".to_string(),
        other => other.to_display_string(),
    };
    let msg = match detail {
        Some(d) => format!(
            "Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
            shown, target, d
        ),
        None => format!(
            "Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".",
            shown,
            v.full_type_name(),
            target
        ),
    };
    let mut e = ErrorRecord::new(
        msg,
        "InvalidCastConstructorException",
        ErrorCategory::InvalidArgument,
    );
    if detail.is_some() {
        e.fully_qualified_error_id = "InvalidCastFromStringToInteger".into();
    }
    e.exception_type = "PSInvalidCastException".into();
    e
}

/// Parses a number the way PowerShell does for a string operand: surrounding white space
/// is allowed, hex `0x`, exponents, decimals, and the multipliers kb/mb/gb/tb/pb.
pub fn parse_number(s: &str) -> Option<Num> {
    let t = s.trim();
    if t.is_empty() {
        return None;
    }
    let (neg, body) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if body.is_empty() {
        return None;
    }
    let lower = body.to_ascii_lowercase();
    let (lower, mult) = ["kb", "mb", "gb", "tb", "pb"]
        .iter()
        .enumerate()
        .find_map(|(i, suf)| {
            lower
                .strip_suffix(suf)
                .map(|rest| (rest.to_string(), 1i64 << (10 * (i + 1))))
        })
        .unwrap_or((lower.clone(), 1));
    let (lower, long_suffix) = match lower.strip_suffix('l') {
        Some(rest) if !rest.starts_with("0x") || !rest.is_empty() => (rest.to_string(), true),
        _ => (lower, false),
    };
    if let Some(hex) = lower.strip_prefix("0x") {
        if hex.is_empty() || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = i64::from_str_radix(hex, 16).ok()?;
        // 0xFFFFFFFF is -1 as an Int32, as in PowerShell.
        let v = if hex.len() <= 8 && !long_suffix {
            v as u32 as i32 as i64
        } else {
            v
        };
        let v = if neg { -v } else { v };
        return Some(scale(Num::from_i64(v), mult, long_suffix));
    }
    if lower.chars().all(|c| c.is_ascii_digit()) {
        return match lower.parse::<i64>() {
            Ok(v) => {
                let v = if neg { -v } else { v };
                Some(scale(Num::from_i64(v), mult, long_suffix))
            }
            Err(_) => {
                let d: f64 = lower.parse().ok()?;
                Some(Num::Double(if neg { -d } else { d } * mult as f64))
            }
        };
    }
    // Decimal or exponent forms; reject things Rust accepts but .NET does not.
    if lower.contains("inf") || lower.contains("nan") {
        return None;
    }
    if !lower
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-'))
    {
        return None;
    }
    let d: f64 = lower.parse().ok()?;
    let d = if neg { -d } else { d };
    Some(Num::Double(d * mult as f64))
}

fn scale(n: Num, mult: i64, long: bool) -> Num {
    let n = match n {
        Num::Int(i) => match (i as i64).checked_mul(mult) {
            Some(v) => Num::from_i64(v),
            None => Num::Double(i as f64 * mult as f64),
        },
        Num::Long(i) => match i.checked_mul(mult) {
            Some(v) => Num::Long(v),
            None => Num::Double(i as f64 * mult as f64),
        },
        d => d,
    };
    match (n, long) {
        (Num::Int(i), true) => Num::Long(i as i64),
        (n, _) => n,
    }
}

/// Converts a value to a number for arithmetic (`$null` and `''` are 0).
pub fn to_num(v: &Value) -> Result<Num, ErrorRecord> {
    match v {
        Value::Null => Ok(Num::Int(0)),
        Value::Int(i) => Ok(Num::Int(*i)),
        Value::Long(i) => Ok(Num::Long(*i)),
        Value::Double(d) => Ok(Num::Double(*d)),
        Value::Bool(b) => Ok(Num::Int(*b as i32)),
        Value::Char(c) => Ok(Num::Int(*c as i32)),
        Value::Str(s) => {
            if s.trim().is_empty() {
                return Ok(Num::Int(0));
            }
            parse_number(s).ok_or_else(|| {
                conversion_error(
                    v,
                    "System.Int32",
                    Some(&format!(
                        "The input string '{}' was not in a correct format.",
                        s
                    )),
                )
            })
        }
        Value::Array(a) => {
            let a = a.borrow();
            if a.len() == 1 {
                to_num(&a[0])
            } else {
                Err(conversion_error(v, "System.Int32", None))
            }
        }
        Value::TimeSpan(t) => Ok(Num::Long(*t)),
        Value::DateTime(t) => Ok(Num::Long(*t)),
        other => Err(conversion_error(other, "System.Int32", None)),
    }
}

/// Rounds half to even, as .NET's Convert.ToInt32 and PowerShell's [int] cast do.
pub fn round_half_even(d: f64) -> f64 {
    let r = d.round();
    if (d - d.trunc()).abs() == 0.5 {
        2.0 * (d / 2.0).round()
    } else {
        r
    }
}

pub fn to_i64(v: &Value) -> Result<i64, ErrorRecord> {
    match to_num(v)? {
        Num::Int(i) => Ok(i as i64),
        Num::Long(i) => Ok(i),
        Num::Double(d) => {
            let r = round_half_even(d);
            if r.is_finite() && r >= i64::MIN as f64 && r <= i64::MAX as f64 {
                Ok(r as i64)
            } else {
                Err(conversion_error(
                    v,
                    "System.Int64",
                    Some("Value was either too large or too small for an Int64."),
                ))
            }
        }
    }
}

pub fn to_i32(v: &Value) -> Result<i32, ErrorRecord> {
    let detail_err = |v: &Value| {
        conversion_error(
            v,
            "System.Int32",
            Some("Value was either too large or too small for an Int32."),
        )
    };
    match to_num(v)? {
        Num::Int(i) => Ok(i),
        Num::Long(i) => i32::try_from(i).map_err(|_| detail_err(v)),
        Num::Double(d) => {
            let r = round_half_even(d);
            if r.is_finite() && r >= i32::MIN as f64 && r <= i32::MAX as f64 {
                Ok(r as i32)
            } else {
                Err(detail_err(v))
            }
        }
    }
}

pub fn to_f64(v: &Value) -> Result<f64, ErrorRecord> {
    to_num(v).map(Num::as_f64).map_err(|mut e| {
        e.message = e.message.replace("System.Int32", "System.Double");
        e
    })
}

/// `[string]` conversion with the given output field separator for arrays.
pub fn to_string(v: &Value, ofs: &str) -> String {
    v.to_string_with_ofs(ofs)
}

/// Converts to a type literal's type (`[int]$x`, parameter binding).
pub fn convert_to(v: &Value, ty: TypeName) -> Result<Value, ErrorRecord> {
    Ok(match ty {
        TypeName::Int => Value::Int(to_i32(v)?),
        TypeName::Long => Value::Long(to_i64(v)?),
        TypeName::Byte => {
            let i = to_i64(v)?;
            if !(0..=255).contains(&i) {
                return Err(conversion_error(
                    v,
                    "System.Byte",
                    Some("Value was either too large or too small for an unsigned byte."),
                ));
            }
            Value::Int(i as i32)
        }
        TypeName::Double | TypeName::Decimal => match v {
            Value::Str(s) if !s.trim().is_empty() => match parse_number(s) {
                Some(n) => Value::Double(n.as_f64()),
                None => {
                    return Err(conversion_error(
                        v,
                        &ty.full_name(),
                        Some(&format!(
                            "The input string '{}' was not in a correct format.",
                            s
                        )),
                    ))
                }
            },
            _ => Value::Double(to_f64(v)?),
        },
        TypeName::String => match v {
            Value::Null => Value::str(""),
            Value::Str(_) => v.clone(),
            other => Value::string(other.to_display_string()),
        },
        TypeName::Bool | TypeName::Switch => Value::Bool(v.truthy()),
        TypeName::Char => match v {
            Value::Char(_) => v.clone(),
            Value::Str(s) if s.chars().count() == 1 => {
                Value::Char(s.chars().next().unwrap_or('\0'))
            }
            Value::Int(_) | Value::Long(_) | Value::Double(_) => {
                let code = to_i64(v)?;
                match u32::try_from(code).ok().and_then(char::from_u32) {
                    Some(c) => Value::Char(c),
                    None => return Err(conversion_error(v, "System.Char", None)),
                }
            }
            other => {
                return Err(conversion_error(
                    other,
                    "System.Char",
                    Some("String must be exactly one character long."),
                ))
            }
        },
        TypeName::Array | TypeName::Object if matches!(ty, TypeName::Array) => match v {
            Value::Array(_) => v.clone(),
            Value::Null => Value::array(Vec::new()),
            other => Value::array(vec![other.clone()]),
        },
        TypeName::StringArray => {
            let items = match v {
                Value::Null => Vec::new(),
                other => other.enumerate(),
            };
            Value::array_of(
                items
                    .iter()
                    .map(|x| Value::string(x.to_display_string()))
                    .collect(),
                ArrayKind::Strings,
            )
        }
        TypeName::ArrayList | TypeName::List => {
            // A cast copies the elements into a new collection.
            let items = match v {
                Value::Null => Vec::new(),
                other => other.enumerate(),
            };
            let kind = if ty == TypeName::ArrayList {
                ArrayKind::ArrayList
            } else {
                ArrayKind::List
            };
            Value::array_of(items, kind)
        }
        TypeName::IntArray => {
            let items = match v {
                Value::Null => Vec::new(),
                other => other.enumerate(),
            };
            let mut out = Vec::with_capacity(items.len());
            for x in &items {
                out.push(Value::Int(to_i32(x)?));
            }
            Value::array_of(out, ArrayKind::Ints)
        }
        TypeName::Hashtable | TypeName::Ordered => match v {
            Value::Hashtable(_) => v.clone(),
            Value::Object(o) => {
                let mut h = Hashtable::new(matches!(ty, TypeName::Ordered));
                for (k, val) in o.borrow().iter() {
                    h.insert(Value::Str(k.clone()), val.clone());
                }
                Value::hashtable(h)
            }
            other => return Err(conversion_error(other, &ty.full_name(), None)),
        },
        TypeName::PsCustomObject | TypeName::PsObject => match v {
            Value::Hashtable(h) => {
                let mut o = PsObject::new();
                for (k, val) in h.borrow().iter() {
                    o.set(&k.to_display_string(), val.clone());
                }
                Value::object(o)
            }
            other => other.clone(),
        },
        TypeName::DateTime => match v {
            Value::DateTime(_) => v.clone(),
            Value::Str(s) => match parse_datetime(s) {
                Some(t) => Value::DateTime(t),
                None => {
                    return Err(conversion_error(
                        v,
                        "System.DateTime",
                        Some(&format!(
                            "String '{}' was not recognized as a valid DateTime.",
                            s
                        )),
                    ))
                }
            },
            Value::Int(_) | Value::Long(_) => Value::DateTime(to_i64(v)?),
            other => return Err(conversion_error(other, "System.DateTime", None)),
        },
        TypeName::TimeSpan => match v {
            Value::TimeSpan(_) => v.clone(),
            Value::Str(s) => match parse_timespan(s) {
                Some(t) => Value::TimeSpan(t),
                None => {
                    return Err(conversion_error(
                        v,
                        "System.TimeSpan",
                        Some(&format!(
                            "String '{}' was not recognized as a valid TimeSpan.",
                            s
                        )),
                    ))
                }
            },
            Value::Int(_) | Value::Long(_) => Value::TimeSpan(to_i64(v)?),
            other => return Err(conversion_error(other, "System.TimeSpan", None)),
        },
        TypeName::Regex => match v {
            Value::Regex(_) => v.clone(),
            other => {
                let pat = other.to_display_string();
                match crate::engine::ops::build_regex(&pat, false) {
                    Ok(r) => Value::Regex(r),
                    Err(e) => return Err(e),
                }
            }
        },
        TypeName::ScriptBlock => match v {
            Value::ScriptBlock(_) => v.clone(),
            other => return Err(conversion_error(other, &ty.full_name(), None)),
        },
        TypeName::Object | TypeName::Void => v.clone(),
        _ => return Err(conversion_error(v, &ty.full_name(), None)),
    })
}

/// True when `v` already is of type `ty` (`-is`).
pub fn is_type(v: &Value, ty: TypeName) -> bool {
    match ty {
        TypeName::Object | TypeName::PsObject => !v.is_null(),
        TypeName::Int => matches!(v, Value::Int(_)),
        TypeName::Long => matches!(v, Value::Long(_)),
        TypeName::Double | TypeName::Decimal => matches!(v, Value::Double(_)),
        TypeName::String => matches!(v, Value::Str(_)),
        TypeName::Bool | TypeName::Switch => matches!(v, Value::Bool(_)),
        TypeName::Char => matches!(v, Value::Char(_)),
        TypeName::Array => matches!(v, Value::Array(a) if !a.kind().resizable()),
        TypeName::StringArray => matches!(v, Value::Array(a) if a.kind() == ArrayKind::Strings),
        TypeName::IntArray => matches!(v, Value::Array(a) if a.kind() == ArrayKind::Ints),
        TypeName::ArrayList => matches!(v, Value::Array(a) if a.kind() == ArrayKind::ArrayList),
        TypeName::List => matches!(v, Value::Array(a) if a.kind() == ArrayKind::List),
        TypeName::Hashtable => matches!(v, Value::Hashtable(h) if !h.borrow().ordered),
        TypeName::Ordered => matches!(v, Value::Hashtable(h) if h.borrow().ordered),
        TypeName::PsCustomObject => matches!(v, Value::Object(_)),
        TypeName::DateTime => matches!(v, Value::DateTime(_)),
        TypeName::TimeSpan => matches!(v, Value::TimeSpan(_)),
        TypeName::Regex => matches!(v, Value::Regex(_)),
        TypeName::ScriptBlock => matches!(v, Value::ScriptBlock(_)),
        TypeName::ErrorRecord => matches!(v, Value::Error(_)),
        _ => false,
    }
}

/// Parses the date forms the invariant culture accepts: `yyyy-MM-dd[ HH:mm[:ss]]`,
/// ISO 8601 with `T`, and `MM/dd/yyyy[ HH:mm[:ss]]` (optionally with AM/PM).
pub fn parse_datetime(s: &str) -> Option<i64> {
    let t = s.trim();
    let t = t.strip_suffix('Z').unwrap_or(t);
    let (date, time) = match t.find(['T', ' ']) {
        Some(i) => (&t[..i], t[i + 1..].trim()),
        None => (t, ""),
    };
    let (year, month, day) = if date.contains('-') {
        let p: Vec<&str> = date.split('-').collect();
        if p.len() != 3 {
            return None;
        }
        (
            p[0].parse::<i64>().ok()?,
            p[1].parse::<u32>().ok()?,
            p[2].parse::<u32>().ok()?,
        )
    } else if date.contains('/') {
        let p: Vec<&str> = date.split('/').collect();
        if p.len() != 3 {
            return None;
        }
        (
            p[2].parse::<i64>().ok()?,
            p[0].parse::<u32>().ok()?,
            p[1].parse::<u32>().ok()?,
        )
    } else {
        return None;
    };
    if !(1..=12).contains(&month) || day == 0 || day > datetime::days_in_month(year, month) {
        return None;
    }
    let (mut hour, mut minute, mut second, mut frac) = (0u32, 0u32, 0u32, 0u32);
    if !time.is_empty() {
        let upper = time.to_ascii_uppercase();
        let (clock, ampm) = if let Some(r) = upper.strip_suffix("PM") {
            (r.trim().to_string(), Some(true))
        } else if let Some(r) = upper.strip_suffix("AM") {
            (r.trim().to_string(), Some(false))
        } else {
            (upper.clone(), None)
        };
        let parts: Vec<&str> = clock.split(':').collect();
        if parts.len() < 2 || parts.len() > 3 {
            return None;
        }
        hour = parts[0].parse().ok()?;
        minute = parts[1].parse().ok()?;
        if let Some(sec) = parts.get(2) {
            let (whole, f) = sec.split_once('.').unwrap_or((sec, ""));
            second = whole.parse().ok()?;
            if !f.is_empty() {
                let digits: String = f.chars().take(7).collect();
                frac = format!("{:0<7}", digits).parse().ok()?;
            }
        }
        match ampm {
            Some(true) if hour < 12 => hour += 12,
            Some(false) if hour == 12 => hour = 0,
            _ => {}
        }
        if hour > 23 || minute > 59 || second > 59 {
            return None;
        }
    }
    Some(datetime::from_civil(datetime::Civil {
        year,
        month,
        day,
        hour,
        minute,
        second,
        frac,
    }))
}

/// Parses `[-][d.]hh:mm[:ss[.fffffff]]` or a plain day count.
pub fn parse_timespan(s: &str) -> Option<i64> {
    let t = s.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let (days, clock) = match t.split_once(':') {
        None => {
            return t
                .parse::<i64>()
                .ok()
                .map(|d| d * datetime::TICKS_PER_DAY * if neg { -1 } else { 1 })
        }
        Some(_) => match t.split_once('.') {
            Some((d, rest)) if !d.contains(':') => (d.parse::<i64>().ok()?, rest),
            _ => (0, t),
        },
    };
    let parts: Vec<&str> = clock.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    let h: i64 = parts[0].parse().ok()?;
    let m: i64 = parts[1].parse().ok()?;
    let (sec, frac) = match parts.get(2) {
        Some(p) => {
            let (w, f) = p.split_once('.').unwrap_or((p, ""));
            let frac: i64 = if f.is_empty() {
                0
            } else {
                format!("{:0<7}", &f[..f.len().min(7)]).parse().ok()?
            };
            (w.parse::<i64>().ok()?, frac)
        }
        None => (0, 0),
    };
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    let ticks = days * datetime::TICKS_PER_DAY
        + (h * 3600 + m * 60 + sec) * datetime::TICKS_PER_SECOND
        + frac;
    Some(if neg { -ticks } else { ticks })
}

/// A pscustomobject from an ordered list of (name, value).
pub fn object_from_pairs(pairs: Vec<(String, Value)>) -> Value {
    let mut o = PsObject::new();
    for (k, v) in pairs {
        o.set(&k, v);
    }
    Value::Object(Rc::new(RefCell::new(o)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_from_strings() {
        assert_eq!(parse_number(" 42 "), Some(Num::Int(42)));
        assert_eq!(parse_number("0x2A"), Some(Num::Int(42)));
        assert_eq!(parse_number("1kb"), Some(Num::Int(1024)));
        assert_eq!(parse_number("1e3"), Some(Num::Double(1000.0)));
        assert_eq!(parse_number("3000000000"), Some(Num::Long(3_000_000_000)));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("-5"), Some(Num::Int(-5)));
    }

    #[test]
    fn bankers_rounding() {
        assert_eq!(to_i32(&Value::Double(2.5)).ok(), Some(2));
        assert_eq!(to_i32(&Value::Double(3.5)).ok(), Some(4));
        assert_eq!(to_i32(&Value::Double(-2.5)).ok(), Some(-2));
        assert_eq!(to_i32(&Value::Double(2.6)).ok(), Some(3));
    }

    #[test]
    fn dates() {
        let t = parse_datetime("2026-11-22 10:30:00").unwrap_or_default();
        assert_eq!(datetime::format_default(t), "11/22/2026 10:30:00");
        let t = parse_datetime("11/22/2026 1:05 PM").unwrap_or_default();
        assert_eq!(datetime::format_default(t), "11/22/2026 13:05:00");
        assert_eq!(
            parse_timespan("01:30:00"),
            Some(90 * 60 * datetime::TICKS_PER_SECOND)
        );
    }
}
