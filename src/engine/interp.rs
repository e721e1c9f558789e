//! The interpreter: scopes and variables, the host it writes to, error/warning/verbose
//! streams, ShouldProcess, and the entry points that run a parsed script. Evaluation of
//! expressions, statements and pipelines lives in `eval.rs`, `exec.rs` and `pipeline.rs`.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::engine::command::{ActionPreference, CommandSpec, CommonParams, Sink};
use crate::engine::error::{ErrorRecord, Flow, FlowResult};
use crate::engine::registry::Registry;
use crate::engine::scriptblock::ScriptBlock;
use crate::engine::value::{Hashtable, TypeName, Value};
pub use crate::engine::vars::Vars;
use crate::format::display::Formatter;
use crate::lang::ast::{VarRef, VarScope};
use crate::lang::source::Source;

/// Functions the layers above install: how simulated time advances, and what the
/// prompt shows.
#[derive(Clone, Copy, Default)]
pub struct Hooks {
    /// Called by `advance_clock` (Start-Sleep) when a lab drives time.
    pub advance: Option<fn(&mut Interp, i64)>,
    /// The default prompt (`PS NODE1> `).
    pub prompt: Option<fn(&Interp) -> String>,
}

/// Where text goes: the console, or buffers in tests.
pub trait Host {
    /// Standard output (text includes its line breaks).
    fn out(&mut self, text: &str);
    /// Standard error.
    fn err(&mut self, text: &str);
    /// Reads a line from the user; None when the session cannot prompt.
    fn read_line(&mut self, _prompt: &str) -> Option<String> {
        None
    }
    /// True when stdout is a terminal that takes colour.
    fn color(&self) -> bool {
        false
    }
}

/// A host that collects output in memory (tests, Out-String of host text).
#[derive(Default, Clone)]
pub struct BufferHost {
    pub out: Rc<RefCell<String>>,
    pub err: Rc<RefCell<String>>,
    pub input: Rc<RefCell<Vec<String>>>,
}

impl Host for BufferHost {
    fn out(&mut self, text: &str) {
        self.out.borrow_mut().push_str(text);
    }
    fn err(&mut self, text: &str) {
        self.err.borrow_mut().push_str(text);
    }
    fn read_line(&mut self, _prompt: &str) -> Option<String> {
        let mut input = self.input.borrow_mut();
        if input.is_empty() {
            None
        } else {
            Some(input.remove(0))
        }
    }
}

/// A variable: value plus an optional type constraint (`[int]$x = ...`).
#[derive(Clone, Debug)]
pub struct Var {
    pub name: Rc<str>,
    pub value: Value,
    pub constraint: Option<TypeName>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Global,
    Script,
    Function,
    Block,
}

/// One scope: variables and functions defined in it.
#[derive(Debug)]
pub struct Scope {
    pub vars: Vars,
    /// Add functions through `Interp::define_function`, which tells the resolution
    /// caches. Most scopes (every function call's) define none: no map is made.
    pub functions: Option<Box<FxHashMap<Rc<str>, Rc<FunctionInfo>>>>,
    pub kind: ScopeKind,
    /// Unique per scope made (resolution caches check it).
    pub id: u64,
}

impl Scope {
    /// A scope holding the given (empty) variable storage.
    pub fn with_vars(kind: ScopeKind, vars: Vars) -> Scope {
        Scope {
            vars,
            functions: None,
            kind,
            id: Self::next_id(),
        }
    }

    pub fn new(kind: ScopeKind) -> Scope {
        Scope::with_vars(kind, Vars::default())
    }

    fn next_id() -> u64 {
        thread_local! {
            static NEXT: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
        }
        NEXT.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        })
    }
}

