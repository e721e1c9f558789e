//! Parameter binding (interim version; replaced by the manifest-driven binder).

use crate::engine::command::{
    Bound, CommandSpec, ParamSetMembership, ParamSpec, ParamType, ALL_SETS,
};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::Value;
use crate::lang::ast::{ParamBlock, Span};

pub enum RawArg {
    Named {
        name: String,
        value: Option<Value>,
        colon: bool,
        span: Span,
    },
    Positional {
        value: Value,
        span: Span,
    },
}

#[derive(Clone, Debug, Default)]
pub struct Partial {
    pub bound: Bound,
    pub rest: Vec<Value>,
}

#[derive(Debug)]
pub struct BindError(pub ErrorRecord);

impl From<BindError> for ErrorRecord {
    fn from(e: BindError) -> ErrorRecord {
        e.0
    }
}

fn err(msg: String, id: &str) -> BindError {
    BindError(ErrorRecord::new(msg, id, ErrorCategory::InvalidArgument))
}

fn find<'a>(spec: &'a CommandSpec, name: &str) -> Result<Option<&'a ParamSpec>, BindError> {
    let l = name.to_lowercase();
    if let Some(p) = spec
        .params
        .iter()
        .find(|p| p.name.to_lowercase() == l || p.aliases.iter().any(|a| a.to_lowercase() == l))
    {
        return Ok(Some(p));
    }
    let c: Vec<&ParamSpec> = spec
        .params
        .iter()
        .filter(|p| p.name.to_lowercase().starts_with(&l))
        .collect();
    match c.len() {
        0 => Ok(None),
        1 => Ok(Some(c[0])),
        _ => Err(err(
            format!(
                "Parameter cannot be processed because the parameter name '{}' is ambiguous. Possible matches include: {}.",
                name,
                c.iter().map(|p| format!("-{}", p.name)).collect::<Vec<_>>().join(" ")
            ),
            "AmbiguousParameter",
        )),
    }
}

fn conv(p: &ParamSpec, v: Value) -> Result<Value, BindError> {
    use crate::engine::value::TypeName as T;
    let t = match p.ty {
        ParamType::String => Some(T::String),
        ParamType::StringArray => Some(T::StringArray),
        ParamType::Int => Some(T::Int),
        ParamType::IntArray => Some(T::IntArray),
        ParamType::Long => Some(T::Long),
        ParamType::Double => Some(T::Double),
        ParamType::Bool | ParamType::Switch => Some(T::Bool),
        ParamType::DateTime => Some(T::DateTime),
        ParamType::TimeSpan => Some(T::TimeSpan),
        ParamType::ObjectArray => Some(T::Array),
        _ => None,
    };
    match t {
        Some(t) => crate::engine::convert::convert_to(&v, t).map_err(|e| {
            err(
                format!("Cannot bind parameter '{}'. {}", p.name, e.message),
                "ParameterArgumentTransformationError",
            )
        }),
        None => Ok(v),
    }
}

pub fn bind_args(spec: &CommandSpec, args: Vec<RawArg>) -> Result<Partial, BindError> {
    let mut out = Partial::default();
    let mut positional = Vec::new();
    let mut it = args.into_iter().peekable();
    while let Some(a) = it.next() {
        match a {
            RawArg::Positional { value, .. } => positional.push(value),
            RawArg::Named {
                name, value, colon, ..
            } => match find(spec, &name)? {
                Some(p) => {
                    let v = if p.ty == ParamType::Switch {
                        value
                            .map(|v| Value::Bool(v.truthy()))
                            .unwrap_or(Value::Bool(true))
                    } else if colon {
                        value.unwrap_or(Value::Null)
                    } else {
                        match it.next() {
                            Some(RawArg::Positional { value, .. }) => value,
                            _ => {
                                return Err(err(
                                    format!("Missing an argument for parameter '{}'. Specify a parameter of type '{}' and try again.", p.name, p.ty.display()),
                                    "MissingArgument",
                                ))
                            }
                        }
                    };
                    let v = conv(p, v)?;
                    out.bound.values.insert(p.name.clone(), v);
                }
                None if !spec.cmdlet_binding => out.rest.push(Value::string(format!("-{}", name))),
                None => {
                    return Err(err(
                        format!(
                            "A parameter cannot be found that matches parameter name '{}'.",
                            name
                        ),
                        "NamedParameterNotFound",
                    ))
                }
            },
        }
    }
    let mut by_pos: Vec<&ParamSpec> = spec
        .params
        .iter()
        .filter(|p| p.sets.iter().any(|s| s.position.is_some()))
        .collect();
    by_pos.sort_by_key(|p| p.sets.iter().filter_map(|s| s.position).min());
    let already: Vec<String> = out.bound.values.keys().cloned().collect();
    let mut free = by_pos.into_iter().filter(|p| !already.contains(&p.name));
    for v in positional {
        match free.next() {
            Some(p) => {
                let v = conv(p, v)?;
                out.bound.values.insert(p.name.clone(), v);
            }
            None if !spec.cmdlet_binding => out.rest.push(v),
            None => {
                return Err(err(
                    format!(
                        "A positional parameter cannot be found that accepts argument '{}'.",
                        v.to_display_string()
                    ),
                    "PositionalParameterNotFound",
                ))
            }
        }
    }
    Ok(out)
}

