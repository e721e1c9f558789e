//! Get-Member: the members of each distinct type among the input objects, as
//! MemberDefinition objects sorted by member type, then name (PowerShell's order).

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::ops;
use crate::engine::registry::GetMemberArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetMember {
    seen: Vec<String>,
}

pub const MEMBER_DEFINITION: &str = "Microsoft.PowerShell.Commands.MemberDefinition";

const OBJECT_METHODS: &[(&str, &str)] = &[
    ("Equals", "bool Equals(System.Object obj)"),
    ("GetHashCode", "int GetHashCode()"),
    ("GetType", "type GetType()"),
    ("ToString", "string ToString()"),
];

const STRING_METHODS: &[(&str, &str)] = &[
    ("Clone", "System.Object Clone(), System.Object ICloneable.Clone()"),
    ("CompareTo", "int CompareTo(System.Object value), int CompareTo(string strB)"),
    ("Contains", "bool Contains(string value), bool Contains(char value)"),
    ("EndsWith", "bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType)"),
    ("IndexOf", "int IndexOf(char value), int IndexOf(string value), int IndexOf(string value, int startIndex)"),
    ("IndexOfAny", "int IndexOfAny(char[] anyOf)"),
    ("Insert", "string Insert(int startIndex, string value)"),
    ("LastIndexOf", "int LastIndexOf(char value), int LastIndexOf(string value)"),
    ("PadLeft", "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)"),
    ("PadRight", "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)"),
    ("Remove", "string Remove(int startIndex, int count), string Remove(int startIndex)"),
    ("Replace", "string Replace(string oldValue, string newValue), string Replace(char oldChar, char newChar)"),
    ("Split", "string[] Split(char separator), string[] Split(char[] separator), string[] Split(string separator)"),
    ("StartsWith", "bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType)"),
    ("Substring", "string Substring(int startIndex), string Substring(int startIndex, int length)"),
    ("ToCharArray", "char[] ToCharArray()"),
    ("ToLower", "string ToLower()"),
    ("ToLowerInvariant", "string ToLowerInvariant()"),
    ("ToUpper", "string ToUpper()"),
    ("ToUpperInvariant", "string ToUpperInvariant()"),
    ("Trim", "string Trim(), string Trim(char trimChar), string Trim(char[] trimChars)"),
    ("TrimEnd", "string TrimEnd(), string TrimEnd(char trimChar)"),
    ("TrimStart", "string TrimStart(), string TrimStart(char trimChar)"),
];

const NUMBER_METHODS: &[(&str, &str)] = &[("CompareTo", "int CompareTo(System.Object value)")];

const HASHTABLE: &[(&str, &str, &str)] = &[
    (
        "Add",
        "Method",
        "void Add(System.Object key, System.Object value)",
    ),
    ("Clear", "Method", "void Clear()"),
    ("Clone", "Method", "System.Object Clone()"),
    ("Contains", "Method", "bool Contains(System.Object key)"),
    (
        "ContainsKey",
        "Method",
        "bool ContainsKey(System.Object key)",
    ),
    (
        "ContainsValue",
        "Method",
        "bool ContainsValue(System.Object value)",
    ),
    (
        "GetEnumerator",
        "Method",
        "System.Collections.IDictionaryEnumerator GetEnumerator()",
    ),
    ("Remove", "Method", "void Remove(System.Object key)"),
    (
        "Item",
        "ParameterizedProperty",
        "System.Object Item(System.Object key) {get;set;}",
    ),
    ("Count", "Property", "int Count {get;}"),
    (
        "Keys",
        "Property",
        "System.Collections.ICollection Keys {get;}",
    ),
    (
        "Values",
        "Property",
        "System.Collections.ICollection Values {get;}",
    ),
];

/// The short type name used in definitions (`string`, `int`, `System.Object[]`).
fn def_type(v: &Value) -> String {
    match v {
        Value::Null => "object".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_) => "int".into(),
        Value::Long(_) => "long".into(),
        Value::Double(_) => "double".into(),
        Value::Char(_) => "char".into(),
        Value::Str(_) => "string".into(),
        Value::DateTime(_) => "datetime".into(),
        Value::TimeSpan(_) => "timespan".into(),
        Value::Array(a) => a.kind().full_name().into(),
        Value::Hashtable(_) => "hashtable".into(),
        Value::Object(o) => {
            let o = o.borrow();
            let t = o.type_name();
            if t == crate::engine::value::PSCUSTOMOBJECT {
                "System.Management.Automation.PSCustomObject".into()
            } else {
                t.to_string()
            }
        }
        other => other.type_name(),
    }
}

