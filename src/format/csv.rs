//! CSV as PowerShell 7 writes and reads it: a header from the first object's properties,
//! every field quoted (embedded quotes doubled), `$null` as an empty field, no `#TYPE`
//! line unless asked; reading handles quoted fields with delimiters, quotes and line
//! breaks inside.

use crate::engine::value::{PsObject, Value};

/// One field, quoted.
pub fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The property names CSV columns come from (hidden `__` ones left out).
pub fn columns_of(v: &Value) -> Vec<String> {
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

fn field(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().get(name).cloned(),
        Value::Hashtable(h) => h.borrow().get_str(name).cloned(),
        Value::Str(s) if name == "Length" => Some(Value::Int(
            i32::try_from(s.chars().count()).unwrap_or(i32::MAX),
        )),
        _ => None,
    }
}

/// The header line.
pub fn header(columns: &[String], delimiter: char) -> String {
    columns
        .iter()
        .map(|c| quote(c))
        .collect::<Vec<_>>()
        .join(&delimiter.to_string())
}

/// One object's line.
pub fn row(v: &Value, columns: &[String], delimiter: char) -> String {
    columns
        .iter()
        .map(|c| match field(v, c) {
            None | Some(Value::Null) => String::new(),
            Some(x) => quote(&x.to_display_string()),
        })
        .collect::<Vec<_>>()
        .join(&delimiter.to_string())
}

/// Splits CSV text into records of fields.
pub fn parse_records(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut rec: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    cur.push('"');
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else {
                cur.push(c);
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            c if c == delimiter => rec.push(std::mem::take(&mut cur)),
            '\r' => {}
            '\n' => {
                rec.push(std::mem::take(&mut cur));
                records.push(std::mem::take(&mut rec));
                any = false;
            }
            c => cur.push(c),
        }
    }
    if any {
        rec.push(cur);
        records.push(rec);
    }
    records
        .into_iter()
        .filter(|r| !(r.len() == 1 && r[0].is_empty()))
        .collect()
}

/// CSV records to objects: the first record is the header unless one is given; a
/// `#TYPE` line is skipped.
pub fn to_objects(text: &str, delimiter: char, header: Option<Vec<String>>) -> Vec<Value> {
    let mut records = parse_records(text, delimiter);
    if records
        .first()
        .is_some_and(|r| r.first().is_some_and(|f| f.starts_with("#TYPE")))
    {
        records.remove(0);
    }
    let names = match header {
        Some(h) => h,
        None => {
            if records.is_empty() {
                return Vec::new();
            }
            records.remove(0)
        }
    };
    records
        .into_iter()
        .map(|r| {
            let mut o = PsObject::new();
            for (i, n) in names.iter().enumerate() {
                o.set(
                    n,
                    r.get(i)
                        .map(|s| Value::string(s.clone()))
                        .unwrap_or(Value::Null),
                );
            }
            Value::object(o)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_parsing_round_trip() {
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        let recs = parse_records("\"a\",\"b\"\n\"1,2\",\"x\"\"y\"\n", ',');
        assert_eq!(recs, vec![vec!["a", "b"], vec!["1,2", "x\"y"]]);
        let objs = to_objects("Name;Port\nweb;80\n", ';', None);
        assert_eq!(objs.len(), 1);
    }
}
