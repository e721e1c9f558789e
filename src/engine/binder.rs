//! Parameter binding, driven by a [`CommandSpec`] (from a cmdlet manifest or a function's
//! `param` block), in PowerShell's order:
//!
//! 1. named arguments (`-Name value`, `-Name:value`, a unique prefix or an alias; the
//!    common parameters too), each narrowing the candidate parameter sets;
//! 2. positional arguments, each to the lowest free position of the candidate sets,
//!    preferring a parameter that takes the value without conversion, then the default
//!    set; `ValueFromRemainingArguments` collects what is left;
//! 3. per pipeline object: by value without conversion, by property name, then by value
//!    with conversion;
//! 4. the parameter set is resolved (one candidate, else the default set, else the one
//!    set whose mandatory parameters are all there) and mandatory parameters checked.
//!
//! Values are converted to the declared type, and ValidateSet/ValidateNotNullOrEmpty
//! checked, as they are bound. Error messages are PowerShell's.

use crate::engine::command::{
    ActionPreference, Bound, CommandSpec, CommonParams, ParamSetMembership, ParamSpec, ParamType,
    ALL_SETS,
};
use crate::engine::error::{ErrorCategory, ErrorRecord};
use crate::engine::value::{TypeName, Value};
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

/// The result of binding the command line, before pipeline input.
#[derive(Clone, Debug, Default)]
pub struct Partial {
    pub bound: Bound,
    /// Arguments a simple function did not bind (its `$args`).
    pub rest: Vec<Value>,
    /// The parameter sets still possible.
    pub candidates: Vec<String>,
}

#[derive(Debug)]
pub struct BindError {
    pub record: ErrorRecord,
    /// The argument the error is about, when there is one.
    pub span: Option<Span>,
}

impl From<BindError> for ErrorRecord {
    fn from(e: BindError) -> ErrorRecord {
        e.record
    }
}

fn err(msg: String, id: &str, category: ErrorCategory) -> BindError {
    BindError {
        record: ErrorRecord::new(msg, id, category),
        span: None,
    }
}

fn at(mut e: BindError, span: Span) -> BindError {
    if e.span.is_none() {
        e.span = Some(span);
    }
    e
}

/// The common parameters: name, aliases, and whether they exist only with
/// SupportsShouldProcess.
const COMMON: &[(&str, &[&str], bool)] = &[
    ("Verbose", &["vb"], false),
    ("Debug", &["db"], false),
    ("ErrorAction", &["ea"], false),
    ("WarningAction", &["wa"], false),
    ("InformationAction", &["infa"], false),
    ("ProgressAction", &["proga"], false),
    ("ErrorVariable", &["ev"], false),
    ("WarningVariable", &["wv"], false),
    ("InformationVariable", &["iv"], false),
    ("OutVariable", &["ov"], false),
    ("OutBuffer", &["ob"], false),
    ("PipelineVariable", &["pv"], false),
    ("WhatIf", &["wi"], true),
    ("Confirm", &["cf"], true),
];

const COMMON_SWITCHES: &[&str] = &["Verbose", "Debug", "WhatIf", "Confirm"];

/// The names of the common parameters a command accepts (for help and completion).
pub fn common_parameter_names(spec: &CommandSpec) -> Vec<&'static str> {
    if !spec.cmdlet_binding {
        return Vec::new();
    }
    COMMON
        .iter()
        .filter(|(_, _, ssp)| !ssp || spec.supports_should_process)
        .map(|(n, _, _)| *n)
        .collect()
}

enum Target<'a> {
    Param(&'a ParamSpec),
    Common(&'static str),
}

impl Target<'_> {
    fn name(&self) -> &str {
        match self {
            Target::Param(p) => &p.name,
            Target::Common(n) => n,
        }
    }
    fn is_switch(&self) -> bool {
        match self {
            Target::Param(p) => p.ty == ParamType::Switch,
            Target::Common(n) => COMMON_SWITCHES.contains(n),
        }
    }
    fn type_name(&self) -> &'static str {
        match self {
            Target::Param(p) => dotnet_name(p.ty),
            Target::Common(n) => match *n {
                "OutBuffer" => "System.Int32",
                n if n.ends_with("Action") => "System.Management.Automation.ActionPreference",
                _ => "System.String",
            },
        }
    }
}

/// The .NET type name PowerShell's messages use.
pub fn dotnet_name(t: ParamType) -> &'static str {
    match t {
        ParamType::String => "System.String",
        ParamType::StringArray => "System.String[]",
        ParamType::Int => "System.Int32",
        ParamType::IntArray => "System.Int32[]",
        ParamType::Long => "System.Int64",
        ParamType::Double => "System.Double",
        ParamType::Bool => "System.Boolean",
        ParamType::Switch => "System.Management.Automation.SwitchParameter",
        ParamType::ScriptBlock => "System.Management.Automation.ScriptBlock",
        ParamType::ScriptBlockArray => "System.Management.Automation.ScriptBlock[]",
        ParamType::Object => "System.Object",
        ParamType::ObjectArray => "System.Object[]",
        ParamType::Hashtable => "System.Collections.Hashtable",
        ParamType::DateTime => "System.DateTime",
        ParamType::TimeSpan => "System.TimeSpan",
    }
}

