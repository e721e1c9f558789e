//! Shared pieces of the core cmdlets: property access on any value, calculated
//! properties (`@{Name=...; Expression={...}}`), sort/group keys, and wildcards.

use std::cmp::Ordering;
use std::rc::Rc;

use crate::engine::command::Cx;
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::ops;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::{PsObject, Value};

/// A property selector: a name (wildcards allowed), a script block, or a calculated
/// property with a label.
#[derive(Clone)]
pub enum Selector {
    Name(String),
    Script(Rc<ScriptBlock>),
    Calculated {
        label: String,
        expr: Box<Selector>,
        descending: Option<bool>,
    },
}

impl Selector {
    pub fn label(&self) -> String {
        match self {
            Selector::Name(n) => n.clone(),
            Selector::Script(sb) => sb.text.trim().to_string(),
            Selector::Calculated { label, .. } => label.clone(),
        }
    }
}

fn bad_key(key: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("The {} key is not valid.", key),
        "DictionaryKeyIllegal",
        ErrorCategory::InvalidArgument,
    )
}

/// Turns `-Property` arguments into selectors.
pub fn selectors(values: &[Value]) -> Result<Vec<Selector>, ErrorRecord> {
    let mut out = Vec::new();
    for v in values {
        match v {
            Value::ScriptBlock(sb) => out.push(Selector::Script(sb.clone())),
            Value::Hashtable(h) => {
                let h = h.borrow();
                let mut label = None;
                let mut expr = None;
                let mut descending = None;
                for (k, val) in h.iter() {
                    let key = k.to_display_string().to_lowercase();
                    if "name".starts_with(&key) && !key.is_empty()
                        || "label".starts_with(&key) && key.len() > 0 && key.starts_with('l')
                    {
                        label = Some(val.to_display_string());
                    } else if "expression".starts_with(&key) && !key.is_empty() {
                        expr = Some(match val {
                            Value::ScriptBlock(sb) => Selector::Script(sb.clone()),
                            other => Selector::Name(other.to_display_string()),
                        });
                    } else if "descending".starts_with(&key) && !key.is_empty() {
                        descending = Some(val.truthy());
                    } else if "ascending".starts_with(&key) && !key.is_empty() {
                        descending = Some(!val.truthy());
                    } else if "formatstring".starts_with(&key)
                        || "width".starts_with(&key)
                        || "alignment".starts_with(&key)
                    {
                    } else {
                        return Err(bad_key(&k.to_display_string()));
                    }
                }
                let expr = match expr {
                    Some(e) => e,
                    None => match &label {
                        Some(l) => Selector::Name(l.clone()),
                        None => return Err(bad_key("Expression")),
                    },
                };
                let label = label.unwrap_or_else(|| expr.label());
                out.push(Selector::Calculated {
                    label,
                    expr: Box::new(expr),
                    descending,
                });
            }
            Value::Array(a) => out.extend(selectors(&a.borrow())?),
            other => out.push(Selector::Name(other.to_display_string())),
        }
    }
    Ok(out)
}

/// A property of any value by name (`Length` of strings, hashtable keys, object
/// properties); None when the value has no such property.
pub fn property_of(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().get(name).cloned(),
        Value::Hashtable(h) => h.borrow().get_str(name).cloned(),
        Value::Str(s) if name.eq_ignore_ascii_case("length") => {
            Some(Value::from(s.chars().count()))
        }
        Value::Array(a)
            if name.eq_ignore_ascii_case("count") || name.eq_ignore_ascii_case("length") =>
        {
            Some(Value::from(a.borrow().len()))
        }
        _ => None,
    }
}

/// Evaluates a selector against an object.
pub fn select_value(cx: &mut Cx, sel: &Selector, item: &Value) -> FlowResult<Value> {
    match sel {
        Selector::Name(n) => {
            if let Some(v) = property_of(item, n) {
                return Ok(v);
            }
            cx.interp
                .get_member(item, n)
                .map_err(crate::engine::error::Flow::error)
        }
        Selector::Script(sb) => {
            let out = cx.invoke(sb, Some(item.clone()), Vec::new())?;
            Ok(Value::from_output(out))
        }
        Selector::Calculated { expr, .. } => select_value(cx, expr, item),
    }
}

/// The property names of a value, in order (for `Select-Object *` and formatting).
pub fn property_names(v: &Value) -> Vec<String> {
    match v {
        Value::Object(o) => o
            .borrow()
            .iter()
            .filter(|(k, _)| !k.starts_with("__"))
            .map(|(k, _)| k.to_string())
            .collect(),
        Value::Hashtable(h) => h
            .borrow()
            .iter()
            .map(|(k, _)| k.to_display_string())
            .collect(),
        Value::Str(_) => vec!["Length".into()],
        _ => Vec::new(),
    }
}

/// Expands wildcard names against an object's properties.
pub fn expand_names(names: &[Selector], sample: &Value) -> Vec<Selector> {
    let props = property_names(sample);
    let mut out = Vec::new();
    for s in names {
        match s {
            Selector::Name(n) if n.contains('*') || n.contains('?') => {
                if let Ok(re) = ops::wildcard_regex(n, false) {
                    for p in &props {
                        if re.is_match(p) {
                            out.push(Selector::Name(p.clone()));
                        }
                    }
                }
            }
            other => out.push(other.clone()),
        }
    }
    out
}

/// Compares two sort keys as Sort-Object does (case-insensitive unless asked).
pub fn compare_keys(a: &Value, b: &Value, case_sensitive: bool) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::Int(x), Value::Int(y)) => x.cmp(y),
        (Value::Long(x), Value::Long(y)) => x.cmp(y),
        _ => ops::compare(a, b, case_sensitive).unwrap_or_else(|_| {
            ops::str_cmp(
                &a.to_display_string(),
                &b.to_display_string(),
                case_sensitive,
            )
        }),
    }
}

/// A pscustomobject from (name, value) pairs.
pub fn make_object(pairs: Vec<(String, Value)>) -> Value {
    let mut o = PsObject::new();
    for (k, v) in pairs {
        o.set(&k, v);
    }
    Value::object(o)
}

/// An object with a specific type name.
pub fn typed_object(type_name: &str, pairs: Vec<(&str, Value)>) -> Value {
    let mut o = PsObject::with_type(type_name);
    for (k, v) in pairs {
        o.set(k, v);
    }
    Value::object(o)
}

/// Flattens pipeline/-InputObject input: each cmdlet sees one object per process call,
/// but `-InputObject @(1,2)` is one object (an array), as in PowerShell.
pub fn input_of(cx: &Cx, input_object: &Option<Value>) -> Option<Value> {
    cx.input.clone().or_else(|| input_object.clone())
}
