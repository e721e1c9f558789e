//! Members of values: properties (with member enumeration over arrays), methods of
//! strings, arrays, hashtables, numbers, dates and script blocks, error records, and the
//! static members of type literals (`[string]::Join`, `[math]::Round`, `[int]::MaxValue`).

use std::rc::Rc;

use crate::engine::convert::{self, to_f64, to_i32, to_i64};
use crate::engine::error::{ErrorCategory, ErrorRecord, Flow, FlowResult};
use crate::engine::interp::Interp;
use crate::engine::ops;
use crate::engine::value::{ArrayKind, Hashtable, PsObject, TypeName, Value};
use crate::format::datetime as dt;

fn method_missing(v: &Value, name: &str) -> ErrorRecord {
    let t = match v {
        Value::Object(o) if o.borrow().type_name() == crate::engine::value::PSCUSTOMOBJECT => {
            "System.Management.Automation.PSCustomObject".to_string()
        }
        other => other.full_type_name(),
    };
    let mut e = ErrorRecord::new(
        format!(
            "Method invocation failed because [{}] does not contain a method named '{}'.",
            t, name
        ),
        "MethodNotFound",
        ErrorCategory::InvalidOperation,
    );
    e.exception_type = "RuntimeException".into();
    e
}

fn arg_count(name: &str, n: usize) -> ErrorRecord {
    ErrorRecord::new(
        format!(
            "Cannot find an overload for \"{}\" and the argument count: \"{}\".",
            name, n
        ),
        "MethodCountCouldNotFindBest",
        ErrorCategory::InvalidOperation,
    )
}

fn index_out_of_range(name: &str, n: usize) -> ErrorRecord {
    ErrorRecord::new(
        format!(
            "Exception calling \"{}\" with \"{}\" argument(s): \"Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')\"",
            name, n
        ),
        "ArgumentOutOfRangeException",
        ErrorCategory::NotSpecified,
    )
}

fn null_method() -> ErrorRecord {
    let mut e = ErrorRecord::new(
        "You cannot call a method on a null-valued expression.",
        "InvokeMethodOnNull",
        ErrorCategory::InvalidOperation,
    );
    e.exception_type = "RuntimeException".into();
    e
}

fn s_arg(args: &[Value], i: usize) -> String {
    args.get(i)
        .map(|v| v.to_display_string())
        .unwrap_or_default()
}

fn i_arg(args: &[Value], i: usize) -> Result<i64, ErrorRecord> {
    match args.get(i) {
        Some(v) => to_i64(v),
        None => Ok(0),
    }
}

fn out_of_range(param: &str) -> ErrorRecord {
    let mut e = ErrorRecord::new(
        format!(
            "Exception calling \"{}\" with \"1\" argument(s): \"Index and length must refer to a location within the string. (Parameter '{}')\"",
            "Substring", param
        ),
        "ArgumentOutOfRangeException",
        ErrorCategory::NotSpecified,
    );
    e.exception_type = "MethodInvocationException".into();
    e
}

/// `PadLeft`/`PadRight` with a negative width (.NET's ArgumentOutOfRangeException).
fn pad_width_negative(method: &str, argc: usize) -> ErrorRecord {
    let name = if method == "padleft" {
        "PadLeft"
    } else {
        "PadRight"
    };
    let mut e = ErrorRecord::new(
        format!(
            "Exception calling \"{}\" with \"{}\" argument(s): \"Non-negative number required. (Parameter 'totalWidth')\"",
            name, argc
        ),
        "ArgumentOutOfRangeException",
        ErrorCategory::NotSpecified,
    );
    e.exception_type = "MethodInvocationException".into();
    e
}

/// A lightweight object with a type name and properties.
fn obj(type_name: &str, props: Vec<(&str, Value)>) -> Value {
    let mut o = PsObject::with_type(type_name);
    for (k, v) in props {
        o.set(k, v);
    }
    Value::object(o)
}

/// The object `GetType()` returns.
fn type_object(name: &str, full: &str) -> Value {
    let mut o = PsObject::with_type("System.RuntimeType");
    o.set("Name", Value::str(name));
    o.set("FullName", Value::str(full));
    o.set("__ToString", Value::str(full));
    Value::object(o)
}

impl Interp {
    /// `$x.Name`: properties, hashtable keys, and member enumeration over arrays.
    pub fn get_member(&mut self, target: &Value, name: &str) -> Result<Value, ErrorRecord> {
        let lname = name.to_ascii_lowercase();
        Ok(match target {
            Value::Null => match lname.as_str() {
                "count" | "length" => Value::Int(0),
                _ => Value::Null,
            },
            Value::Str(s) => match lname.as_str() {
                "length" => Value::from(s.chars().count()),
                "count" => Value::Int(1),
                _ => Value::Null,
            },
            Value::Array(a) => match lname.as_str() {
                "count" | "length" | "longlength" => Value::from(a.borrow().len()),
                "rank" => Value::Int(1),
                "issynchronized" | "isfixedsize" => Value::Bool(lname == "isfixedsize"),
                _ => {
                    // Member enumeration: the property of each element.
                    let items = a.borrow().clone();
                    let mut out = Vec::new();
                    for it in &items {
                        let v = self.get_member(it, name)?;
                        match v {
                            Value::Null => {}
                            Value::Array(inner) => out.extend(inner.borrow().iter().cloned()),
                            other => out.push(other),
                        }
                    }
                    Value::from_output(out)
                }
            },
            Value::Hashtable(h) => {
                let h = h.borrow();
                if let Some(v) = h.get_str(name) {
                    return Ok(v.clone());
                }
                match lname.as_str() {
                    "count" => Value::from(h.len()),
                    "keys" => Value::array(h.iter().map(|(k, _)| k.clone()).collect()),
                    "values" => Value::array(h.iter().map(|(_, v)| v.clone()).collect()),
                    "issynchronized" | "isreadonly" | "isfixedsize" => Value::Bool(false),
                    _ => Value::Null,
                }
            }
            Value::Object(o) => {
                let ob = o.borrow();
                if let Some(v) = ob.get(name) {
                    return Ok(v.clone());
                }
                match lname.as_str() {
                    "psobject" => {
                        drop(ob);
                        return Ok(self.psobject_view(target));
                    }
                    "count" | "length" => Value::Int(1),
                    _ => Value::Null,
                }
            }
            Value::Error(e) => self.error_member(e, &lname),
            Value::DateTime(t) => datetime_member(*t, &lname),
            Value::TimeSpan(t) => timespan_member(*t, &lname),
            Value::Type(t) => match lname.as_str() {
                "name" => Value::str(t.short_name()),
                "fullname" => Value::string(t.full_name()),
                _ => Value::Null,
            },
            Value::ScriptBlock(sb) => match lname.as_str() {
                "ast" | "text" => Value::Str(sb.text.clone()),
                "file" => Value::str(&sb.source.name),
                _ => Value::Null,
            },
            Value::Regex(r) => match lname.as_str() {
                "pattern" => Value::str(r.as_str()),
                _ => Value::Null,
            },
            _ => match lname.as_str() {
                "count" | "length" => Value::Int(1),
                _ => Value::Null,
            },
        })
    }