pub fn bind_pipeline(
    spec: &CommandSpec,
    partial: &Partial,
    input: &Value,
) -> Result<Bound, BindError> {
    let mut b = partial.bound.clone();
    for p in &spec.params {
        if b.values.contains_key(&p.name) {
            continue;
        }
        if p.sets.iter().any(|s| s.from_pipeline) {
            b.values.insert(p.name.clone(), conv(p, input.clone())?);
        } else if p.sets.iter().any(|s| s.from_pipeline_by_name) {
            if let Value::Object(o) = input {
                if let Some(v) = o.borrow().get(&p.name) {
                    b.values.insert(p.name.clone(), conv(p, v.clone())?);
                }
            }
        }
    }
    Ok(b)
}

pub fn finish(
    spec: &CommandSpec,
    partial: &Partial,
    has_pipeline_input: bool,
) -> Result<Bound, BindError> {
    let missing: Vec<&str> = spec
        .params
        .iter()
        .filter(|p| {
            p.sets.iter().any(|s| {
                s.mandatory && !(has_pipeline_input && (s.from_pipeline || s.from_pipeline_by_name))
            })
        })
        .filter(|p| !partial.bound.values.contains_key(&p.name))
        .map(|p| p.name.as_str())
        .collect();
    if !missing.is_empty() {
        return Err(err(
            format!(
                "Cannot process command because of one or more missing mandatory parameters: {}.",
                missing.join(" ")
            ),
            "MissingMandatoryParameter",
        ));
    }
    Ok(partial.bound.clone())
}

pub fn spec_from_param_block(name: &str, pb: Option<&ParamBlock>) -> CommandSpec {
    let mut spec = CommandSpec {
        name: name.to_string(),
        ..Default::default()
    };
    if let Some(pb) = pb {
        spec.cmdlet_binding = pb.cmdlet_binding
            || pb
                .params
                .iter()
                .any(|p| p.mandatory || p.from_pipeline || p.position.is_some());
        spec.supports_should_process = pb.supports_should_process;
        let explicit = pb.params.iter().any(|p| p.position.is_some());
        for (k, d) in pb.params.iter().enumerate() {
            let ty = d
                .type_lit
                .as_ref()
                .and_then(|t| ParamType::parse(&t.name))
                .unwrap_or(ParamType::Object);
            let position = if explicit {
                d.position.map(|p| p as u32)
            } else if ty == ParamType::Switch {
                None
            } else {
                Some(k as u32)
            };
            spec.params.push(ParamSpec {
                name: d.name.text.to_string(),
                aliases: d.aliases.clone(),
                ty,
                sets: vec![ParamSetMembership {
                    set: ALL_SETS.to_string(),
                    mandatory: d.mandatory,
                    position,
                    from_pipeline: d.from_pipeline,
                    from_pipeline_by_name: d.from_pipeline_by_name,
                }],
                accepted_values: d.validate_set.clone().unwrap_or_default(),
                not_null_or_empty: d.validate_not_null_or_empty,
                help: d.help.clone().unwrap_or_default(),
                default_doc: None,
            });
        }
    }
    spec
}