/// Finds the parameter `-name` means: exact name or alias, else a unique prefix.
fn find<'a>(spec: &'a CommandSpec, name: &str) -> Result<Option<Target<'a>>, BindError> {
    let common: Vec<&(&str, &[&str], bool)> = if spec.cmdlet_binding {
        COMMON
            .iter()
            .filter(|(_, _, ssp)| !ssp || spec.supports_should_process)
            .collect()
    } else {
        Vec::new()
    };
    let eq = |a: &str| a.eq_ignore_ascii_case(name);
    if let Some(p) = spec
        .params
        .iter()
        .find(|p| eq(&p.name) || p.aliases.iter().any(|a| eq(a)))
    {
        return Ok(Some(Target::Param(p)));
    }
    if let Some((n, _, _)) = common
        .iter()
        .find(|(n, al, _)| eq(n) || al.iter().any(|a| eq(a)))
    {
        return Ok(Some(Target::Common(n)));
    }
    let lower = name.to_ascii_lowercase();
    let pre = |a: &str| a.to_ascii_lowercase().starts_with(&lower);
    let mut hits: Vec<Target> = Vec::new();
    for p in &spec.params {
        if pre(&p.name) || p.aliases.iter().any(|a| pre(a)) {
            hits.push(Target::Param(p));
        }
    }
    for (n, al, _) in &common {
        if pre(n) || al.iter().any(|a| pre(a)) {
            hits.push(Target::Common(n));
        }
    }
    match hits.len() {
        0 => Ok(None),
        1 => Ok(hits.pop()),
        _ => Err(err(
            format!(
                "Parameter cannot be processed because the parameter name '{}' is ambiguous. Possible matches include: {}.",
                name,
                hits.iter()
                    .map(|t| format!("-{}", t.name()))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            "AmbiguousParameter",
            ErrorCategory::InvalidArgument,
        )),
    }
}

/// True when `v` is already of the parameter's type (binding prefers such parameters).
fn fits(t: ParamType, v: &Value) -> bool {
    let all = |f: &dyn Fn(&Value) -> bool| match v {
        Value::Array(a) => a.borrow().iter().all(f),
        other => f(other),
    };
    match t {
        ParamType::Object | ParamType::ObjectArray => true,
        ParamType::String => matches!(v, Value::Str(_) | Value::Char(_)),
        ParamType::StringArray => all(&|x| matches!(x, Value::Str(_) | Value::Char(_))),
        ParamType::Int => matches!(v, Value::Int(_)),
        ParamType::IntArray => all(&|x| matches!(x, Value::Int(_))),
        ParamType::Long => matches!(v, Value::Int(_) | Value::Long(_)),
        ParamType::Double => matches!(v, Value::Int(_) | Value::Long(_) | Value::Double(_)),
        ParamType::Bool | ParamType::Switch => matches!(v, Value::Bool(_)),
        ParamType::ScriptBlock => matches!(v, Value::ScriptBlock(_)),
        ParamType::ScriptBlockArray => all(&|x| matches!(x, Value::ScriptBlock(_))),
        ParamType::Hashtable => matches!(v, Value::Hashtable(_)),
        ParamType::DateTime => matches!(v, Value::DateTime(_)),
        ParamType::TimeSpan => matches!(v, Value::TimeSpan(_)),
    }
}

fn cannot_convert(v: &Value, to: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!(
            "Cannot convert the \"{}\" value of type \"{}\" to type \"{}\".",
            v.to_display_string(),
            v.type_name(),
            to
        ),
        "ConvertToFinalInvalidCastException",
        ErrorCategory::InvalidArgument,
    )
}

fn convert_value(t: ParamType, v: Value) -> Result<Value, ErrorRecord> {
    use crate::engine::convert::convert_to;
    match t {
        ParamType::Object | ParamType::ObjectArray => Ok(v),
        ParamType::Switch | ParamType::Bool => Ok(Value::Bool(v.truthy())),
        ParamType::ScriptBlock => match v {
            Value::ScriptBlock(_) => Ok(v),
            other => Err(cannot_convert(&other, dotnet_name(t))),
        },
        ParamType::ScriptBlockArray => match &v {
            Value::ScriptBlock(_) => Ok(v),
            Value::Array(a)
                if a.borrow()
                    .iter()
                    .all(|x| matches!(x, Value::ScriptBlock(_))) =>
            {
                Ok(v)
            }
            other => Err(cannot_convert(other, dotnet_name(t))),
        },
        ParamType::Hashtable => match v {
            Value::Hashtable(_) => Ok(v),
            other => Err(cannot_convert(&other, dotnet_name(t))),
        },
        ParamType::String => convert_to(&v, TypeName::String),
        ParamType::StringArray => convert_to(&v, TypeName::StringArray),
        ParamType::Int => convert_to(&v, TypeName::Int),
        ParamType::IntArray => convert_to(&v, TypeName::IntArray),
        ParamType::Long => convert_to(&v, TypeName::Long),
        ParamType::Double => convert_to(&v, TypeName::Double),
        ParamType::DateTime => convert_to(&v, TypeName::DateTime),
        ParamType::TimeSpan => convert_to(&v, TypeName::TimeSpan),
    }
}