/// A script function or filter.
#[derive(Debug)]
pub struct FunctionInfo {
    pub name: Rc<str>,
    pub spec: CommandSpec,
    pub block: Rc<ScriptBlock>,
    pub is_filter: bool,
    /// Which automatic variables the body mentions (the others are not built per call).
    pub uses: AutoVars,
    /// A plain function: no `[CmdletBinding()]` or parameter attributes, no switches,
    /// no begin/process blocks, parameters positional in declared order, and no
    /// `$PSBoundParameters`. A call that passes only positional arguments binds them
    /// in order (see `Interp::try_simple_call`).
    pub simple: bool,
    /// The type constraint each declared parameter keeps as a variable (`[int]$n`:
    /// a later `$n = "x"` converts or fails, as for `[int]$n = ...`), in declaration
    /// order; `None` for untyped parameters and for types that constrain nothing.
    pub constraints: Vec<Option<TypeName>>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct AutoVars {
    pub args: bool,
    pub input: bool,
    pub bound_parameters: bool,
}

impl AutoVars {
    /// The body may read `$args` or `$input` (a simple call sets them only then).
    #[inline]
    pub fn any(self) -> bool {
        self.args || self.input
    }
}

impl FunctionInfo {
    pub fn new(
        name: Rc<str>,
        spec: CommandSpec,
        block: Rc<ScriptBlock>,
        is_filter: bool,
    ) -> FunctionInfo {
        // A conservative text scan: a body that never spells `$args` cannot read it
        // (Get-Variable and Invoke-Expression tricks are covered by the generic words).
        let text = if block.text.is_empty() {
            block.source.text.to_lowercase()
        } else {
            block.text.to_lowercase()
        };
        let dynamic = text.contains("get-variable")
            || text.contains("invoke-expression")
            || text.contains("iex")
            || text.contains("gv ");
        let uses = AutoVars {
            args: dynamic || text.contains("args"),
            input: dynamic || text.contains("input"),
            bound_parameters: dynamic || text.contains("psboundparameters"),
        };
        let simple = !is_filter
            && !block.ast.named_blocks
            && !uses.bound_parameters
            && crate::engine::binder::is_simple(&spec);
        let constraints = block
            .ast
            .params
            .as_ref()
            .map(|pb| {
                pb.params
                    .iter()
                    .map(|d| d.type_lit.as_ref().and_then(|t| param_constraint(&t.name)))
                    .collect()
            })
            .unwrap_or_default();
        FunctionInfo {
            name,
            spec,
            block,
            is_filter,
            uses,
            simple,
            constraints,
        }
    }
}

/// The constraint a parameter typed `[name]` puts on its variable: value types,
/// strings and arrays of them convert what is assigned later; `[object]`,
/// `[psobject]` and types exsh only knows for their static members constrain nothing.
fn param_constraint(name: &str) -> Option<TypeName> {
    let t = TypeName::parse(name)?;
    match t {
        TypeName::Int
        | TypeName::Long
        | TypeName::Double
        | TypeName::Decimal
        | TypeName::String
        | TypeName::Bool
        | TypeName::Char
        | TypeName::Byte
        | TypeName::Array
        | TypeName::StringArray
        | TypeName::IntArray
        | TypeName::Switch
        | TypeName::Hashtable
        | TypeName::DateTime
        | TypeName::TimeSpan => Some(t),
        _ => None,
    }
}

/// Where the error and other streams go while a command runs (redirections).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StreamDest {
    Host,
    Null,
    /// Merged into the command's output (`2>&1`).
    Output,
}

#[derive(Clone, Copy, Debug)]
pub struct Streams {
    pub error: StreamDest,
    pub warning: StreamDest,
    pub verbose: StreamDest,
    pub information: StreamDest,
}

impl Default for Streams {
    fn default() -> Self {
        Streams {
            error: StreamDest::Host,
            warning: StreamDest::Host,
            verbose: StreamDest::Host,
            information: StreamDest::Host,
        }
    }
}

/// The outcome of running a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunOutcome {
    /// `exit N` was executed.
    pub exit_code: Option<i32>,
    /// A terminating error reached the top (or the script did not parse).
    pub failed: bool,
    /// `$?` after the last statement.
    pub last_status: bool,
}

pub struct Interp {
    pub scopes: Vec<Scope>,
    pub registry: Rc<Registry>,
    /// Changing it after start-up must bump `fn_gen`.
    pub aliases: FxHashMap<String, String>,
    /// Bumped whenever a function is defined or an alias changes: a command's cached
    /// resolution is valid only for the generation it was made in.
    pub fn_gen: u64,
    pub host: Box<dyn Host>,
    pub formatter: Formatter,
    pub env: HashMap<String, (String, String)>,
    pub last_status: bool,
    pub interrupted: Arc<AtomicBool>,
    pub streams: Streams,
    /// Nesting of try blocks and trap-bearing blocks: errors propagate instead of being
    /// written when this is non-zero.
    pub handler_depth: u32,
    pub pipeline_counter: u64,
    /// Source of the code now running (for error positions).
    pub cur_source: Rc<Source>,
    /// The innermost statement's span (for errors raised by commands).
    pub cur_span: crate::lang::ast::Span,
    /// Extension state for other layers (the simulated lab), by type.
    pub ext: HashMap<TypeId, Box<dyn Any>>,
    /// Behaviour the layers above plug in (the engine knows no lab).
    pub hooks: Hooks,
    pub interactive: bool,
    pub call_depth: u32,
    /// The simulated clock (ticks) when a lab drives time; otherwise real time plus the
    /// offset that Start-Sleep added.
    pub sim_time: Option<i64>,
    pub clock_offset: i64,
    /// Counts errors written; a pipeline that wrote one leaves `$?` false.
    pub error_count: u64,
    /// Ids of `Cmdlet`-type commands written by Write-Progress etc. that have no effect.
    pub transcript: Option<crate::engine::interp::Transcript>,
    /// Variable storage of finished plain-function calls, kept for the next call
    /// instead of allocating anew (see `Interp::simple_call`).
    pub(crate) call_pool: CallPool,
}

