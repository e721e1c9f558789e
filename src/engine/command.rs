//! What a command is: its specification (from a cmdlet manifest or a function's `param`
//! block), the typed-handler trait cmdlets implement, and the context a handler works in.

use std::rc::Rc;

use indexmap::IndexMap;

use crate::engine::error::{ErrorRecord, Flow, FlowResult};
use crate::engine::interp::Interp;
use crate::engine::value::Value;

/// The declared type of a parameter; the binder converts arguments to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamType {
    String,
    StringArray,
    Int,
    IntArray,
    Long,
    Double,
    Bool,
    Switch,
    ScriptBlock,
    ScriptBlockArray,
    Object,
    ObjectArray,
    Hashtable,
    DateTime,
    TimeSpan,
}

impl ParamType {
    /// Parses a manifest's `type = "..."`.
    pub fn parse(s: &str) -> Option<ParamType> {
        Some(match s.to_ascii_lowercase().as_str() {
            "string" => ParamType::String,
            "string[]" => ParamType::StringArray,
            "int" | "int32" => ParamType::Int,
            "int[]" | "int32[]" => ParamType::IntArray,
            "long" | "int64" => ParamType::Long,
            "double" => ParamType::Double,
            "bool" | "boolean" => ParamType::Bool,
            "switch" => ParamType::Switch,
            "scriptblock" => ParamType::ScriptBlock,
            "scriptblock[]" => ParamType::ScriptBlockArray,
            "object" | "psobject" => ParamType::Object,
            "object[]" | "psobject[]" => ParamType::ObjectArray,
            "hashtable" => ParamType::Hashtable,
            "datetime" => ParamType::DateTime,
            "timespan" => ParamType::TimeSpan,
            _ => return None,
        })
    }

    /// How syntax lines print the type, with PowerShell 7's type accelerators.
    pub fn syntax_name(self) -> &'static str {
        match self {
            ParamType::String => "string",
            ParamType::StringArray => "string[]",
            ParamType::Int => "int",
            ParamType::IntArray => "int[]",
            ParamType::Long => "long",
            ParamType::Double => "double",
            ParamType::Bool => "bool",
            ParamType::Switch => "switch",
            ParamType::ScriptBlock => "scriptblock",
            ParamType::ScriptBlockArray => "scriptblock[]",
            ParamType::Object => "Object",
            ParamType::ObjectArray => "Object[]",
            ParamType::Hashtable => "hashtable",
            ParamType::DateTime => "datetime",
            ParamType::TimeSpan => "timespan",
        }
    }

    /// How help prints the type (`<String[]>`).
    pub fn display(self) -> &'static str {
        match self {
            ParamType::String => "String",
            ParamType::StringArray => "String[]",
            ParamType::Int => "Int32",
            ParamType::IntArray => "Int32[]",
            ParamType::Long => "Int64",
            ParamType::Double => "Double",
            ParamType::Bool => "Boolean",
            ParamType::Switch => "SwitchParameter",
            ParamType::ScriptBlock => "ScriptBlock",
            ParamType::ScriptBlockArray => "ScriptBlock[]",
            ParamType::Object => "Object",
            ParamType::ObjectArray => "Object[]",
            ParamType::Hashtable => "Hashtable",
            ParamType::DateTime => "DateTime",
            ParamType::TimeSpan => "TimeSpan",
        }
    }
}

/// How a parameter takes part in one parameter set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamSetMembership {
    /// The set's name; `__AllParameterSets` when the parameter is in every set.
    pub set: String,
    pub mandatory: bool,
    pub position: Option<u32>,
    pub from_pipeline: bool,
    pub from_pipeline_by_name: bool,
}

#[derive(Clone, Debug)]
pub struct ParamSpec {
    pub name: String,
    pub aliases: Vec<String>,
    pub ty: ParamType,
    pub sets: Vec<ParamSetMembership>,
    /// ValidateSet: the accepted values (case-insensitive), also offered by completion.
    pub accepted_values: Vec<String>,
    pub not_null_or_empty: bool,
    /// ValueFromRemainingArguments: takes the positional arguments left over.
    pub remaining: bool,
    pub help: String,
    /// A default value (script functions: evaluated when the parameter is not bound).
    pub default_doc: Option<String>,
}

pub const ALL_SETS: &str = "__AllParameterSets";

#[derive(Clone, Debug)]
pub struct Example {
    pub title: String,
    pub code: String,
    /// The exact output the example prints (checked by a test), if declared.
    pub output: Option<String>,
    pub remarks: String,
    /// The lab an example runs against (for cluster commands).
    pub lab: Option<String>,
}

/// A command's whole description: everything binding, help, syntax, completion and the
/// generated reference pages need.
#[derive(Clone, Debug, Default)]
pub struct CommandSpec {
    pub name: String,
    pub aliases: Vec<String>,
    /// The module it belongs to (`Microsoft.PowerShell.Utility`, `FailoverClusters`...).
    pub module: String,
    pub synopsis: String,
    pub description: String,
    pub params: Vec<ParamSpec>,
    /// Parameter set names, in declaration order.
    pub sets: Vec<String>,
    pub default_set: Option<String>,
    pub examples: Vec<Example>,
    pub output_type: Vec<String>,
    pub supports_should_process: bool,
    /// Cmdlets get the common parameters; simple functions do not.
    pub cmdlet_binding: bool,
    pub notes: String,
}