/// Converts and validates a value for `p`.
#[inline]
fn conv(spec: &CommandSpec, p: &ParamSpec, v: Value) -> Result<Value, BindError> {
    // The common case, inline: a value already of the parameter's type, nothing to
    // validate.
    let kept = match (p.ty, &v) {
        (ParamType::Object | ParamType::ObjectArray, _)
        | (ParamType::Int, Value::Int(_))
        | (ParamType::String, Value::Str(_)) => true,
        _ => false,
    };
    if kept && !p.not_null_or_empty && p.accepted_values.is_empty() {
        return Ok(v);
    }
    conv_value(spec, p, v)
}

#[inline(never)]
fn conv_value(spec: &CommandSpec, p: &ParamSpec, v: Value) -> Result<Value, BindError> {
    let v = match (p.ty, &v) {
        // `$null` stays null for every type (ValidateNotNullOrEmpty decides).
        (_, Value::Null) if p.ty != ParamType::Switch => Value::Null,
        // A value already of the parameter's type is kept as it is.
        (ParamType::Object | ParamType::ObjectArray, _)
        | (ParamType::Int, Value::Int(_))
        | (ParamType::Long, Value::Long(_))
        | (ParamType::Double, Value::Double(_))
        | (ParamType::String, Value::Str(_))
        | (ParamType::ScriptBlock, Value::ScriptBlock(_))
        | (ParamType::Hashtable, Value::Hashtable(_)) => v,
        _ => convert_value(p.ty, v).map_err(|e| {
            let lead = if spec.module.is_empty() {
                format!(
                    "Cannot process argument transformation on parameter '{}'.",
                    p.name
                )
            } else {
                format!("Cannot bind parameter '{}'.", p.name)
            };
            err(
                format!("{} {}", lead, e.message),
                "CannotConvertArgumentNoMessage",
                ErrorCategory::InvalidArgument,
            )
        })?,
    };
    validate(p, &v)?;
    Ok(v)
}

#[inline]
fn validate(p: &ParamSpec, v: &Value) -> Result<(), BindError> {
    if !p.not_null_or_empty && p.accepted_values.is_empty() {
        return Ok(());
    }
    validate_value(p, v)
}

/// `validate` for a parameter with a validation attribute.
#[inline(never)]
fn validate_value(p: &ParamSpec, v: &Value) -> Result<(), BindError> {
    if p.not_null_or_empty {
        let empty = match v {
            Value::Null => true,
            Value::Str(s) => s.is_empty(),
            Value::Array(a) => a.borrow().is_empty() || a.borrow().iter().any(|x| x.is_null()),
            _ => false,
        };
        if empty {
            return Err(err(
                format!("Cannot validate argument on parameter '{}'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.", p.name),
                "ParameterArgumentValidationError",
                ErrorCategory::InvalidData,
            ));
        }
    }
    if !p.accepted_values.is_empty() {
        let items: Vec<Value> = match v {
            Value::Array(a) => a.borrow().clone(),
            other => vec![other.clone()],
        };
        for it in &items {
            let s = it.to_display_string();
            if !p.accepted_values.iter().any(|a| a.eq_ignore_ascii_case(&s)) {
                return Err(err(
                    format!(
                        "Cannot validate argument on parameter '{}'. The argument \"{}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                        p.name,
                        s,
                        p.accepted_values.join(",")
                    ),
                    "ParameterArgumentValidationError",
                    ErrorCategory::InvalidData,
                ));
            }
        }
    }
    Ok(())
}

fn membership<'a>(p: &'a ParamSpec, set: &str) -> Option<&'a ParamSetMembership> {
    p.sets
        .iter()
        .find(|m| m.set == set)
        .or_else(|| p.sets.iter().find(|m| m.set == ALL_SETS))
}

fn in_all_sets(p: &ParamSpec) -> bool {
    p.sets.iter().any(|m| m.set == ALL_SETS)
}

/// The sets a command has. A command that declares none has one implicit set, which
/// the (allocation-free) empty list stands for.
fn all_sets(spec: &CommandSpec) -> Vec<String> {
    spec.sets.clone()
}