/// The full type name Get-Member reports, and the members as (name, type, definition).
fn members(v: &Value) -> (String, Vec<(String, String, String)>) {
    let m = |list: &[(&str, &str)], kind: &str| -> Vec<(String, String, String)> {
        list.iter()
            .map(|(n, d)| (n.to_string(), kind.to_string(), d.to_string()))
            .collect()
    };
    let mut out = m(OBJECT_METHODS, "Method");
    let type_name = match v {
        Value::Str(_) => {
            out.extend(m(STRING_METHODS, "Method"));
            out.push((
                "Chars".into(),
                "ParameterizedProperty".into(),
                "char Chars(int index) {get;}".into(),
            ));
            out.push((
                "Length".into(),
                "Property".into(),
                "int Length {get;}".into(),
            ));
            "System.String".to_string()
        }
        Value::Int(_) | Value::Long(_) | Value::Double(_) | Value::Bool(_) | Value::Char(_) => {
            out.extend(m(NUMBER_METHODS, "Method"));
            format!("System.{}", v.type_name())
        }
        Value::Hashtable(_) => {
            out.extend(
                HASHTABLE
                    .iter()
                    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())),
            );
            format!("System.Collections.{}", v.type_name())
        }
        Value::Object(o) => {
            let o = o.borrow();
            let custom = o.type_name() == crate::engine::value::PSCUSTOMOBJECT;
            for (k, val) in o.props.values() {
                if k.starts_with("__") {
                    continue;
                }
                if custom {
                    out.push((
                        k.to_string(),
                        "NoteProperty".into(),
                        format!("{} {}={}", def_type(val), k, val.to_display_string()),
                    ));
                } else {
                    out.push((
                        k.to_string(),
                        "Property".into(),
                        format!("{} {} {{get;}}", def_type(val), k),
                    ));
                }
            }
            if custom {
                "System.Management.Automation.PSCustomObject".to_string()
            } else {
                o.type_name().to_string()
            }
        }
        Value::DateTime(_) => {
            for (n, d) in [
                ("AddDays", "datetime AddDays(double value)"),
                ("AddHours", "datetime AddHours(double value)"),
                ("AddMinutes", "datetime AddMinutes(double value)"),
                ("AddSeconds", "datetime AddSeconds(double value)"),
                ("ToString", "string ToString(string format)"),
            ] {
                out.push((n.into(), "Method".into(), d.into()));
            }
            for p in [
                "Date",
                "Day",
                "DayOfWeek",
                "Hour",
                "Minute",
                "Month",
                "Second",
                "Year",
            ] {
                out.push((p.into(), "Property".into(), format!("int {} {{get;}}", p)));
            }
            "System.DateTime".to_string()
        }
        other => format!("System.{}", other.type_name()),
    };
    out.sort_by(|a, b| {
        a.1.cmp(&b.1)
            .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
    });
    out.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    (type_name, out)
}

fn type_matches(kind: &str, wanted: &[String]) -> bool {
    if wanted.is_empty() {
        return true;
    }
    wanted.iter().any(|w| {
        let w = w.to_ascii_lowercase();
        w == "all"
            || w == kind.to_ascii_lowercase()
            || (w == "properties" && kind.ends_with("Property") && kind != "ParameterizedProperty")
            || (w == "methods" && kind.ends_with("Method"))
    })
}

impl Cmdlet for GetMember {
    type Args = GetMemberArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(item) = a.input_object.clone() else {
            return Ok(());
        };
        if item.is_null() {
            return Ok(());
        }
        let (type_name, list) = members(&item);
        if self.seen.contains(&type_name) {
            return Ok(());
        }
        self.seen.push(type_name.clone());
        let mut names = Vec::new();
        for n in &a.name {
            names.push(ops::wildcard_regex(n, false).map_err(|e| cx.fail(e))?);
        }
        for (name, kind, def) in list {
            if !names.is_empty() && !names.iter().any(|r| r.is_match(&name)) {
                continue;
            }
            if !type_matches(&kind, &a.member_type) {
                continue;
            }
            let mut o = PsObject::with_type(MEMBER_DEFINITION);
            o.set("TypeName", Value::string(type_name.clone()));
            o.set("Name", Value::string(name.clone()));
            o.set("MemberType", Value::string(kind));
            o.set("Definition", Value::string(def));
            o.set("__ToString", Value::string(name));
            cx.write(Value::object(o))?;
        }
        Ok(())
    }
}