    /// `.PSObject`: `.Properties` (Name/Value/MemberType/TypeNameOfValue) and `.TypeNames`.
    fn psobject_view(&mut self, target: &Value) -> Value {
        let mut props = Vec::new();
        let mut type_names = Vec::new();
        if let Value::Object(o) = target {
            let o = o.borrow();
            for (k, v) in o.iter() {
                if k.starts_with("__") {
                    continue;
                }
                props.push(obj(
                    "System.Management.Automation.PSNoteProperty",
                    vec![
                        ("Name", Value::Str(k.clone())),
                        ("Value", v.clone()),
                        ("MemberType", Value::str("NoteProperty")),
                        ("TypeNameOfValue", Value::string(v.full_type_name())),
                        ("IsSettable", Value::Bool(true)),
                    ],
                ));
            }
            type_names = o.type_names.iter().map(|t| Value::Str(t.clone())).collect();
            if type_names.first().map(|t| t.to_display_string())
                == Some(crate::engine::value::PSCUSTOMOBJECT.to_string())
            {
                type_names.push(Value::str("System.Object"));
            }
        }
        obj(
            "System.Management.Automation.PSMemberSet",
            vec![
                ("Properties", Value::array(props)),
                ("TypeNames", Value::array(type_names)),
                ("BaseObject", target.clone()),
            ],
        )
    }

    fn error_member(&mut self, e: &Rc<ErrorRecord>, lname: &str) -> Value {
        match lname {
            "exception" => {
                let mut o = PsObject::with_type(&format!(
                    "System.Management.Automation.{}",
                    e.exception_type
                ));
                o.set("Message", Value::str(&e.message));
                o.set("InnerException", Value::Null);
                o.set("__ToString", Value::str(&e.message));
                o.set("__TypeShort", Value::str(&e.exception_type));
                Value::object(o)
            }
            "fullyqualifiederrorid" => Value::str(&e.fully_qualified_error_id),
            "categoryinfo" => {
                let activity = e.command.clone().unwrap_or_default();
                let target = e
                    .target
                    .as_ref()
                    .map(|t| t.to_display_string())
                    .unwrap_or_default();
                let text = format!(
                    "{}: ({}:{}) [{}], {}",
                    e.category.name(),
                    target,
                    if e.target.is_some() { "String" } else { "" },
                    activity,
                    e.exception_type
                );
                obj(
                    "System.Management.Automation.ErrorCategoryInfo",
                    vec![
                        ("Category", Value::str(e.category.name())),
                        ("Activity", Value::string(activity)),
                        ("Reason", Value::str(&e.exception_type)),
                        ("TargetName", Value::string(target)),
                        ("__ToString", Value::string(text)),
                    ],
                )
            }
            "targetobject" => e.target.clone().unwrap_or(Value::Null),
            "invocationinfo" => {
                let (line, col, text, file) = match &e.position {
                    Some(p) => {
                        let (l, c) = p.source.line_col(p.span.start as usize);
                        (
                            l as i32,
                            c as i32,
                            p.source.line_text(l).to_string(),
                            p.source.name.clone(),
                        )
                    }
                    None => (0, 0, String::new(), String::new()),
                };
                obj(
                    "System.Management.Automation.InvocationInfo",
                    vec![
                        ("ScriptLineNumber", Value::Int(line)),
                        ("OffsetInLine", Value::Int(col)),
                        ("Line", Value::string(text)),
                        ("ScriptName", Value::string(file)),
                        (
                            "MyCommand",
                            e.command.clone().map(Value::string).unwrap_or(Value::Null),
                        ),
                        (
                            "InvocationName",
                            e.command.clone().map(Value::string).unwrap_or(Value::Null),
                        ),
                    ],
                )
            }
            "scriptstacktrace" => Value::str("at <ScriptBlock>, <No file>: line 1"),
            "errordetails" => Value::Null,
            _ => Value::Null,
        }
    }

    pub fn set_member(
        &mut self,
        target: &Value,
        name: &str,
        value: Value,
    ) -> Result<(), ErrorRecord> {
        match target {
            Value::Object(o) => {
                let mut o = o.borrow_mut();
                if !o.has(name) && o.type_name() != crate::engine::value::PSCUSTOMOBJECT {
                    return Err(property_not_found(name));
                }
                o.set(name, value);
                Ok(())
            }
            Value::Hashtable(h) => {
                h.borrow_mut().insert(Value::str(name), value);
                Ok(())
            }
            Value::Array(a) => {
                // Setting a property on each element (member enumeration for assignment).
                let items = a.borrow().clone();
                for it in &items {
                    self.set_member(it, name, value.clone())?;
                }
                Ok(())
            }
            Value::Null => Err(ErrorRecord::new(
                format!("The property '{}' cannot be found on this object. Verify that the property exists and can be set.", name),
                "PropertyNotFound",
                ErrorCategory::InvalidOperation,
            )),
            _ => Err(property_not_found(name)),
        }
    }