/// The candidate sets to iterate: the implicit one when none are declared.
fn each(candidates: &[String]) -> impl Iterator<Item = &str> {
    candidates
        .iter()
        .map(String::as_str)
        .chain(candidates.is_empty().then_some(ALL_SETS))
}

fn narrow(candidates: &mut Vec<String>, p: &ParamSpec) {
    if candidates.is_empty() {
        return;
    }
    if !in_all_sets(p) {
        candidates.retain(|s| p.sets.iter().any(|m| &m.set == s));
    }
}

fn set_error() -> BindError {
    err(
        "Parameter set cannot be resolved using the specified named parameters. One or more parameters issued cannot be used together or an insufficient number of parameters were provided.".to_string(),
        "AmbiguousParameterSet",
        ErrorCategory::InvalidArgument,
    )
}

fn bind_common(common: &mut CommonParams, name: &str, v: Option<Value>) -> Result<(), BindError> {
    let text = || {
        v.as_ref()
            .map(|x| x.to_display_string())
            .unwrap_or_default()
    };
    let switch = || v.as_ref().map(|x| x.truthy()).unwrap_or(true);
    let pref = |s: String| {
        ActionPreference::parse(&s).ok_or_else(|| {
            err(
                format!(
                    "Cannot bind parameter '{}'. Cannot convert value \"{}\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name {} to a valid enumerator name. Specify one of the following enumerator names and try again:\nBreak, Continue, Ignore, Inquire, SilentlyContinue, Stop, Suspend\"",
                    name, s, s
                ),
                "CannotConvertArgumentNoMessage",
                ErrorCategory::InvalidArgument,
            )
        })
    };
    let var = |s: String| s.trim_start_matches('+').to_string();
    match name {
        "Verbose" => common.verbose = switch(),
        "Debug" => common.debug = switch(),
        "WhatIf" => common.what_if = Some(switch()),
        "Confirm" => common.confirm = Some(switch()),
        "ErrorAction" => common.error_action = Some(pref(text())?),
        "WarningAction" => common.warning_action = Some(pref(text())?),
        "InformationAction" | "ProgressAction" => {
            pref(text())?;
        }
        "ErrorVariable" => common.error_variable = Some(var(text())),
        "WarningVariable" => common.warning_variable = Some(var(text())),
        "OutVariable" => common.out_variable = Some(var(text())),
        _ => {}
    }
    Ok(())
}

/// Binds the command line: named, then positional arguments.
pub fn bind_args(spec: &CommandSpec, args: Vec<RawArg>) -> Result<Partial, BindError> {
    let mut out = Partial {
        candidates: all_sets(spec),
        ..Default::default()
    };
    let mut positional: Vec<(Value, Span, usize)> = Vec::new();
    // A simple function's unknown `-Name` tokens, by argument index (for `$args` order).
    let mut rest_named: Vec<(usize, Value)> = Vec::new();
    let mut common_seen: Vec<&str> = Vec::new();
    let mut it = args.into_iter().enumerate().peekable();
    while let Some((index, a)) = it.next() {
        let (name, value, colon, span) = match a {
            RawArg::Positional { value, span } => {
                positional.push((value, span, index));
                continue;
            }
            RawArg::Named {
                name,
                value,
                colon,
                span,
            } => (name, value, colon, span),
        };
        let target = find(spec, &name).map_err(|e| at(e, span))?;
        let Some(target) = target else {
            if !spec.cmdlet_binding {
                let token = if colon {
                    format!("-{}:", name)
                } else {
                    format!("-{}", name)
                };
                rest_named.push((index, Value::string(token)));
                if let Some(v) = value {
                    rest_named.push((index, v));
                }
                continue;
            }
            return Err(at(
                err(
                    format!(
                        "A parameter cannot be found that matches parameter name '{}'.",
                        name
                    ),
                    "NamedParameterNotFound",
                    ErrorCategory::InvalidArgument,
                ),
                span,
            ));
        };
        let value = if target.is_switch() {
            Some(
                value
                    .map(|v| Value::Bool(v.truthy()))
                    .unwrap_or(Value::Bool(true)),
            )
        } else if colon {
            Some(value.unwrap_or(Value::Null))
        } else if matches!(it.peek(), Some((_, RawArg::Positional { .. }))) {
            match it.next() {
                Some((_, RawArg::Positional { value, .. })) => Some(value),
                _ => None,
            }
        } else {
            None
        };
        let Some(value) = value else {
            return Err(at(
                err(
                    format!(
                        "Missing an argument for parameter '{}'. Specify a parameter of type '{}' and try again.",
                        target.name(),
                        target.type_name()
                    ),
                    "MissingArgument",
                    ErrorCategory::InvalidArgument,
                ),
                span,
            ));
        };
        let twice = || {
            err(
                format!(
                    "Cannot bind parameter because parameter '{}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".",
                    target.name()
                ),
                "ParameterAlreadyBound",
                ErrorCategory::InvalidArgument,
            )
        };
        match &target {
            Target::Common(n) => {
                if common_seen.contains(n) {
                    return Err(at(twice(), span));
                }
                common_seen.push(n);
                bind_common(&mut out.bound.common, n, Some(value)).map_err(|e| at(e, span))?;
            }
            Target::Param(p) => {
                if out.bound.values.contains_key(&p.name) {
                    return Err(at(twice(), span));
                }
                let v = conv(spec, p, value).map_err(|e| at(e, span))?;
                out.bound.values.insert(p.name.clone(), v);
                narrow(&mut out.candidates, p);
                if out.candidates.is_empty() && !spec.sets.is_empty() {
                    return Err(at(set_error(), span));
                }
            }
        }
    }
    let leftovers = bind_positional(spec, &mut out, positional)?;
    if !rest_named.is_empty() || !leftovers.is_empty() {
        let mut all: Vec<(usize, Value)> = rest_named;
        all.extend(leftovers);
        all.sort_by_key(|(i, _)| *i);
        out.rest = all.into_iter().map(|(_, v)| v).collect();
    }
    Ok(out)
}