impl CommandSpec {
    pub fn param(&self, name: &str) -> Option<&ParamSpec> {
        self.params
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }
    pub fn verb(&self) -> &str {
        self.name.split_once('-').map(|(v, _)| v).unwrap_or("")
    }
    pub fn noun(&self) -> &str {
        self.name
            .split_once('-')
            .map(|(_, n)| n)
            .unwrap_or(&self.name)
    }
}

/// The common parameters every cmdlet accepts, already bound.
#[derive(Clone, Debug, Default)]
pub struct CommonParams {
    pub error_action: Option<ActionPreference>,
    pub warning_action: Option<ActionPreference>,
    pub verbose: bool,
    pub debug: bool,
    pub error_variable: Option<String>,
    pub out_variable: Option<String>,
    pub warning_variable: Option<String>,
    pub what_if: Option<bool>,
    pub confirm: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionPreference {
    Stop,
    Continue,
    SilentlyContinue,
    Ignore,
    Inquire,
}

impl ActionPreference {
    pub fn parse(s: &str) -> Option<ActionPreference> {
        Some(match s.to_ascii_lowercase().as_str() {
            "stop" => ActionPreference::Stop,
            "continue" => ActionPreference::Continue,
            "silentlycontinue" => ActionPreference::SilentlyContinue,
            "ignore" => ActionPreference::Ignore,
            "inquire" => ActionPreference::Inquire,
            _ => return None,
        })
    }
    pub fn name(self) -> &'static str {
        match self {
            ActionPreference::Stop => "Stop",
            ActionPreference::Continue => "Continue",
            ActionPreference::SilentlyContinue => "SilentlyContinue",
            ActionPreference::Ignore => "Ignore",
            ActionPreference::Inquire => "Inquire",
        }
    }
}

/// The result of binding: converted values by parameter name, the chosen set, and the
/// common parameters.
#[derive(Clone, Debug, Default)]
pub struct Bound {
    /// Keyed by the parameter's declared name (canonical spelling).
    pub values: IndexMap<String, Value, rustc_hash::FxBuildHasher>,
    pub set: String,
    pub common: CommonParams,
}

impl Bound {
    /// A bound value by declared name. A command binds few parameters, so a scan of
    /// them (most names differ in length) is cheaper than hashing the name; handlers
    /// ask for every parameter they declare, once per pipeline object.
    #[inline]
    pub fn get(&self, name: &str) -> Option<&Value> {
        if self.values.len() <= 8 {
            return self
                .values
                .iter()
                .find(|(k, _)| k.as_str() == name)
                .map(|(_, v)| v);
        }
        self.values.get(name)
    }
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// Generated per manifest by build.rs: the typed argument struct's constructor.
pub trait FromBound: Sized {
    fn from_bound(bound: &Bound) -> Result<Self, ErrorRecord>;
}

/// Where a command writes its output objects.
pub trait Sink {
    fn emit(&mut self, interp: &mut Interp, value: Value) -> FlowResult<()>;
}

/// Collects output into a vector.
#[derive(Default)]
pub struct VecSink(pub Vec<Value>);

impl Sink for VecSink {
    fn emit(&mut self, _interp: &mut Interp, value: Value) -> FlowResult<()> {
        self.0.push(value);
        Ok(())
    }
}

/// Collects output as one value, the way `(...)` and `$(...)` give it: nothing is
/// `$null`, one object is itself, more are an array. The common single object is kept
/// without a vector.
#[derive(Default)]
pub enum ValueSink {
    #[default]
    Empty,
    One(Value),
    Many(Vec<Value>),
}

impl ValueSink {
    pub fn into_value(self) -> Value {
        match self {
            ValueSink::Empty => Value::Null,
            ValueSink::One(v) => v,
            ValueSink::Many(items) => Value::array(items),
        }
    }
}

impl Sink for ValueSink {
    fn emit(&mut self, _interp: &mut Interp, value: Value) -> FlowResult<()> {
        match std::mem::take(self) {
            ValueSink::Empty => *self = ValueSink::One(value),
            ValueSink::One(first) => *self = ValueSink::Many(vec![first, value]),
            ValueSink::Many(mut items) => {
                items.push(value);
                *self = ValueSink::Many(items);
            }
        }
        Ok(())
    }
}

/// Keeps only what a condition needs of the output written to it: its truthiness as
/// one value (`Value::from_output(items).truthy()`: nothing is false, one item is that
/// item's truth, several are true).
#[derive(Default)]
pub struct TruthSink {
    count: usize,
    first: bool,
}

impl TruthSink {
    pub fn truthy(&self) -> bool {
        match self.count {
            0 => false,
            1 => self.first,
            _ => true,
        }
    }
}

impl Sink for TruthSink {
    fn emit(&mut self, _interp: &mut Interp, value: Value) -> FlowResult<()> {
        if self.count == 0 {
            self.first = value.truthy();
        }
        self.count += 1;
        Ok(())
    }
}

/// Discards output (`| Out-Null`, `> $null`).
pub struct NullSink;

impl Sink for NullSink {
    fn emit(&mut self, _interp: &mut Interp, _value: Value) -> FlowResult<()> {
        Ok(())
    }
}

/// A cmdlet handler. `Args` is the typed struct generated from its manifest; pipeline-bound
/// parameters are re-bound for each input object before `process` runs.
pub trait Cmdlet: Default + 'static {
    type Args: FromBound;
    fn begin(&mut self, _args: &Self::Args, _cx: &mut Cx) -> FlowResult<()> {
        Ok(())
    }
    fn process(&mut self, args: &Self::Args, cx: &mut Cx) -> FlowResult<()>;
    fn end(&mut self, _args: &Self::Args, _cx: &mut Cx) -> FlowResult<()> {
        Ok(())
    }
}