    /// `$x.Method(args)`; `Ok(None)` is a void method.
    pub fn call_method(
        &mut self,
        target: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> FlowResult<Option<Value>> {
        let lname = name.to_ascii_lowercase();
        let err = |e: ErrorRecord| Flow::error(e);
        // Methods every object has.
        match lname.as_str() {
            "gettype" if !target.is_null() => {
                let (short, full) = match target {
                    Value::Object(o) => {
                        let o = o.borrow();
                        match o.get("__TypeShort") {
                            Some(s) => (s.to_display_string(), o.type_name().to_string()),
                            None => (target.type_name(), target.full_type_name()),
                        }
                    }
                    _ => (target.type_name(), target.full_type_name()),
                };
                return Ok(Some(type_object(&short, &full)));
            }
            "tostring" if !target.is_null() && args.is_empty() => {
                return Ok(Some(Value::string(self.stringify(target))))
            }
            "equals"
                if !target.is_null() && args.len() == 1 && !matches!(target, Value::Str(_)) =>
            {
                return Ok(Some(Value::Bool(ops::equals(target, &args[0], true))))
            }
            "gethashcode" => return Ok(Some(Value::Int(0))),
            _ => {}
        }
        match target {
            Value::Null => Err(err(null_method())),
            Value::Str(s) => self.string_method(s, &lname, name, &args).map(Some).map_err(err),
            Value::Array(a) => match lname.as_str() {
                "contains" => Ok(Some(Value::Bool(a.borrow().iter().any(|v| ops::equals(v, args.first().unwrap_or(&Value::Null), true))))),
                "indexof" => {
                    let x = args.first().cloned().unwrap_or(Value::Null);
                    let p = a.borrow().iter().position(|v| ops::equals(v, &x, true));
                    Ok(Some(Value::Int(p.map(|p| p as i32).unwrap_or(-1))))
                }
                "clone" => Ok(Some(Value::array_of(a.borrow().clone(), a.kind()))),
                "toarray" if a.kind().resizable() => Ok(Some(Value::array(a.borrow().clone()))),
                "add" if a.kind().resizable() && args.len() == 1 => {
                    let mut items = a.borrow_mut();
                    items.push(args[0].clone());
                    // ArrayList.Add returns the new index (hence `| Out-Null` in scripts);
                    // List[T].Add returns nothing.
                    let index = Value::Int(i32::try_from(items.len() - 1).unwrap_or(i32::MAX));
                    Ok(if a.kind() == ArrayKind::ArrayList { Some(index) } else { None })
                }
                "addrange" if a.kind().resizable() && args.len() == 1 => {
                    let more = args[0].enumerate();
                    a.borrow_mut().extend(more);
                    Ok(None)
                }
                "insert" if a.kind().resizable() && args.len() == 2 => {
                    let i = crate::engine::convert::to_i32(&args[0]).map_err(err)?;
                    let len = a.borrow().len();
                    match usize::try_from(i).ok().filter(|i| *i <= len) {
                        Some(i) => {
                            a.borrow_mut().insert(i, args[1].clone());
                            Ok(None)
                        }
                        None => Err(err(index_out_of_range(name, args.len()))),
                    }
                }
                "remove" if a.kind().resizable() && args.len() == 1 => {
                    let p = a.borrow().iter().position(|v| ops::equals(v, &args[0], true));
                    if let Some(p) = p {
                        a.borrow_mut().remove(p);
                    }
                    Ok(if a.kind() == ArrayKind::List { Some(Value::Bool(p.is_some())) } else { None })
                }
                "removeat" if a.kind().resizable() && args.len() == 1 => {
                    let i = crate::engine::convert::to_i32(&args[0]).map_err(err)?;
                    let len = a.borrow().len();
                    match usize::try_from(i).ok().filter(|i| *i < len) {
                        Some(i) => {
                            a.borrow_mut().remove(i);
                            Ok(None)
                        }
                        None => Err(err(index_out_of_range(name, args.len()))),
                    }
                }
                "clear" if a.kind().resizable() => {
                    a.borrow_mut().clear();
                    Ok(None)
                }
                "reverse" if a.kind().resizable() => {
                    a.borrow_mut().reverse();
                    Ok(None)
                }
                "add" | "remove" | "clear" | "insert" | "removeat" | "addrange" => Err(err(ErrorRecord::new(
                    format!("Exception calling \"{}\" with \"{}\" argument(s): \"Collection was of a fixed size.\"", name, args.len()),
                    "NotSupportedException",
                    ErrorCategory::NotSpecified,
                ))),
                "foreach" => {
                    let Some(Value::ScriptBlock(sb)) = args.first() else { return Err(err(arg_count(name, args.len()))) };
                    let items = a.borrow().clone();
                    let mut out = Vec::new();
                    for it in items {
                        out.extend(self.invoke_block_collect(sb, Some(it), Vec::new())?);
                    }
                    Ok(Some(Value::array(out)))
                }
                "where" => {
                    let Some(Value::ScriptBlock(sb)) = args.first() else { return Err(err(arg_count(name, args.len()))) };
                    let items = a.borrow().clone();
                    let mut out = Vec::new();
                    for it in items {
                        if Value::from_output(self.invoke_block_collect(sb, Some(it.clone()), Vec::new())?).truthy() {
                            out.push(it);
                        }
                    }
                    Ok(Some(Value::array(out)))
                }
                "getvalue" => Ok(Some(self.index_value(target, args.first().unwrap_or(&Value::Null)).map_err(err)?)),
                "setvalue" => {
                    self.set_index(target, args.get(1).unwrap_or(&Value::Null), args.first().cloned().unwrap_or(Value::Null)).map_err(err)?;
                    Ok(None)
                }
                // Member enumeration: a method the collection lacks is called on each
                // element (about_Member-Access_Enumeration).
                _ => {
                    let items = a.borrow().clone();
                    if items.is_empty() {
                        return Err(err(method_missing(target, name)));
                    }
                    let mut out = Vec::new();
                    for it in &items {
                        if let Some(v) = self.call_method(it, name, args.clone())? {
                            out.push(v);
                        }
                    }
                    Ok(match out.len() {
                        0 => None,
                        1 => out.pop(),
                        _ => Some(Value::array(out)),
                    })
                }
            },
            Value::Hashtable(h) => match lname.as_str() {
                "containskey" | "contains" => Ok(Some(Value::Bool(h.borrow().contains(args.first().unwrap_or(&Value::Null))))),
                "containsvalue" => {
                    let x = args.first().cloned().unwrap_or(Value::Null);
                    Ok(Some(Value::Bool(h.borrow().iter().any(|(_, v)| ops::equals(v, &x, false)))))
                }
                "add" => {
                    let k = args.first().cloned().unwrap_or(Value::Null);
                    let v = args.get(1).cloned().unwrap_or(Value::Null);
                    if h.borrow().contains(&k) {
                        let ks = k.to_display_string();
                        return Err(err(ErrorRecord::new(
                            format!(
                                "Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: '{}'  Key being added: '{}'\"",
                                ks, ks
                            ),
                            "ArgumentException",
                            ErrorCategory::NotSpecified,
                        )));
                    }
                    h.borrow_mut().insert(k, v);
                    Ok(None)
                }
                "remove" => {
                    h.borrow_mut().remove(args.first().unwrap_or(&Value::Null));
                    Ok(None)
                }
                "clear" => {
                    h.borrow_mut().map.clear();
                    Ok(None)
                }
                "clone" => Ok(Some(Value::hashtable(h.borrow().clone()))),
                "getenumerator" => {
                    let entries: Vec<Value> = h
                        .borrow()
                        .iter()
                        .map(|(k, v)| {
                            obj(
                                "System.Collections.DictionaryEntry",
                                vec![("Name", k.clone()), ("Key", k.clone()), ("Value", v.clone())],
                            )
                        })
                        .collect();
                    Ok(Some(Value::array(entries)))
                }
                "get_item" => Ok(Some(h.borrow().get(args.first().unwrap_or(&Value::Null)).cloned().unwrap_or(Value::Null))),
                "set_item" => {
                    h.borrow_mut().insert(args.first().cloned().unwrap_or(Value::Null), args.get(1).cloned().unwrap_or(Value::Null));
                    Ok(None)
                }
                _ => Err(err(method_missing(target, name))),
            },
            Value::ScriptBlock(sb) => match lname.as_str() {
                "invoke" | "invokereturnasis" => {
                    let out = self.call_block(sb, args)?;
                    Ok(Some(Value::from_output(out)))
                }
                "getnewclosure" => Ok(Some(target.clone())),
                _ => Err(err(method_missing(target, name))),
            },
            Value::Int(_) | Value::Long(_) | Value::Double(_) => match lname.as_str() {
                "tostring" => {
                    let fmt = s_arg(&args, 0);
                    Ok(Some(Value::string(
                        crate::format::number::format_number(target, &fmt).unwrap_or_else(|| target.to_display_string()),
                    )))
                }
                "compareto" => {
                    let o = ops::compare(target, args.first().unwrap_or(&Value::Null), true).map_err(err)?;
                    Ok(Some(Value::Int(o as i32)))
                }
                "equals" => Ok(Some(Value::Bool(ops::equals(target, args.first().unwrap_or(&Value::Null), true)))),
                _ => Err(err(method_missing(target, name))),
            },
            Value::Char(c) => match lname.as_str() {
                "compareto" => Ok(Some(Value::Int(ops::str_cmp(&c.to_string(), &s_arg(&args, 0), true) as i32))),
                _ => Err(err(method_missing(target, name))),
            },
            Value::DateTime(t) => datetime_method(*t, &lname, name, &args).map(Some).map_err(err),
            Value::TimeSpan(t) => match lname.as_str() {
                "tostring" => Ok(Some(Value::string(dt::format_timespan(*t)))),
                "add" => Ok(Some(ops::add(target, args.first().unwrap_or(&Value::Null)).map_err(err)?)),
                "subtract" => Ok(Some(ops::arith(crate::lang::ast::BinOp::Sub, target, args.first().unwrap_or(&Value::Null)).map_err(err)?)),
                "negate" => Ok(Some(Value::TimeSpan(-t))),
                _ => Err(err(method_missing(target, name))),
            },
            Value::Regex(r) => regex_method(r, &lname, name, &args).map(Some).map_err(err),
            Value::Object(o) => {
                let m = o.borrow().get(name).cloned();
                match m {
                    Some(Value::ScriptBlock(sb)) => {
                        // A script method: `$this` is the object.
                        let saved = self.get_var("this", &crate::lang::ast::VarScope::Local);
                        self.set_local("this", target.clone());
                        let r = self.call_block(&sb, args);
                        self.set_local("this", saved.unwrap_or(Value::Null));
                        Ok(Some(Value::from_output(r?)))
                    }
                    _ => match lname.as_str() {
                        "tostring" => Ok(Some(Value::string(target.to_display_string()))),
                        _ => Err(err(method_missing(target, name))),
                    },
                }
            }
            Value::Error(e) => match lname.as_str() {
                "tostring" => Ok(Some(Value::str(&e.message))),
                _ => Err(err(method_missing(target, name))),
            },
            _ => Err(err(method_missing(target, name))),
        }
    }

    fn string_method(
        &mut self,
        s: &str,
        lname: &str,
        name: &str,
        args: &[Value],
    ) -> Result<Value, ErrorRecord> {
        let chars = || s.chars().collect::<Vec<char>>();
        let n = args.len();
        Ok(match lname {
            "substring" => {
                let c = chars();
                let start = i_arg(args, 0)?;
                if start < 0 || start as usize > c.len() {
                    return Err(out_of_range("startIndex"));
                }
                let len = if n > 1 {
                    i_arg(args, 1)?
                } else {
                    c.len() as i64 - start
                };
                if len < 0 || (start + len) as usize > c.len() {
                    return Err(out_of_range("length"));
                }
                Value::string(c[start as usize..(start + len) as usize].iter().collect())
            }
            "indexof" | "lastindexof" => {
                let needle = s_arg(args, 0);
                let c = chars();
                let hay: String = c.iter().collect();
                let found = if lname == "indexof" {
                    let from = if n > 1 { i_arg(args, 1)? as usize } else { 0 };
                    let byte_from = hay
                        .char_indices()
                        .nth(from)
                        .map(|(b, _)| b)
                        .unwrap_or(hay.len());
                    hay[byte_from..].find(&needle).map(|b| b + byte_from)
                } else {
                    hay.rfind(&needle)
                };
                Value::Int(found.map(|b| hay[..b].chars().count() as i32).unwrap_or(-1))
            }
            "contains" => Value::Bool(s.contains(&s_arg(args, 0))),
            "startswith" => Value::Bool(if bool_ci(args) {
                s.to_lowercase().starts_with(&s_arg(args, 0).to_lowercase())
            } else {
                s.starts_with(&s_arg(args, 0))
            }),
            "endswith" => Value::Bool(if bool_ci(args) {
                s.to_lowercase().ends_with(&s_arg(args, 0).to_lowercase())
            } else {
                s.ends_with(&s_arg(args, 0))
            }),
            "toupper" | "toupperinvariant" => Value::string(s.to_uppercase()),
            "tolower" | "tolowerinvariant" => Value::string(s.to_lowercase()),
            "trim" | "trimstart" | "trimend" => {
                let set: Vec<char> = args
                    .iter()
                    .flat_map(|a| a.to_display_string().chars().collect::<Vec<_>>())
                    .collect();
                let pred = |c: char| {
                    if set.is_empty() {
                        c.is_whitespace()
                    } else {
                        set.contains(&c)
                    }
                };
                Value::str(match lname {
                    "trim" => s.trim_matches(pred),
                    "trimstart" => s.trim_start_matches(pred),
                    _ => s.trim_end_matches(pred),
                })
            }
            "replace" => {
                if n < 2 {
                    return Err(arg_count(name, n));
                }
                let from = s_arg(args, 0);
                if from.is_empty() {
                    return Err(ErrorRecord::new(
                        "Exception calling \"Replace\" with \"2\" argument(s): \"String cannot be of zero length. (Parameter 'oldValue')\"",
                        "ArgumentException",
                        ErrorCategory::NotSpecified,
                    ));
                }
                Value::string(s.replace(&from, &s_arg(args, 1)))
            }
            "split" => {
                // String.Split takes literal separators: each character of a string
                // argument (char[] overload) — PowerShell passes a string as char[].
                if n == 0 {
                    return Ok(Value::array(
                        s.split(char::is_whitespace).map(Value::str).collect(),
                    ));
                }
                let mut seps: Vec<String> = Vec::new();
                let mut remove_empty = false;
                for a in args {
                    match a {
                        Value::Array(arr) => {
                            seps.extend(arr.borrow().iter().map(|v| v.to_display_string()))
                        }
                        Value::Str(t)
                            if t.eq_ignore_ascii_case("RemoveEmptyEntries") && !seps.is_empty() =>
                        {
                            remove_empty = true
                        }
                        Value::Int(1) if !seps.is_empty() => remove_empty = true,
                        Value::Int(_) if !seps.is_empty() => {}
                        other => {
                            let t = other.to_display_string();
                            seps.extend(t.chars().map(|c| c.to_string()));
                        }
                    }
                }
                let mut parts = vec![s.to_string()];
                for sep in &seps {
                    if sep.is_empty() {
                        continue;
                    }
                    parts = parts
                        .iter()
                        .flat_map(|p| {
                            p.split(sep.as_str())
                                .map(|x| x.to_string())
                                .collect::<Vec<_>>()
                        })
                        .collect();
                }
                Value::array(
                    parts
                        .into_iter()
                        .filter(|p| !(remove_empty && p.is_empty()))
                        .map(Value::string)
                        .collect(),
                )
            }
            "padleft" | "padright" => {
                let width = i_arg(args, 0)?;
                if width < 0 {
                    return Err(pad_width_negative(&lname, args.len()));
                }
                let width = ops::check_size(usize::try_from(width).ok())?;
                let pad = args
                    .get(1)
                    .map(|v| v.to_display_string().chars().next().unwrap_or(' '))
                    .unwrap_or(' ');
                let len = s.chars().count();
                if len >= width {
                    Value::str(s)
                } else {
                    let fill: String = std::iter::repeat_n(pad, width - len).collect();
                    Value::string(if lname == "padleft" {
                        fill + s
                    } else {
                        s.to_string() + &fill
                    })
                }
            }
            "equals" => Value::Bool(if bool_ci(args) {
                s.eq_ignore_ascii_case(&s_arg(args, 0))
            } else {
                s == s_arg(args, 0)
            }),
            "compareto" => Value::Int(ops::str_cmp(s, &s_arg(args, 0), true) as i32),
            "tostring" => Value::str(s),
            "tochararray" => Value::array(s.chars().map(Value::Char).collect()),
            "insert" => {
                let c = chars();
                let at = (i_arg(args, 0)? as usize).min(c.len());
                let mut out: String = c[..at].iter().collect();
                out.push_str(&s_arg(args, 1));
                out.extend(c[at..].iter());
                Value::string(out)
            }
            "remove" => {
                let c = chars();
                let at = (i_arg(args, 0)? as usize).min(c.len());
                let len = if n > 1 {
                    i_arg(args, 1)? as usize
                } else {
                    c.len() - at
                };
                let end = (at + len).min(c.len());
                let out: String = c[..at].iter().chain(c[end..].iter()).collect();
                Value::string(out)
            }
            "isnormalized" => Value::Bool(true),
            "normalize" => Value::str(s),
            "indexofany" => {
                let set: Vec<char> = args
                    .iter()
                    .flat_map(|a| a.enumerate())
                    .flat_map(|v| v.to_display_string().chars().collect::<Vec<_>>())
                    .collect();
                Value::Int(
                    s.chars()
                        .position(|c| set.contains(&c))
                        .map(|p| p as i32)
                        .unwrap_or(-1),
                )
            }
            "format" => Value::string(
                crate::format::composite::composite_format(s, args)
                    .map_err(|m| ops::runtime_error(m, "FormatError"))?,
            ),
            _ => return Err(method_missing(&Value::str(s), name)),
        })
    }

    /// `[type]::Member`
    pub fn static_member(&mut self, t: &Value, name: &str) -> Result<Value, ErrorRecord> {
        let Value::Type(t) = t else {
            return Err(method_missing(t, name));
        };
        let l = name.to_ascii_lowercase();
        Ok(match (t, l.as_str()) {
            (TypeName::Int, "maxvalue") => Value::Int(i32::MAX),
            (TypeName::Int, "minvalue") => Value::Int(i32::MIN),
            (TypeName::Long, "maxvalue") => Value::Long(i64::MAX),
            (TypeName::Long, "minvalue") => Value::Long(i64::MIN),
            (TypeName::Double, "maxvalue") => Value::Double(f64::MAX),
            (TypeName::Double, "minvalue") => Value::Double(f64::MIN),
            (TypeName::Double, "nan") => Value::Double(f64::NAN),
            (TypeName::Double, "positiveinfinity") => Value::Double(f64::INFINITY),
            (TypeName::Double, "negativeinfinity") => Value::Double(f64::NEG_INFINITY),
            (TypeName::Double, "epsilon") => Value::Double(f64::MIN_POSITIVE),
            (TypeName::Byte, "maxvalue") => Value::Int(255),
            (TypeName::String, "empty") => Value::str(""),
            (TypeName::Math, "pi") => Value::Double(std::f64::consts::PI),
            (TypeName::Math, "e") => Value::Double(std::f64::consts::E),
            (TypeName::DateTime, "now") | (TypeName::DateTime, "utcnow") => {
                Value::DateTime(now_ticks())
            }
            (TypeName::DateTime, "today") => {
                Value::DateTime(now_ticks() / dt::TICKS_PER_DAY * dt::TICKS_PER_DAY)
            }
            (TypeName::DateTime, "minvalue") => Value::DateTime(0),
            (TypeName::DateTime, "maxvalue") => Value::DateTime(3_155_378_975_999_999_999),
            (TypeName::TimeSpan, "zero") => Value::TimeSpan(0),
            (TypeName::Environment, "newline") => Value::str("\n"),
            (TypeName::Environment, "machinename") => self
                .get_var("computername", &crate::lang::ast::VarScope::Env)
                .unwrap_or(Value::str("localhost")),
            (TypeName::Environment, "username") => self
                .get_var("username", &crate::lang::ast::VarScope::Env)
                .unwrap_or(Value::str("user")),
            _ => {
                return Err(ErrorRecord::new(
                    format!(
                        "The property '{}' cannot be found on type [{}].",
                        name,
                        t.full_name()
                    ),
                    "PropertyNotFound",
                    ErrorCategory::InvalidOperation,
                ))
            }
        })
    }

    /// `[type]::Method(args)`
    pub fn call_static(
        &mut self,
        t: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> FlowResult<Option<Value>> {
        let Value::Type(ty) = t else {
            return Err(Flow::error(method_missing(t, name)));
        };
        let l = name.to_ascii_lowercase();
        let n = args.len();
        let a0 = args.first().cloned().unwrap_or(Value::Null);
        let e = Flow::error;
        let num = |v: &Value| to_f64(v).map_err(e);
        let ret = |v: Value| Ok(Some(v));
        match (ty, l.as_str()) {
            (TypeName::String, "isnullorempty") => ret(Value::Bool(
                a0.is_null() || a0.to_display_string().is_empty(),
            )),
            (TypeName::String, "isnullorwhitespace") => ret(Value::Bool(
                a0.is_null() || a0.to_display_string().trim().is_empty(),
            )),
            (TypeName::String, "join") => {
                let sep = a0.to_display_string();
                let items: Vec<Value> = if n == 2 {
                    args[1].enumerate()
                } else {
                    args.iter().skip(1).cloned().collect()
                };
                ret(ops::join(&Value::array(items), &sep))
            }
            (TypeName::String, "format") => {
                let fmt = a0.to_display_string();
                let rest: Vec<Value> = if n == 2 {
                    args[1].enumerate()
                } else {
                    args.iter().skip(1).cloned().collect()
                };
                let s = crate::format::composite::composite_format(&fmt, &rest)
                    .map_err(|m| e(ops::runtime_error(m, "FormatError")))?;
                ret(Value::string(s))
            }
            (TypeName::IoPath, "gettemppath") => {
                let mut t = std::env::temp_dir().display().to_string();
                if !t.ends_with(std::path::MAIN_SEPARATOR) {
                    t.push(std::path::MAIN_SEPARATOR);
                }
                ret(Value::string(t))
            }
            (TypeName::IoPath, "combine") => {
                let mut p = std::path::PathBuf::new();
                for a in &args {
                    p.push(a.to_display_string());
                }
                ret(Value::string(p.display().to_string()))
            }
            (TypeName::IoPath, "getfilename") => ret(Value::string(
                a0.to_display_string()
                    .rsplit(['/', '\\'])
                    .next()
                    .unwrap_or("")
                    .to_string(),
            )),
            (TypeName::IoPath, "getextension") => {
                let f = a0.to_display_string();
                let name = f.rsplit(['/', '\\']).next().unwrap_or("").to_string();
                ret(Value::string(
                    name.rfind('.')
                        .map(|i| name[i..].to_string())
                        .unwrap_or_default(),
                ))
            }
            (TypeName::IoPath, "getfilenamewithoutextension") => {
                let f = a0.to_display_string();
                let name = f.rsplit(['/', '\\']).next().unwrap_or("").to_string();
                ret(Value::string(
                    name.rfind('.')
                        .map(|i| name[..i].to_string())
                        .unwrap_or(name),
                ))
            }
            (TypeName::IoPath, "getdirectoryname") => {
                let f = a0.to_display_string();
                ret(Value::string(
                    f.rfind(['/', '\\'])
                        .map(|i| f[..i].to_string())
                        .unwrap_or_default(),
                ))
            }
            (TypeName::String, "concat") => ret(Value::string(
                args.iter().map(|v| v.to_display_string()).collect(),
            )),
            (TypeName::String, "compare") => ret(Value::Int(ops::str_cmp(
                &a0.to_display_string(),
                &s_arg(&args, 1),
                !args.get(2).map(|v| v.truthy()).unwrap_or(false),
            ) as i32)),
            (TypeName::ArrayList, "new") => ret(Value::array_of(Vec::new(), ArrayKind::ArrayList)),
            (TypeName::List, "new") => ret(Value::array_of(
                args.first()
                    .map(|v| v.enumerate())
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|_| !matches!(args.first(), Some(Value::Int(_))))
                    .collect(),
                ArrayKind::List,
            )),
            (TypeName::String, "new") => {
                let text = s_arg(&args, 0);
                let times = args.get(1).map(|v| to_i64(v).unwrap_or(1)).unwrap_or(1);
                ret(Value::string(
                    text.repeat(ops::repeat_count(text.len(), times)?),
                ))
            }
            (TypeName::Math, "round") => {
                let x = num(&a0)?;
                let digits = if n > 1 {
                    to_i32(&args[1]).map_err(e)?
                } else {
                    0
                };
                let away = args
                    .iter()
                    .skip(1)
                    .any(|v| v.to_display_string().eq_ignore_ascii_case("AwayFromZero"));
                let digits = if n > 1 && matches!(args[1], Value::Str(_)) {
                    0
                } else {
                    digits
                };
                let f = 10f64.powi(digits);
                let scaled = x * f;
                let r = if away {
                    scaled.round()
                } else {
                    convert::round_half_even(scaled)
                };
                let r = r / f;
                ret(if matches!(a0, Value::Int(_) | Value::Long(_)) {
                    a0.clone()
                } else {
                    Value::Double(r)
                })
            }
            (TypeName::Math, "floor") => ret(Value::Double(num(&a0)?.floor())),
            (TypeName::Math, "ceiling") => ret(Value::Double(num(&a0)?.ceil())),
            (TypeName::Math, "truncate") => ret(Value::Double(num(&a0)?.trunc())),
            (TypeName::Math, "abs") => ret(match &a0 {
                Value::Int(i) => Value::Int(i.wrapping_abs()),
                Value::Long(i) => Value::Long(i.wrapping_abs()),
                other => Value::Double(num(other)?.abs()),
            }),
            (TypeName::Math, "max") | (TypeName::Math, "min") => {
                let b = args.get(1).cloned().unwrap_or(Value::Null);
                let o = ops::compare(&a0, &b, false).map_err(e)?;
                let pick_a = if l == "max" {
                    o != std::cmp::Ordering::Less
                } else {
                    o != std::cmp::Ordering::Greater
                };
                let (x, y) = (a0.clone(), b);
                let r = if pick_a { x } else { y };
                // Mixed int/double returns a double, as .NET's overload resolution does.
                ret(
                    if matches!(a0, Value::Double(_))
                        || matches!(args.get(1), Some(Value::Double(_)))
                    {
                        Value::Double(num(&r)?)
                    } else {
                        r
                    },
                )
            }
            (TypeName::Math, "pow") => ret(Value::Double(
                num(&a0)?.powf(num(args.get(1).unwrap_or(&Value::Null))?),
            )),
            (TypeName::Math, "sqrt") => ret(Value::Double(num(&a0)?.sqrt())),
            (TypeName::Math, "log") => ret(Value::Double(if n > 1 {
                num(&a0)?.log(num(&args[1])?)
            } else {
                num(&a0)?.ln()
            })),
            (TypeName::Math, "log10") => ret(Value::Double(num(&a0)?.log10())),
            (TypeName::Math, "exp") => ret(Value::Double(num(&a0)?.exp())),
            (TypeName::Math, "sign") => ret(Value::Int(
                num(&a0)?.signum() as i32 * if num(&a0)? == 0.0 { 0 } else { 1 },
            )),
            (TypeName::Int | TypeName::Long | TypeName::Double, "parse") => {
                let s = a0.to_display_string();
                let t = *ty;
                match crate::engine::convert::convert_to(&Value::string(s.clone()), t) {
                    Ok(v) if !s.trim().is_empty() => ret(v),
                    _ => Err(e(ErrorRecord::new(
                        format!("Exception calling \"Parse\" with \"1\" argument(s): \"The input string '{}' was not in a correct format.\"", s),
                        "FormatException",
                        ErrorCategory::NotSpecified,
                    ))),
                }
            }
            (TypeName::Char, "isdigit") => ret(Value::Bool(
                first_char(&a0).is_some_and(|c| c.is_ascii_digit()),
            )),
            (TypeName::Char, "isletter") => ret(Value::Bool(
                first_char(&a0).is_some_and(char::is_alphabetic),
            )),
            (TypeName::Char, "isletterordigit") => ret(Value::Bool(
                first_char(&a0).is_some_and(char::is_alphanumeric),
            )),
            (TypeName::Char, "isupper") => {
                ret(Value::Bool(first_char(&a0).is_some_and(char::is_uppercase)))
            }
            (TypeName::Char, "islower") => {
                ret(Value::Bool(first_char(&a0).is_some_and(char::is_lowercase)))
            }
            (TypeName::Char, "iswhitespace") => ret(Value::Bool(
                first_char(&a0).is_some_and(char::is_whitespace),
            )),
            (TypeName::DateTime, "parse") => {
                ret(convert::convert_to(&a0, TypeName::DateTime).map_err(e)?)
            }
            (TypeName::DateTime, "daysinmonth") => ret(Value::Int(dt::days_in_month(
                to_i64(&a0).map_err(e)?,
                to_i64(args.get(1).unwrap_or(&Value::Null)).map_err(e)? as u32,
            ) as i32)),
            (TypeName::TimeSpan, "fromseconds") => ret(Value::TimeSpan(
                (num(&a0)? * dt::TICKS_PER_SECOND as f64) as i64,
            )),
            (TypeName::TimeSpan, "fromminutes") => ret(Value::TimeSpan(
                (num(&a0)? * 60.0 * dt::TICKS_PER_SECOND as f64) as i64,
            )),
            (TypeName::TimeSpan, "fromhours") => ret(Value::TimeSpan(
                (num(&a0)? * 3600.0 * dt::TICKS_PER_SECOND as f64) as i64,
            )),
            (TypeName::TimeSpan, "fromdays") => ret(Value::TimeSpan(
                (num(&a0)? * dt::TICKS_PER_DAY as f64) as i64,
            )),
            (TypeName::TimeSpan, "frommilliseconds") => {
                ret(Value::TimeSpan((num(&a0)? * 10_000.0) as i64))
            }
            (TypeName::TimeSpan, "parse") => {
                ret(convert::convert_to(&a0, TypeName::TimeSpan).map_err(e)?)
            }
            (TypeName::Regex, "escape") => {
                ret(Value::string(regex::escape(&a0.to_display_string())))
            }
            (TypeName::Regex, "unescape") => {
                ret(Value::string(a0.to_display_string().replace('\\', "")))
            }
            (TypeName::Regex, "ismatch")
            | (TypeName::Regex, "match")
            | (TypeName::Regex, "matches")
            | (TypeName::Regex, "replace")
            | (TypeName::Regex, "split") => {
                let re = ops::build_regex(&s_arg(&args, 1), false).map_err(e)?;
                let mut rest = vec![a0.clone()];
                rest.extend(args.iter().skip(2).cloned());
                regex_method(&re, &l, name, &rest).map(Some).map_err(e)
            }
            (TypeName::Convert, "toint32") | (TypeName::Convert, "toint64") => {
                if n == 2 {
                    let base = to_i32(&args[1]).map_err(e)?;
                    let s = a0.to_display_string();
                    let v = i64::from_str_radix(s.trim().trim_start_matches("0x"), base as u32)
                        .map_err(|_| {
                            e(ErrorRecord::new(
                                format!("Could not find any recognizable digits."),
                                "FormatException",
                                ErrorCategory::NotSpecified,
                            ))
                        })?;
                    return ret(if l == "toint32" {
                        Value::Int(v as i32)
                    } else {
                        Value::Long(v)
                    });
                }
                ret(if l == "toint32" {
                    Value::Int(to_i32(&a0).map_err(e)?)
                } else {
                    Value::Long(to_i64(&a0).map_err(e)?)
                })
            }
            (TypeName::Convert, "tostring") => {
                if n == 2 {
                    let v = to_i64(&a0).map_err(e)?;
                    let base = to_i32(&args[1]).map_err(e)?;
                    return ret(Value::string(match base {
                        2 => format!("{:b}", v),
                        8 => format!("{:o}", v),
                        16 => format!("{:x}", v),
                        _ => v.to_string(),
                    }));
                }
                ret(Value::string(a0.to_display_string()))
            }
            (TypeName::Convert, "toboolean") => ret(Value::Bool(match &a0 {
                Value::Str(s) => s.eq_ignore_ascii_case("true"),
                other => other.truthy(),
            })),
            (TypeName::Convert, "todouble") => ret(Value::Double(num(&a0)?)),
            (TypeName::Guid, "newguid") => {
                self.pipeline_counter += 1;
                ret(Value::string(format!(
                    "00000000-0000-4000-8000-{:012x}",
                    self.pipeline_counter
                )))
            }
            _ => Err(e(ErrorRecord::new(
                format!(
                    "Method invocation failed because [{}] does not contain a method named '{}'.",
                    ty.full_name(),
                    name
                ),
                "MethodNotFound",
                ErrorCategory::InvalidOperation,
            ))),
        }
    }
}

fn bool_ci(args: &[Value]) -> bool {
    args.get(1).is_some_and(|v| {
        let s = v.to_display_string().to_ascii_lowercase();
        s.contains("ignorecase") || matches!(v, Value::Bool(true))
    })
}

fn first_char(v: &Value) -> Option<char> {
    match v {
        Value::Char(c) => Some(*c),
        other => other.to_display_string().chars().next(),
    }
}

fn property_not_found(name: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("The property '{}' cannot be found on this object. Verify that the property exists and can be set.", name),
        "PropertyAssignmentException",
        ErrorCategory::InvalidOperation,
    )
}