/// A function whose positional arguments bind in order with no further rules: no
/// CmdletBinding, no parameter sets, each parameter at the position of its
/// declaration, no switch, remaining-arguments or validation.
pub fn is_simple(spec: &CommandSpec) -> bool {
    !spec.cmdlet_binding
        && spec.sets.is_empty()
        && spec.params.iter().enumerate().all(|(i, p)| {
            p.ty != ParamType::Switch
                && !p.remaining
                && p.accepted_values.is_empty()
                && !p.not_null_or_empty
                && matches!(p.sets.as_slice(), [m] if m.set == ALL_SETS
                    && m.position == Some(i as u32)
                    && !m.mandatory
                    && !m.from_pipeline
                    && !m.from_pipeline_by_name)
        })
}

/// Binds the i-th positional argument of a call to a simple function (`is_simple`) to
/// its i-th parameter `p`: converted to the parameter's type, an error placed on the
/// argument's `span`. The same value and error as `bind_args` then `finish` give.
#[inline]
pub fn bind_simple(
    spec: &CommandSpec,
    p: &ParamSpec,
    v: Value,
    span: Span,
) -> Result<Value, BindError> {
    conv(spec, p, v).map_err(|e| at(e, span))
}

/// Binds positional arguments; returns those a simple function leaves for `$args`.
fn bind_positional(
    spec: &CommandSpec,
    out: &mut Partial,
    positional: Vec<(Value, Span, usize)>,
) -> Result<Vec<(usize, Value)>, BindError> {
    let mut remaining: Option<(&ParamSpec, Vec<Value>)> = None;
    let mut leftovers = Vec::new();
    for (value, span, index) in positional {
        // The next free positional parameter of each candidate set.
        let mut slots: Vec<&ParamSpec> = Vec::new();
        for set in each(&out.candidates) {
            let next = spec
                .params
                .iter()
                .filter(|p| !out.bound.values.contains_key(&p.name))
                .filter(|p| remaining.as_ref().is_none_or(|(r, _)| r.name != p.name))
                .filter_map(|p| {
                    membership(p, set)
                        .and_then(|m| m.position)
                        .map(|pos| (pos, p))
                })
                .min_by_key(|(pos, _)| *pos);
            if let Some((_, p)) = next {
                if !slots.iter().any(|q| q.name == p.name) {
                    slots.push(p);
                }
            }
        }
        let default_set = spec.default_set.as_deref();
        let in_default = |p: &ParamSpec| {
            default_set.is_some_and(|d| membership(p, d).is_some_and(|m| m.position.is_some()))
        };
        let pick = slots
            .iter()
            .filter(|p| fits(p.ty, &value))
            .max_by_key(|p| in_default(p))
            .or_else(|| {
                slots
                    .iter()
                    .filter(|p| convert_value(p.ty, value.clone()).is_ok())
                    .max_by_key(|p| in_default(p))
            })
            .or_else(|| slots.iter().max_by_key(|p| in_default(p)))
            .copied();
        match pick {
            Some(p) if p.remaining => {
                narrow(&mut out.candidates, p);
                remaining = Some((p, vec![value]));
            }
            Some(p) => {
                let v = conv(spec, p, value).map_err(|e| at(e, span))?;
                out.bound.values.insert(p.name.clone(), v);
                narrow(&mut out.candidates, p);
            }
            None => {
                if let Some((_, acc)) = remaining.as_mut() {
                    acc.push(value);
                    continue;
                }
                // A remaining-arguments parameter with no position takes the leftovers.
                let rest_param = spec.params.iter().find(|p| {
                    p.remaining
                        && !out.bound.values.contains_key(&p.name)
                        && each(&out.candidates).any(|s| membership(p, s).is_some())
                });
                if let Some(p) = rest_param {
                    narrow(&mut out.candidates, p);
                    remaining = Some((p, vec![value]));
                    continue;
                }
                if !spec.cmdlet_binding {
                    leftovers.push((index, value));
                    continue;
                }
                return Err(at(
                    err(
                        format!(
                            "A positional parameter cannot be found that accepts argument '{}'.",
                            value.to_display_string()
                        ),
                        "PositionalParameterNotFound",
                        ErrorCategory::InvalidArgument,
                    ),
                    span,
                ));
            }
        }
    }
    if let Some((p, mut acc)) = remaining {
        let v = if acc.len() == 1 {
            acc.pop().unwrap_or(Value::Null)
        } else {
            Value::array(acc)
        };
        let v = conv(spec, p, v)?;
        out.bound.values.insert(p.name.clone(), v);
    }
    Ok(leftovers)
}