/// Spare storage for plain-function calls; bounded, so deep recursion leaves at most
/// `CallPool::MAX` behind.
#[derive(Default)]
pub(crate) struct CallPool {
    pub vars: Vec<Vars>,
}

impl CallPool {
    pub const MAX: usize = 64;

    /// Keeps a finished call's variable storage, emptied, for the next call.
    #[inline]
    pub fn keep(&mut self, scope: Scope) {
        let Scope {
            vars, functions, ..
        } = scope;
        match functions {
            Some(map) => drop(map),
            // Nothing to free: no call to the drop glue.
            None => std::mem::forget(functions),
        }
        self.keep_vars(vars);
    }

    /// Keeps a variable storage, emptied, for the next call.
    #[inline]
    pub fn keep_vars(&mut self, mut vars: Vars) {
        if self.vars.len() < Self::MAX {
            vars.clear();
            self.vars.push(vars);
        }
    }
}

/// An active Start-Transcript.
pub struct Transcript {
    pub path: String,
    pub text: String,
}

pub const MAX_CALL_DEPTH: u32 = 900;

impl Interp {
    pub fn new(host: Box<dyn Host>) -> Interp {
        let registry = Rc::new(Registry::builtin());
        let mut env = HashMap::new();
        for (k, v) in std::env::vars() {
            env.insert(k.to_lowercase(), (k, v));
        }
        let mut it = Interp {
            scopes: vec![Scope::new(ScopeKind::Global)],
            registry,
            aliases: FxHashMap::default(),
            fn_gen: 0,
            host,
            formatter: Formatter::builtin(),
            env,
            last_status: true,
            interrupted: Arc::new(AtomicBool::new(false)),
            streams: Streams::default(),
            handler_depth: 0,
            pipeline_counter: 0,
            cur_source: Rc::new(Source::new("", "")),
            cur_span: Default::default(),
            ext: HashMap::new(),
            interactive: false,
            call_depth: 0,
            error_count: 0,
            sim_time: None,
            clock_offset: 0,
            hooks: Hooks::default(),
            transcript: None,
            call_pool: CallPool::default(),
        };
        it.init_globals();
        it
    }

    fn init_globals(&mut self) {
        for (name, target) in crate::engine::registry::builtin_aliases() {
            self.aliases.insert(name.to_lowercase(), target.to_string());
        }
        let home = dirs::home_dir()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let profile = dirs::config_dir()
            .map(|p| p.join("exsh").join("profile.ps1").display().to_string())
            .unwrap_or_default();
        let mut ver = Hashtable::new(false);
        ver.insert(Value::str("PSVersion"), Value::str("7.4.0"));
        ver.insert(Value::str("PSEdition"), Value::str("Core"));
        ver.insert(
            Value::str("ExshVersion"),
            Value::str(env!("CARGO_PKG_VERSION")),
        );
        let globals: Vec<(&str, Value)> = vec![
            (
                "Error",
                Value::array_of(Vec::new(), crate::engine::value::ArrayKind::ArrayList),
            ),
            ("ErrorActionPreference", Value::str("Continue")),
            ("WarningPreference", Value::str("Continue")),
            ("VerbosePreference", Value::str("SilentlyContinue")),
            ("DebugPreference", Value::str("SilentlyContinue")),
            ("InformationPreference", Value::str("SilentlyContinue")),
            ("ProgressPreference", Value::str("Continue")),
            ("ConfirmPreference", Value::str("High")),
            ("WhatIfPreference", Value::Bool(false)),
            ("HOME", Value::string(home)),
            ("PROFILE", Value::string(profile)),
            ("PID", Value::Int(std::process::id() as i32)),
            ("PSVersionTable", Value::hashtable(ver)),
            ("FormatEnumerationLimit", Value::Int(4)),
            ("MaximumHistoryCount", Value::Int(4096)),
            ("PSScriptRoot", Value::str("")),
            ("PSCommandPath", Value::str("")),
            ("IsWindows", Value::Bool(false)),
            ("IsLinux", Value::Bool(true)),
        ];
        for (k, v) in globals {
            self.set_var_in(0, k, v);
        }
    }