/// The simulated clock's notion of now is provided by the lab; without one, real time.
pub fn now_ticks() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() / 100)
        .unwrap_or(0);
    dt::UNIX_EPOCH_TICKS + secs as i64
}

fn datetime_member(t: i64, l: &str) -> Value {
    let c = dt::to_civil(t);
    match l {
        "year" => Value::Int(c.year as i32),
        "month" => Value::Int(c.month as i32),
        "day" => Value::Int(c.day as i32),
        "hour" => Value::Int(c.hour as i32),
        "minute" => Value::Int(c.minute as i32),
        "second" => Value::Int(c.second as i32),
        "millisecond" => Value::Int((c.frac / 10_000) as i32),
        "ticks" => Value::Long(t),
        "dayofweek" => Value::str(
            [
                "Sunday",
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
            ][dt::day_of_week(t) as usize % 7],
        ),
        "dayofyear" => Value::Int(
            (dt::days_from_civil(c.year, c.month, c.day) - dt::days_from_civil(c.year, 1, 1) + 1)
                as i32,
        ),
        "date" => Value::DateTime(t - t.rem_euclid(dt::TICKS_PER_DAY)),
        "timeofday" => Value::TimeSpan(t.rem_euclid(dt::TICKS_PER_DAY)),
        "kind" => Value::str("Local"),
        _ => Value::Null,
    }
}