/// The property of a pipeline object that feeds a by-property-name parameter.
fn property_for(p: &ParamSpec, input: &Value) -> Option<Value> {
    let names = std::iter::once(&p.name).chain(p.aliases.iter());
    match input {
        Value::Object(o) => {
            let o = o.borrow();
            names.filter_map(|n| o.get(n)).next().cloned()
        }
        Value::Hashtable(_) => None,
        _ => None,
    }
}

/// What binding one pipeline object repeats for the next: the parameters that can
/// take pipeline input (fixed by the command line) and the last parameter-set
/// resolution with the sets and names it was made from. A command's processor keeps
/// one across its input.
#[derive(Default)]
pub struct PipelineMemo {
    free: Option<Vec<usize>>,
    resolved: Option<(Vec<String>, Vec<String>, String)>,
    /// The previous object's binding and candidate sets, given back once the command
    /// has run, so the next object reuses their storage instead of allocating anew.
    spare: Option<Bound>,
    spare_candidates: Vec<String>,
    /// Set when the binding cannot depend on the object: the one parameter that takes
    /// it by value accepts any value and nothing left free binds by property name.
    /// Holds that parameter's index in the spec and in the bound values; every object
    /// then binds to it, with the same set and the other values unchanged.
    fixed: Option<(usize, usize)>,
    /// The spare binding has the `fixed` layout (only the object's slot changes).
    spare_fixed: bool,
}

impl PipelineMemo {
    /// Gives back an object's binding after the command ran with it.
    pub fn recycle(&mut self, b: Bound) {
        self.spare = Some(b);
    }
}

/// Binds one pipeline object on top of the command-line binding.
pub fn bind_pipeline(
    spec: &CommandSpec,
    partial: &Partial,
    input: &Value,
) -> Result<Bound, BindError> {
    bind_pipeline_memo(spec, partial, input, &mut PipelineMemo::default())
}