    /// Now, in ticks: simulated time when set, else the wall clock (never slept on).
    pub fn now(&self) -> i64 {
        match self.sim_time {
            Some(t) => t,
            None => crate::engine::members::now_ticks() + self.clock_offset,
        }
    }

    /// Lets simulated time pass (Start-Sleep, operations with durations).
    pub fn advance_clock(&mut self, ticks: i64) {
        let ticks = ticks.max(0);
        // A loaded lab owns the clock: time passing there runs what falls due.
        if let Some(hook) = self.hooks.advance {
            hook(self, ticks);
            return;
        }
        match &mut self.sim_time {
            Some(t) => *t += ticks,
            None => self.clock_offset += ticks,
        }
    }

    // ---- extension state ----------------------------------------------------------------

    pub fn ext<T: 'static>(&self) -> Option<&T> {
        self.ext
            .get(&TypeId::of::<T>())
            .and_then(|b| b.downcast_ref::<T>())
    }
    pub fn ext_mut<T: 'static>(&mut self) -> Option<&mut T> {
        self.ext
            .get_mut(&TypeId::of::<T>())
            .and_then(|b| b.downcast_mut::<T>())
    }
    /// Sets `$env:NAME`.
    pub fn set_env(&mut self, name: &str, value: &str) {
        self.env
            .insert(name.to_lowercase(), (name.to_string(), value.to_string()));
    }

    pub fn set_ext<T: 'static>(&mut self, value: T) {
        self.ext.insert(TypeId::of::<T>(), Box::new(value));
    }

    // ---- variables ------------------------------------------------------------------------

    fn script_scope_index(&self) -> usize {
        self.scopes
            .iter()
            .rposition(|s| s.kind == ScopeKind::Script)
            .unwrap_or(0)
    }

    /// Looks a variable up by its lower-case name, honouring a scope qualifier.
    pub fn get_var(&self, key: &str, scope: &VarScope) -> Option<Value> {
        match scope {
            VarScope::Any | VarScope::Variable => {
                if let Some(v) = self.special_var(key) {
                    return v;
                }
                self.scopes
                    .iter()
                    .rev()
                    .find_map(|s| s.vars.get(key))
                    .map(|v| v.value.clone())
            }
            VarScope::Local | VarScope::Private => self
                .scopes
                .last()
                .and_then(|s| s.vars.get(key))
                .map(|v| v.value.clone()),
            VarScope::Script => {
                let i = self.script_scope_index();
                self.scopes[i].vars.get(key).map(|v| v.value.clone())
            }
            VarScope::Global => self.scopes[0].vars.get(key).map(|v| v.value.clone()),
            VarScope::Env => self.env.get(key).map(|(_, v)| Value::str(v)),
            VarScope::Function => self
                .find_function(key)
                .map(|f| Value::ScriptBlock(f.block.clone())),
        }
    }

    /// Looks a parsed variable reference up. A plain `$name` first tries the slot it
    /// was last found in, in the innermost scope (where a function's parameters and a
    /// loop's variables live), and remembers the slot when it finds it there.
    #[inline(always)]
    pub fn get_var_ref(&self, v: &VarRef) -> Option<Value> {
        if v.scope == VarScope::Any {
            if let Some(top) = self.scopes.last() {
                if let Some(var) = top.vars.at(v.slot.get(), &v.name.key) {
                    return Some(var.value.clone());
                }
            }
        }
        self.get_var_ref_slow(v)
    }

    /// A number operand read without evaluating it: an integer literal, or a plain
    /// `$name` found in its remembered slot of the innermost scope holding an Int32,
    /// Int64 or Double. `None` for anything else (the caller evaluates it). Reading
    /// either has no side effect, so the fallback may evaluate the same operand again.
    #[inline(always)]
    pub fn quick_num(&self, e: &crate::lang::ast::Expr) -> Option<crate::engine::convert::Num> {
        use crate::engine::convert::Num;
        use crate::lang::ast::{ConstValue, ExprKind};
        match &e.kind {
            ExprKind::Const(ConstValue::Int(i)) => Some(Num::Int(*i)),
            ExprKind::Var(v) if v.scope == VarScope::Any => {
                let var = self.scopes.last()?.vars.at(v.slot.get(), &v.name.key)?;
                Num::of(&var.value)
            }
            _ => None,
        }
    }

    #[inline(never)]
    fn get_var_ref_slow(&self, v: &VarRef) -> Option<Value> {
        if v.scope != VarScope::Any {
            return self.get_var(&v.name.key, &v.scope);
        }
        let top = self.scopes.len().checked_sub(1)?;
        if let Some(sv) = self.special_var(&v.name.key) {
            return sv;
        }
        for (i, s) in self.scopes.iter().enumerate().rev() {
            if let Some(slot) = s.vars.slot_of(&v.name.key) {
                if i == top {
                    v.slot.set(slot as u32);
                }
                return s.vars.slot_value(slot).map(|v| v.value.clone());
            }
        }
        None
    }

    /// `assign_slot` for a parsed reference, through its remembered slot.
    #[inline(always)]
    pub fn assign_slot_ref(&mut self, v: &VarRef) -> Option<&mut Var> {
        if v.scope == VarScope::Any {
            let slot = v.slot.get();
            let hit = self
                .scopes
                .last()
                .is_some_and(|top| top.vars.at(slot, &v.name.key).is_some());
            if hit {
                return self.scopes.last_mut()?.vars.slot_mut(slot as usize);
            }
        }
        self.assign_slot_ref_slow(v)
    }

    #[inline(never)]
    fn assign_slot_ref_slow(&mut self, v: &VarRef) -> Option<&mut Var> {
        if v.scope != VarScope::Any {
            return self.assign_slot(&v.name.key, &v.scope);
        }
        let top = self.scopes.last_mut()?;
        let slot = match top.vars.at(v.slot.get(), &v.name.key) {
            Some(_) => v.slot.get() as usize,
            None => {
                let slot = top.vars.slot_of(&v.name.key)?;
                v.slot.set(slot as u32);
                slot
            }
        };
        top.vars.slot_mut(slot)
    }

    /// `$true`, `$false`, `$null`, `$?` and `$PSItem`, recognised without a lookup.
    #[inline]
    fn special_var(&self, key: &str) -> Option<Option<Value>> {
        let b = key.as_bytes();
        match (b.len(), b.first()) {
            (4, Some(b't')) if key == "true" => Some(Some(Value::Bool(true))),
            (5, Some(b'f')) if key == "false" => Some(Some(Value::Bool(false))),
            (4, Some(b'n')) if key == "null" => Some(Some(Value::Null)),
            (1, Some(b'?')) => Some(Some(Value::Bool(self.last_status))),
            (6, Some(b'p')) if key == "psitem" => Some(self.get_var("_", &VarScope::Any)),
            _ => None,
        }
    }

    /// A variable by plain name (preference variables, $OFS...).
    pub fn var(&self, name: &str) -> Option<Value> {
        self.get_var(&name.to_lowercase(), &VarScope::Any)
    }

    pub fn set_var_in(&mut self, index: usize, name: &str, value: Value) {
        // `$_` and friends are set per pipeline object: no allocation when the variable
        // exists and the name is already folded.
        let key: std::borrow::Cow<str> =
            if name.is_ascii() && !name.bytes().any(|b| b.is_ascii_uppercase()) {
                std::borrow::Cow::Borrowed(name)
            } else {
                std::borrow::Cow::Owned(name.to_lowercase())
            };
        if let Some(scope) = self.scopes.get_mut(index) {
            match scope.vars.get_mut(&key) {
                Some(v) => v.value = value,
                None => {
                    scope.vars.insert(
                        Rc::from(&*key),
                        Var {
                            name: Rc::from(name),
                            value,
                            constraint: None,
                        },
                    );
                }
            }
        }
    }

    /// Sets a parameter's variable in the current (new) scope by its parsed name (no
    /// allocation for the key), with the parameter's type constraint. `value` is
    /// already converted (the binder did it, or it is the type's default).
    #[inline]
    pub fn set_param(
        &mut self,
        name: &crate::lang::ast::Name,
        value: Value,
        constraint: Option<TypeName>,
    ) {
        if let Some(scope) = self.scopes.last_mut() {
            let var = Var {
                name: name.text.clone(),
                value,
                constraint,
            };
            match scope.vars.get_mut(&name.key) {
                Some(v) => *v = var,
                None => {
                    scope.vars.push_new(name.key.clone(), var);
                }
            }
        }
    }

    /// Sets a variable in the current scope.
    pub fn set_local(&mut self, name: &str, value: Value) {
        let i = self.scopes.len() - 1;
        self.set_var_in(i, name, value);
    }

    /// Assigns a variable as `$name = value` does, applying any type constraint.
    pub fn assign_var(
        &mut self,
        key: &Rc<str>,
        text: &Rc<str>,
        scope: &VarScope,
        value: Value,
        constraint: Option<TypeName>,
    ) -> Result<(), ErrorRecord> {
        let index = match scope {
            VarScope::Env => {
                let s = value.to_display_string();
                if value.is_null() || s.is_empty() {
                    self.env.remove(&**key);
                } else {
                    self.env.insert(key.to_string(), (text.to_string(), s));
                }
                return Ok(());
            }
            VarScope::Global => 0,
            VarScope::Script => self.script_scope_index(),
            VarScope::Function => {
                return Err(ErrorRecord::new(
                    "not supported yet: assigning to $function:",
                    "NotSupported",
                    crate::engine::error::ErrorCategory::NotImplemented,
                ))
            }
            _ => self.scopes.len() - 1,
        };
        let scope = &mut self.scopes[index];
        match scope.vars.get_mut(key) {
            Some(v) => {
                if let Some(t) = constraint {
                    v.constraint = Some(t);
                }
                v.value = match v.constraint {
                    Some(t) => crate::engine::convert::convert_to(&value, t)?,
                    None => value,
                };
            }
            None => {
                let value = match constraint {
                    Some(t) => crate::engine::convert::convert_to(&value, t)?,
                    None => value,
                };
                scope.vars.insert(
                    key.clone(),
                    Var {
                        name: text.clone(),
                        value,
                        constraint,
                    },
                );
            }
        }
        Ok(())
    }

    /// The variable an assignment to `key` would change in place: one already in the
    /// scope the assignment writes to (the local scope unless a scope is named). A
    /// variable only in a parent scope is not it: assigning makes a local copy.
    #[inline]
    pub fn assign_slot(&mut self, key: &str, scope: &VarScope) -> Option<&mut Var> {
        let index = match scope {
            VarScope::Any | VarScope::Local | VarScope::Private | VarScope::Variable => {
                self.scopes.len().checked_sub(1)?
            }
            VarScope::Script => self.script_scope_index(),
            VarScope::Global => 0,
            _ => return None,
        };
        self.scopes.get_mut(index)?.vars.get_mut(key)
    }

    pub fn remove_var(&mut self, key: &str) -> bool {
        for s in self.scopes.iter_mut().rev() {
            if s.vars.remove(key).is_some() {
                return true;
            }
        }
        false
    }

    /// All visible variables, innermost definition winning, sorted by name.
    pub fn visible_vars(&self) -> Vec<Var> {
        let mut seen: HashMap<Rc<str>, Var> = HashMap::new();
        for s in self.scopes.iter() {
            for (k, v) in s.vars.iter() {
                seen.insert(k.clone(), v.clone());
            }
        }
        let mut out: Vec<Var> = seen.into_values().collect();
        out.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
        out
    }

    pub fn find_function(&self, key: &str) -> Option<Rc<FunctionInfo>> {
        // Most scopes define no function: skip them without hashing the name.
        self.scopes
            .iter()
            .rev()
            .find_map(|s| s.functions.as_ref()?.get(key))
            .cloned()
    }

    pub fn define_function(&mut self, f: Rc<FunctionInfo>) {
        let key: Rc<str> = Rc::from(f.name.to_lowercase());
        if let Some(s) = self.scopes.last_mut() {
            s.functions.get_or_insert_default().insert(key, f);
        }
        self.fn_gen += 1;
    }

    /// `find_function` with the depth of the scope that defines it.
    pub fn find_function_at(&self, key: &str) -> Option<(usize, Rc<FunctionInfo>)> {
        self.scopes
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, s)| s.functions.as_ref()?.get(key).map(|f| (i, f.clone())))
    }

    /// All visible functions.
    pub fn visible_functions(&self) -> Vec<Rc<FunctionInfo>> {
        let mut seen: HashMap<Rc<str>, Rc<FunctionInfo>> = HashMap::new();
        for s in self.scopes.iter() {
            for (k, f) in s.functions.iter().flat_map(|m| m.iter()) {
                seen.insert(k.clone(), f.clone());
            }
        }
        let mut v: Vec<_> = seen.into_values().collect();
        v.sort_by(|a, b| a.name.to_lowercase().cmp(&b.name.to_lowercase()));
        v
    }

    pub fn ofs(&self) -> String {
        match self.get_var("ofs", &VarScope::Any) {
            Some(v) if !v.is_null() => v.to_display_string(),
            _ => " ".to_string(),
        }
    }

    /// Converts to string as `"$x"` does (arrays joined by `$OFS`).
    pub fn stringify(&self, v: &Value) -> String {
        match v {
            Value::Array(_) => v.to_string_with_ofs(&self.ofs()),
            other => other.to_display_string(),
        }
    }

    pub fn check_interrupt(&self) -> FlowResult<()> {
        if self.interrupted.load(Ordering::Relaxed) {
            self.interrupted.store(false, Ordering::Relaxed);
            return Err(Flow::Interrupted);
        }
        Ok(())
    }

    // ---- streams ------------------------------------------------------------------------

    fn preference(&self, var: &str, given: Option<ActionPreference>) -> ActionPreference {
        if let Some(p) = given {
            return p;
        }
        self.var(var)
            .and_then(|v| ActionPreference::parse(&v.to_display_string()))
            .unwrap_or(ActionPreference::Continue)
    }

    /// Records an error in `$Error` (newest first).
    pub fn record_error(&mut self, err: &Rc<ErrorRecord>) {
        if let Some(Value::Array(a)) = self.get_var("error", &VarScope::Global) {
            let mut a = a.borrow_mut();
            a.insert(0, Value::Error(err.clone()));
            a.truncate(256);
        }
    }

    /// Writes a non-terminating error according to -ErrorAction / $ErrorActionPreference.
    pub fn write_error_record(
        &mut self,
        err: Rc<ErrorRecord>,
        common: &CommonParams,
    ) -> FlowResult<()> {
        self.write_error_to(err, common, None)
    }

    /// As `write_error_record`, with the command's output sink for `2>&1`.
    pub fn write_error_to(
        &mut self,
        err: Rc<ErrorRecord>,
        common: &CommonParams,
        out: Option<&mut dyn Sink>,
    ) -> FlowResult<()> {
        let err = if err.position.is_none() {
            let mut e = (*err).clone();
            e.position = Some(crate::engine::error::Position {
                source: self.cur_source.clone(),
                span: self.cur_span,
            });
            Rc::new(e)
        } else {
            err
        };
        self.last_status = false;
        self.error_count += 1;
        if let Some(name) = &common.error_variable {
            let (append, name) = match name.strip_prefix('+') {
                Some(n) => (true, n.to_string()),
                None => (false, name.clone()),
            };
            let key: Rc<str> = Rc::from(name.to_lowercase());
            let current = if append {
                self.get_var(&key, &VarScope::Any)
            } else {
                None
            };
            let mut items = current.map(|v| v.enumerate()).unwrap_or_default();
            items.push(Value::Error(err.clone()));
            let text: Rc<str> = Rc::from(name);
            let _ = self.assign_var(&key, &text, &VarScope::Any, Value::array(items), None);
        }
        match self.preference("ErrorActionPreference", common.error_action) {
            ActionPreference::Stop | ActionPreference::Inquire => {
                let mut e = (*err).clone();
                e.script_terminating = true;
                Err(Flow::error(e))
            }
            ActionPreference::Ignore => Ok(()),
            ActionPreference::SilentlyContinue => {
                self.record_error(&err);
                Ok(())
            }
            ActionPreference::Continue => {
                self.record_error(&err);
                self.emit_error(err, out)
            }
        }
    }

    /// Sends an error to wherever the error stream goes now.
    pub fn emit_error(
        &mut self,
        err: Rc<ErrorRecord>,
        out: Option<&mut dyn Sink>,
    ) -> FlowResult<()> {
        match self.streams.error {
            StreamDest::Null => Ok(()),
            StreamDest::Output => match out {
                Some(o) => o.emit(self, Value::Error(err)),
                None => {
                    self.print_error(&err);
                    Ok(())
                }
            },
            StreamDest::Host => {
                self.print_error(&err);
                Ok(())
            }
        }
    }

    /// Prints an error in PowerShell 7's concise view on stderr.
    pub fn print_error(&mut self, err: &ErrorRecord) {
        self.flush_output();
        let text = crate::format::errors::concise(err, self.host.color());
        self.host.err(&text);
        if let Some(t) = &mut self.transcript {
            t.text.push_str(&text);
        }
    }

    pub fn write_warning(&mut self, msg: &str, common: &CommonParams) -> FlowResult<()> {
        match self.preference("WarningPreference", common.warning_action) {
            ActionPreference::Stop | ActionPreference::Inquire => {
                let e = ErrorRecord::new(
                    format!("The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: {}", msg),
                    "ActionPreferenceStop",
                    crate::engine::error::ErrorCategory::OperationStopped,
                );
                Err(Flow::error(e))
            }
            ActionPreference::SilentlyContinue | ActionPreference::Ignore => Ok(()),
            ActionPreference::Continue => {
                if self.streams.warning == StreamDest::Host {
                    let text = format!("WARNING: {}\n", msg);
                    self.console(&text);
                }
                Ok(())
            }
        }
    }

    pub fn write_verbose(&mut self, msg: &str, common: &CommonParams) {
        let on = common.verbose
            || matches!(
                self.preference("VerbosePreference", None),
                ActionPreference::Continue | ActionPreference::Stop
            );
        if on && self.streams.verbose == StreamDest::Host {
            let text = format!("VERBOSE: {}\n", msg);
            self.console(&text);
        }
    }

    /// Write-Host: console text in order with formatted output.
    pub fn host_write(&mut self, text: &str) {
        if self.streams.information == StreamDest::Host {
            self.console(text);
        }
    }

    /// Text straight to stdout after any pending formatted output.
    pub fn console(&mut self, text: &str) {
        self.flush_output();
        self.host.out(text);
        if let Some(t) = &mut self.transcript {
            t.text.push_str(text);
        }
    }

    /// Out-Default for one object at the end of a top-level pipeline.
    pub fn out_default(&mut self, v: &Value) {
        let text = self.formatter.push(v);
        if !text.is_empty() {
            self.host.out(&text);
            if let Some(t) = &mut self.transcript {
                t.text.push_str(&text);
            }
        }
    }

    /// Ends Out-Default's current output (pending rows and the table's closing blank
    /// line): at the end of a script, a command line or a REPL entry.
    pub fn finish_output(&mut self) {
        let text = self.formatter.finish();
        if !text.is_empty() {
            self.host.out(&text);
            if let Some(t) = &mut self.transcript {
                t.text.push_str(&text);
            }
        }
    }

    /// Prints rows still being buffered by Out-Default (before console or error text).
    pub fn flush_output(&mut self) {
        let text = self.formatter.flush();
        if !text.is_empty() {
            self.host.out(&text);
            if let Some(t) = &mut self.transcript {
                t.text.push_str(&text);
            }
        }
    }

    /// ShouldProcess: under -WhatIf prints `What if: Performing the operation "action" on
    /// target "target".` and answers false; under -Confirm asks when it can.
    pub fn should_process(
        &mut self,
        _cmd: &str,
        target: &str,
        action: &str,
        common: &CommonParams,
    ) -> FlowResult<bool> {
        let what_if = common.what_if.unwrap_or_else(|| {
            self.var("WhatIfPreference")
                .map(|v| v.truthy())
                .unwrap_or(false)
        });
        if what_if {
            let text = format!(
                "What if: Performing the operation \"{}\" on target \"{}\".\n",
                action, target
            );
            self.console(&text);
            return Ok(false);
        }
        if common.confirm == Some(true) {
            let prompt = format!(
                "\nConfirm\nAre you sure you want to perform this action?\nPerforming the operation \"{}\" on target \"{}\".\n[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): ",
                action, target
            );
            if !self.interactive {
                return Err(Flow::error(ErrorRecord::new(
                    "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                    "HostException",
                    crate::engine::error::ErrorCategory::InvalidOperation,
                )));
            }
            self.flush_output();
            let answer = self.host.read_line(&prompt).unwrap_or_default();
            let a = answer.trim().to_ascii_lowercase();
            return Ok(a.is_empty() || a == "y" || a == "a");
        }
        Ok(true)
    }

    /// Runs a script block in the current scope with `$_` set, collecting its output
    /// (ForEach-Object, Where-Object, calculated properties).
    pub fn invoke_block_collect(
        &mut self,
        block: &ScriptBlock,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> FlowResult<Vec<Value>> {
        let mut sink = crate::engine::command::VecSink::default();
        self.invoke_block_inline(block, dollar_under, args, &mut sink)?;
        Ok(sink.0)
    }
}