fn timespan_member(t: i64, l: &str) -> Value {
    let tps = dt::TICKS_PER_SECOND;
    match l {
        "days" => Value::Int((t / dt::TICKS_PER_DAY) as i32),
        "hours" => Value::Int((t / (3600 * tps) % 24) as i32),
        "minutes" => Value::Int((t / (60 * tps) % 60) as i32),
        "seconds" => Value::Int((t / tps % 60) as i32),
        "milliseconds" => Value::Int((t / 10_000 % 1000) as i32),
        "ticks" => Value::Long(t),
        "totaldays" => Value::Double(t as f64 / dt::TICKS_PER_DAY as f64),
        "totalhours" => Value::Double(t as f64 / (3600 * tps) as f64),
        "totalminutes" => Value::Double(t as f64 / (60 * tps) as f64),
        "totalseconds" => Value::Double(t as f64 / tps as f64),
        "totalmilliseconds" => Value::Double(t as f64 / 10_000.0),
        _ => Value::Null,
    }
}

fn add_months(t: i64, months: i64) -> i64 {
    let c = dt::to_civil(t);
    let total = c.year * 12 + (c.month as i64 - 1) + months;
    let year = total.div_euclid(12);
    let month = (total.rem_euclid(12) + 1) as u32;
    let day = c.day.min(dt::days_in_month(year, month));
    dt::from_civil(dt::Civil {
        year,
        month,
        day,
        ..c
    })
}