/// `bind_pipeline` with what the previous objects already worked out.
pub fn bind_pipeline_memo(
    spec: &CommandSpec,
    partial: &Partial,
    input: &Value,
    memo: &mut PipelineMemo,
) -> Result<Bound, BindError> {
    if let (Some((pi, slot)), true) = (memo.fixed, memo.spare_fixed) {
        if let (Some(p), Some(mut b)) = (spec.params.get(pi), memo.spare.take()) {
            let v = conv(spec, p, input.clone())?;
            if let Some((_, old)) = b.values.get_index_mut(slot) {
                *old = v;
                return Ok(b);
            }
        }
    }
    memo.spare_fixed = false;
    let mut b = match memo.spare.take() {
        Some(mut b) => {
            b.values.clone_from(&partial.bound.values);
            b.set.clone_from(&partial.bound.set);
            b.common = partial.bound.common.clone();
            b
        }
        None => partial.bound.clone(),
    };
    let mut candidates = std::mem::take(&mut memo.spare_candidates);
    candidates.clone_from(&partial.candidates);
    let takes = |p: &ParamSpec, cands: &[String], by_name: bool| {
        each(cands).any(|s| {
            membership(p, s).is_some_and(|m| {
                if by_name {
                    m.from_pipeline_by_name
                } else {
                    m.from_pipeline
                }
            })
        })
    };
    // Only parameters that take pipeline input in some set, and that the command line
    // left free, can be bound here.
    let free: Vec<&ParamSpec> = memo
        .free
        .get_or_insert_with(|| {
            spec.params
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    p.sets
                        .iter()
                        .any(|m| m.from_pipeline || m.from_pipeline_by_name)
                })
                .filter(|(_, p)| !b.values.contains_key(&p.name))
                .map(|(i, _)| i)
                .collect()
        })
        .iter()
        .filter_map(|&i| spec.params.get(i))
        .collect();
    let mut bound_any = false;
    // Whether the choice below depends on the object: it does not when every
    // parameter that could take it by value accepts any value.
    let mut fixed = free
        .iter()
        .filter(|p| takes(p, &candidates, false))
        .all(|p| matches!(p.ty, ParamType::Object | ParamType::ObjectArray));
    let mut by_value = None;
    // 1. By value, no conversion.
    if let Some(p) = free
        .iter()
        .filter(|p| takes(p, &candidates, false) && fits(p.ty, input))
        .max_by_key(|p| {
            spec.default_set
                .as_deref()
                .is_some_and(|d| membership(p, d).is_some_and(|m| m.from_pipeline))
        })
    {
        let v = conv(spec, p, input.clone())?;
        b.values.insert(p.name.clone(), v);
        narrow(&mut candidates, p);
        bound_any = true;
        by_value = Some(p.name.as_str());
    }
    // 2. By property name.
    for p in &free {
        if b.values.contains_key(&p.name) || !takes(p, &candidates, true) {
            continue;
        }
        fixed = false;
        if let Some(v) = property_for(p, input) {
            if let Ok(v) = conv(spec, p, v) {
                b.values.insert(p.name.clone(), v);
                narrow(&mut candidates, p);
                bound_any = true;
            }
        }
    }
    let fixed = match by_value {
        Some(name) if fixed => spec
            .params
            .iter()
            .position(|p| p.name == name)
            .zip(b.values.get_index_of(name)),
        _ => None,
    };
    // 3. By value with conversion.
    if !bound_any {
        for p in &free {
            if takes(p, &candidates, false) {
                if let Ok(v) = conv(spec, p, input.clone()) {
                    b.values.insert(p.name.clone(), v);
                    narrow(&mut candidates, p);
                    bound_any = true;
                    break;
                }
            }
        }
    }
    if !bound_any {
        return Err(err(
            "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.".to_string(),
            "InputObjectNotBound",
            ErrorCategory::InvalidArgument,
        ));
    }
    // The set and the mandatory check depend only on the candidate sets and the names
    // bound, which stay the same from one object to the next.
    if let Some((cands, names, set)) = &memo.resolved {
        if *cands == candidates
            && names.len() == b.values.len()
            && names.iter().zip(b.values.keys()).all(|(x, y)| x == y)
        {
            b.set.clone_from(set);
            memo.spare_candidates = candidates;
            memo.fixed = fixed;
            memo.spare_fixed = fixed.is_some();
            return Ok(b);
        }
    }
    let set = resolve_set(spec, &candidates, &b, false)?;
    check_mandatory(spec, &set, &b, false)?;
    memo.resolved = Some((candidates, b.values.keys().cloned().collect(), set.clone()));
    b.set = set;
    memo.fixed = fixed;
    memo.spare_fixed = fixed.is_some();
    Ok(b)
}

/// Picks the parameter set among the candidates.
fn resolve_set(
    spec: &CommandSpec,
    candidates: &[String],
    b: &Bound,
    has_input: bool,
) -> Result<String, BindError> {
    if spec.sets.is_empty() {
        return Ok(String::new());
    }
    if candidates.len() == 1 {
        return Ok(candidates[0].clone());
    }
    if candidates.is_empty() {
        return Err(set_error());
    }
    if let Some(d) = &spec.default_set {
        if candidates.contains(d) {
            return Ok(d.clone());
        }
    }
    let complete: Vec<&String> = candidates
        .iter()
        .filter(|s| missing_mandatory(spec, s, b, has_input).is_empty())
        .collect();
    if complete.len() == 1 {
        return Ok(complete[0].clone());
    }
    if has_input {
        // Pipeline input decides later.
        return Ok(candidates[0].clone());
    }
    Err(set_error())
}

fn missing_mandatory<'a>(
    spec: &'a CommandSpec,
    set: &str,
    b: &Bound,
    has_input: bool,
) -> Vec<&'a str> {
    spec.params
        .iter()
        .filter(|p| {
            membership(p, set).is_some_and(|m| {
                m.mandatory && !(has_input && (m.from_pipeline || m.from_pipeline_by_name))
            })
        })
        .filter(|p| !b.values.contains_key(&p.name))
        .map(|p| p.name.as_str())
        .collect()
}

fn check_mandatory(
    spec: &CommandSpec,
    set: &str,
    b: &Bound,
    has_input: bool,
) -> Result<(), BindError> {
    let missing = missing_mandatory(spec, set, b, has_input);
    if missing.is_empty() {
        return Ok(());
    }
    Err(err(
        format!(
            "Cannot process command because of one or more missing mandatory parameters: {}.",
            missing.join(" ")
        ),
        "MissingMandatoryParameter",
        ErrorCategory::InvalidArgument,
    ))
}

/// Resolves the parameter set and checks mandatory parameters before the command starts.
/// With pipeline input, parameters the pipeline can supply are not yet required.
pub fn finish(spec: &CommandSpec, partial: &Partial, has_input: bool) -> Result<Bound, BindError> {
    let set = resolve_set(spec, &partial.candidates, &partial.bound, has_input)?;
    let mut b = partial.bound.clone();
    // With pipeline input and several sets left, mandatory checks wait for the objects.
    if !(has_input && partial.candidates.len() > 1) {
        check_mandatory(spec, &set, &b, has_input)?;
    }
    b.set = set;
    Ok(b)
}