/// What a handler sees: the interpreter, its output, its own spec and common parameters,
/// and the pipeline object being processed.
pub struct Cx<'a> {
    pub interp: &'a mut Interp,
    pub out: &'a mut dyn Sink,
    pub spec: &'a CommandSpec,
    pub common: &'a CommonParams,
    /// The current pipeline input object (`$_` for the handler), if any.
    pub input: Option<Value>,
    /// True when the command has upstream pipeline input.
    pub has_pipeline_input: bool,
    /// Returned (as `Flow::StopUpstream`) by `stop_upstream` to end upstream commands.
    pub stop_token: u64,
}

impl<'a> Cx<'a> {
    /// Writes one object to the output pipeline (arrays are written as one object; use
    /// `write_enumerated` to unroll).
    pub fn write(&mut self, value: Value) -> FlowResult<()> {
        self.out.emit(self.interp, value)
    }

    /// The signal that stops the commands upstream of this one (Select-Object -First).
    pub fn stop_upstream(&self) -> Flow {
        Flow::StopUpstream(self.stop_token)
    }

    /// Writes each element of an array (or the value itself) to the pipeline.
    pub fn write_enumerated(&mut self, value: Value) -> FlowResult<()> {
        match value {
            Value::Array(a) => {
                let items = a.borrow().clone();
                for v in items {
                    self.out.emit(self.interp, v)?;
                }
                Ok(())
            }
            other => self.out.emit(self.interp, other),
        }
    }

    /// Reports a non-terminating error, honouring -ErrorAction and $ErrorActionPreference
    /// (Stop turns it into a terminating error).
    pub fn write_error(&mut self, err: ErrorRecord) -> FlowResult<()> {
        let err = err.with_command(&self.spec.name);
        self.interp.write_error_record(Rc::new(err), self.common)
    }

    /// A terminating error from this command.
    pub fn fail(&self, err: ErrorRecord) -> Flow {
        Flow::error(err.with_command(&self.spec.name))
    }

    pub fn write_warning(&mut self, msg: &str) -> FlowResult<()> {
        self.interp.write_warning(msg, self.common)
    }

    pub fn write_verbose(&mut self, msg: &str) {
        self.interp.write_verbose(msg, self.common)
    }

    /// Text for the console (Write-Host): goes straight to the host, in order with output.
    pub fn host_write(&mut self, text: &str) {
        self.interp.host_write(text)
    }

    /// ShouldProcess: false under -WhatIf (after printing the What if: line), asks under
    /// -Confirm in an interactive session.
    pub fn should_process(&mut self, target: &str, action: &str) -> FlowResult<bool> {
        self.interp
            .should_process(&self.spec.name, target, action, self.common)
    }

    /// ShouldProcess for a high-impact operation (ConfirmImpact High): asks unless
    /// `-Confirm:$false` or `$ConfirmPreference = 'None'`; in a non-interactive run the
    /// needed confirmation is an error, never a hang.
    pub fn should_process_high(&mut self, target: &str, action: &str) -> FlowResult<bool> {
        let mut common = self.common.clone();
        if common.confirm.is_none() {
            let pref = self
                .interp
                .var("ConfirmPreference")
                .map(|v| v.to_display_string())
                .unwrap_or_else(|| "High".into());
            if !pref.eq_ignore_ascii_case("None") {
                common.confirm = Some(true);
            }
        }
        self.interp
            .should_process(&self.spec.name, target, action, &common)
    }

    /// Runs a script block with `$_` set to `dollar_under`, collecting its output.
    pub fn invoke(
        &mut self,
        block: &crate::engine::scriptblock::ScriptBlock,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> FlowResult<Vec<Value>> {
        self.interp.invoke_block_collect(block, dollar_under, args)
    }

    /// Runs a script block with `$_` set, as `invoke` does, and gives its output's
    /// truth as one value (Where-Object's filter).
    pub fn invoke_truthy(
        &mut self,
        block: &crate::engine::scriptblock::ScriptBlock,
        dollar_under: Value,
    ) -> FlowResult<bool> {
        self.interp.invoke_block_truthy(block, dollar_under)
    }
}