fn datetime_method(t: i64, l: &str, name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let f = |i: usize| {
        args.get(i)
            .map(to_f64)
            .transpose()
            .map(|x| x.unwrap_or(0.0))
    };
    let tps = dt::TICKS_PER_SECOND as f64;
    Ok(match l {
        "adddays" => Value::DateTime(t + (f(0)? * dt::TICKS_PER_DAY as f64) as i64),
        "addhours" => Value::DateTime(t + (f(0)? * 3600.0 * tps) as i64),
        "addminutes" => Value::DateTime(t + (f(0)? * 60.0 * tps) as i64),
        "addseconds" => Value::DateTime(t + (f(0)? * tps) as i64),
        "addmilliseconds" => Value::DateTime(t + (f(0)? * 10_000.0) as i64),
        "addticks" => Value::DateTime(t + i_arg(args, 0)?),
        "addmonths" => Value::DateTime(add_months(t, i_arg(args, 0)?)),
        "addyears" => Value::DateTime(add_months(t, i_arg(args, 0)? * 12)),
        "add" => match args.first() {
            Some(Value::TimeSpan(d)) => Value::DateTime(t + d),
            _ => return Err(arg_count(name, args.len())),
        },
        "subtract" => match args.first() {
            Some(Value::TimeSpan(d)) => Value::DateTime(t - d),
            Some(Value::DateTime(d)) => Value::TimeSpan(t - d),
            _ => return Err(arg_count(name, args.len())),
        },
        "tostring" => {
            if args.is_empty() {
                Value::string(dt::format_default(t))
            } else {
                Value::string(dt::format_custom(t, &s_arg(args, 0)))
            }
        }
        "toshortdatestring" => Value::string(dt::format_custom(t, "d")),
        "tolongdatestring" => Value::string(dt::format_custom(t, "D")),
        "toshorttimestring" => Value::string(dt::format_custom(t, "t")),
        "tolongtimestring" => Value::string(dt::format_custom(t, "T")),
        "touniversaltime" | "tolocaltime" => Value::DateTime(t),
        "compareto" => match args.first() {
            Some(Value::DateTime(d)) => Value::Int(t.cmp(d) as i32),
            _ => return Err(arg_count(name, args.len())),
        },
        _ => return Err(method_missing(&Value::DateTime(t), name)),
    })
}