/// The spec of a script function, filter or script from its `param` block.
pub fn spec_from_param_block(name: &str, pb: Option<&ParamBlock>) -> CommandSpec {
    let mut spec = CommandSpec {
        name: name.to_string(),
        ..Default::default()
    };
    let Some(pb) = pb else {
        return spec;
    };
    spec.cmdlet_binding = pb.cmdlet_binding
        || pb.params.iter().any(|p| {
            p.mandatory
                || p.from_pipeline
                || p.from_pipeline_by_name
                || p.position.is_some()
                || p.from_remaining
                || p.parameter_set.is_some()
        });
    spec.supports_should_process = pb.supports_should_process;
    let explicit = pb.params.iter().any(|p| p.position.is_some());
    let mut next_pos = 0u32;
    for d in &pb.params {
        let ty = d
            .type_lit
            .as_ref()
            .and_then(|t| ParamType::parse(&t.name))
            .unwrap_or(ParamType::Object);
        let position = if explicit {
            d.position.and_then(|p| u32::try_from(p).ok())
        } else if ty == ParamType::Switch {
            None
        } else {
            next_pos += 1;
            Some(next_pos - 1)
        };
        let set = d
            .parameter_set
            .clone()
            .unwrap_or_else(|| ALL_SETS.to_string());
        if set != ALL_SETS && !spec.sets.contains(&set) {
            spec.sets.push(set.clone());
        }
        spec.params.push(ParamSpec {
            name: d.name.text.to_string(),
            aliases: d.aliases.clone(),
            ty,
            sets: vec![ParamSetMembership {
                set,
                mandatory: d.mandatory,
                position,
                from_pipeline: d.from_pipeline,
                from_pipeline_by_name: d.from_pipeline_by_name,
            }],
            accepted_values: d.validate_set.clone().unwrap_or_default(),
            not_null_or_empty: d.validate_not_null_or_empty,
            remaining: d.from_remaining,
            help: d.help.clone().unwrap_or_default(),
            default_doc: None,
        });
    }
    if !spec.sets.is_empty() {
        spec.default_set = pb.default_parameter_set.clone();
    }
    spec
}

#[cfg(test)]
mod memo_tests {
    use super::*;
    use crate::engine::registry::Registry;
    use crate::engine::value::{Hashtable, PsObject};
    use proptest::prelude::*;

    /// One of a few kinds of pipeline object: numbers, strings, `$null`, Booleans,
    /// arrays, hashtables and objects whose properties match common parameter names.
    fn object(kind: u8) -> Value {
        match kind % 8 {
            0 => Value::Int(7),
            1 => Value::str("NODE1"),
            2 => Value::Null,
            3 => Value::Bool(true),
            4 => Value::array(vec![Value::Int(1), Value::str("x")]),
            5 => {
                let mut h = Hashtable::new(false);
                h.insert(Value::str("Name"), Value::str("EVS1"));
                Value::hashtable(h)
            }
            6 => {
                let mut o = PsObject::new();
                o.set("Name", Value::str("EVS1"));
                o.set("Identity", Value::str("CMS1"));
                o.set("Id", Value::Int(3));
                Value::object(o)
            }
            _ => {
                let mut o = PsObject::new();
                o.set("Size", Value::Int(12));
                Value::object(o)
            }
        }
    }

    fn show(r: &Result<Bound, BindError>) -> String {
        match r {
            Ok(b) => format!("{:?} {} {:?}", b.values, b.set, b.common.error_action),
            Err(e) => format!("error: {}", e.record.message),
        }
    }

    proptest! {
        /// Every built-in command binds each object of any input sequence to the same
        /// parameters, values and set through its memo (reused, recycled bindings and the
        /// fixed-shape shortcut) as bound afresh.
        #[test]
        fn memo_binds_as_afresh(kinds in proptest::collection::vec(0u8..8, 1..12)) {
            let reg = Registry::builtin();
            for spec in reg.all_specs() {
                let takes_input = spec.params.iter().any(|p| {
                    p.sets.iter().any(|m| m.from_pipeline || m.from_pipeline_by_name)
                });
                if !takes_input {
                    continue;
                }
                let Ok(partial) = bind_args(&spec, Vec::new()) else { continue };
                let mut memo = PipelineMemo::default();
                for &k in &kinds {
                    let input = object(k);
                    let fresh = bind_pipeline(&spec, &partial, &input);
                    let memoed = bind_pipeline_memo(&spec, &partial, &input, &mut memo);
                    prop_assert_eq!(show(&memoed), show(&fresh), "{}", spec.name);
                    if let Ok(b) = memoed {
                        memo.recycle(b);
                    }
                }
            }
        }
    }
}