pub fn match_object(m: &regex::Match, caps: Option<&regex::Captures>) -> Value {
    let mut groups = Vec::new();
    if let Some(c) = caps {
        for g in c.iter() {
            groups.push(match g {
                Some(g) => obj(
                    "System.Text.RegularExpressions.Group",
                    vec![
                        ("Value", Value::str(g.as_str())),
                        ("Success", Value::Bool(true)),
                        ("Index", Value::from(g.start())),
                    ],
                ),
                None => obj(
                    "System.Text.RegularExpressions.Group",
                    vec![("Value", Value::str("")), ("Success", Value::Bool(false))],
                ),
            });
        }
    }
    obj(
        "System.Text.RegularExpressions.Match",
        vec![
            ("Groups", Value::array(groups)),
            ("Success", Value::Bool(true)),
            ("Index", Value::from(m.start())),
            ("Length", Value::from(m.as_str().chars().count())),
            ("Value", Value::str(m.as_str())),
            ("__ToString", Value::str(m.as_str())),
        ],
    )
}

fn regex_method(
    re: &regex::Regex,
    l: &str,
    name: &str,
    args: &[Value],
) -> Result<Value, ErrorRecord> {
    let input = s_arg(args, 0);
    Ok(match l {
        "ismatch" => Value::Bool(re.is_match(&input)),
        "match" => match re.captures(&input) {
            Some(c) => match c.get(0) {
                Some(m) => match_object(&m, Some(&c)),
                None => Value::Null,
            },
            None => obj(
                "System.Text.RegularExpressions.Match",
                vec![
                    ("Success", Value::Bool(false)),
                    ("Value", Value::str("")),
                    ("Groups", Value::array(vec![])),
                ],
            ),
        },
        "matches" => Value::array(
            re.captures_iter(&input)
                .filter_map(|c| c.get(0).map(|m| match_object(&m, Some(&c))))
                .collect(),
        ),
        "replace" => Value::string(
            re.replace_all(&input, ops::translate_replacement(&s_arg(args, 1)).as_str())
                .into_owned(),
        ),
        "split" => Value::array(re.split(&input).map(Value::str).collect()),
        "tostring" => Value::str(re.as_str()),
        _ => return Err(method_missing(&Value::Regex(Rc::new(re.clone())), name)),
    })
}

/// A hashtable of an object's note properties (used by cmdlets).
pub fn object_to_hashtable(o: &PsObject) -> Hashtable {
    let mut h = Hashtable::new(true);
    for (k, v) in o.iter() {
        h.insert(Value::Str(k.clone()), v.clone());
    }
    h
}
