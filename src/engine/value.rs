//! PowerShell values: scalars, reference collections (arrays, hashtables, objects), script
//! blocks and error records, with the type names `GetType().Name` reports.
//!
//! Collections are references (`Rc<RefCell<..>>`): `$b = $a` shares the array. Hashtables
//! keep insertion order and compare string keys case-insensitively.

use std::cell::{Cell, Ref, RefCell, RefMut};
use std::fmt;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::engine::error::ErrorRecord;
use crate::engine::scriptblock::ScriptBlock;

/// A shared, mutable PowerShell array: `System.Object[]`, a typed array (`[string[]]`)
/// or a resizable `System.Collections.ArrayList` / `List[T]`.
pub type Array = Rc<ArrayCell>;

/// What kind of .NET collection an array value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrayKind {
    /// `System.Object[]`: fixed size.
    Objects,
    /// `System.String[]`.
    Strings,
    /// `System.Int32[]`.
    Ints,
    /// `System.Collections.ArrayList`: Add/Remove/Clear work.
    ArrayList,
    /// `System.Collections.Generic.List[T]` (`List`1`).
    List,
}

impl ArrayKind {
    /// Whether Add/Remove/Insert/Clear are allowed.
    pub fn resizable(self) -> bool {
        matches!(self, ArrayKind::ArrayList | ArrayKind::List)
    }
    pub fn type_name(self) -> &'static str {
        match self {
            ArrayKind::Objects => "Object[]",
            ArrayKind::Strings => "String[]",
            ArrayKind::Ints => "Int32[]",
            ArrayKind::ArrayList => "ArrayList",
            ArrayKind::List => "List`1",
        }
    }
    pub fn full_name(self) -> &'static str {
        match self {
            ArrayKind::Objects => "System.Object[]",
            ArrayKind::Strings => "System.String[]",
            ArrayKind::Ints => "System.Int32[]",
            ArrayKind::ArrayList => "System.Collections.ArrayList",
            ArrayKind::List => "System.Collections.Generic.List`1[[System.Object]]",
        }
    }
}

/// The storage of an array value; `borrow`/`borrow_mut` as on a `RefCell`.
pub struct ArrayCell {
    items: RefCell<Vec<Value>>,
    kind: Cell<ArrayKind>,
}

impl ArrayCell {
    pub fn new(items: Vec<Value>, kind: ArrayKind) -> ArrayCell {
        ArrayCell {
            items: RefCell::new(items),
            kind: Cell::new(kind),
        }
    }
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.items.borrow()
    }
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        self.items.borrow_mut()
    }
    pub fn kind(&self) -> ArrayKind {
        self.kind.get()
    }
    pub fn set_kind(&self, kind: ArrayKind) {
        self.kind.set(kind)
    }
}

/// One PowerShell value.
#[derive(Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Int(i32),
    Long(i64),
    Double(f64),
    Char(char),
    Str(Rc<str>),
    Array(Array),
    Hashtable(Rc<RefCell<Hashtable>>),
    Object(Rc<RefCell<PsObject>>),
    ScriptBlock(Rc<ScriptBlock>),
    /// Ticks (100 ns) since 0001-01-01T00:00:00.
    DateTime(i64),
    /// Ticks (100 ns).
    TimeSpan(i64),
    Regex(Rc<regex::Regex>),
    /// A type literal such as `[int]` used as a value.
    Type(TypeName),
    Error(Rc<ErrorRecord>),
}

impl Clone for Value {
    /// Inlined: the evaluator copies scalars on every variable read.
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Null => Value::Null,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Long(i) => Value::Long(*i),
            Value::Double(d) => Value::Double(*d),
            Value::Char(c) => Value::Char(*c),
            Value::DateTime(t) => Value::DateTime(*t),
            Value::TimeSpan(t) => Value::TimeSpan(*t),
            Value::Type(t) => Value::Type(*t),
            Value::Str(s) => Value::Str(s.clone()),
            Value::Array(a) => Value::Array(a.clone()),
            Value::Hashtable(h) => Value::Hashtable(h.clone()),
            Value::Object(o) => Value::Object(o.clone()),
            Value::ScriptBlock(b) => Value::ScriptBlock(b.clone()),
            Value::Regex(r) => Value::Regex(r.clone()),
            Value::Error(e) => Value::Error(e.clone()),
        }
    }
}

/// The type names exsh knows; `[int]`, `[string[]]` and friends map to these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeName {
    Int,
    Long,
    Double,
    Decimal,
    String,
    Bool,
    Char,
    Byte,
    Array,
    StringArray,
    IntArray,
    /// `System.Collections.ArrayList`.
    ArrayList,
    /// `System.Collections.Generic.List[T]`.
    List,
    Hashtable,
    Ordered,
    PsCustomObject,
    PsObject,
    DateTime,
    TimeSpan,
    Regex,
    ScriptBlock,
    Switch,
    Object,
    Void,
    Math,
    Convert,
    Environment,
    /// `System.IO.Path`.
    IoPath,
    Guid,
    ErrorRecord,
    Exception,
}

impl TypeName {
    /// Every type name, in declaration order (`code` indexes it). A name left out is
    /// only never cached: its literals are resolved by `parse` each time.
    const ALL: [TypeName; 31] = [
        TypeName::Int,
        TypeName::Long,
        TypeName::Double,
        TypeName::Decimal,
        TypeName::String,
        TypeName::Bool,
        TypeName::Char,
        TypeName::Byte,
        TypeName::Array,
        TypeName::StringArray,
        TypeName::IntArray,
        TypeName::ArrayList,
        TypeName::List,
        TypeName::Hashtable,
        TypeName::Ordered,
        TypeName::PsCustomObject,
        TypeName::PsObject,
        TypeName::DateTime,
        TypeName::TimeSpan,
        TypeName::Regex,
        TypeName::ScriptBlock,
        TypeName::Switch,
        TypeName::Object,
        TypeName::Void,
        TypeName::Math,
        TypeName::Convert,
        TypeName::Environment,
        TypeName::IoPath,
        TypeName::Guid,
        TypeName::ErrorRecord,
        TypeName::Exception,
    ];

    /// A non-zero code for caching a resolved type literal (`TypeLit::resolved`).
    pub fn code(self) -> u8 {
        Self::ALL
            .iter()
            .position(|t| *t == self)
            .map_or(0, |i| i as u8 + 1)
    }

    /// The type a `code` stands for; `None` for 0 (not resolved).
    #[inline]
    pub fn from_code(code: u8) -> Option<TypeName> {
        Self::ALL.get(usize::from(code).checked_sub(1)?).copied()
    }

    /// Resolves a type literal's name (case-insensitive, with or without `System.`).
    pub fn parse(name: &str) -> Option<TypeName> {
        let lower = name.trim().to_ascii_lowercase();
        let lower = lower.strip_prefix("system.").unwrap_or(&lower);
        Some(match lower {
            "int" | "int32" => TypeName::Int,
            "long" | "int64" => TypeName::Long,
            "double" | "float" | "single" => TypeName::Double,
            "decimal" => TypeName::Decimal,
            "string" => TypeName::String,
            "bool" | "boolean" => TypeName::Bool,
            "char" => TypeName::Char,
            "byte" => TypeName::Byte,
            "array" | "object[]" => TypeName::Array,
            "string[]" => TypeName::StringArray,
            "int[]" | "int32[]" => TypeName::IntArray,
            "collections.arraylist" | "arraylist" => TypeName::ArrayList,
            l if l.starts_with("collections.generic.list[") && l.ends_with(']') => TypeName::List,
            "hashtable" | "collections.hashtable" => TypeName::Hashtable,
            "ordered" | "collections.specialized.ordereddictionary" => TypeName::Ordered,
            "pscustomobject" | "management.automation.pscustomobject" => TypeName::PsCustomObject,
            "psobject" | "management.automation.psobject" => TypeName::PsObject,
            "datetime" => TypeName::DateTime,
            "timespan" => TypeName::TimeSpan,
            "regex" | "text.regularexpressions.regex" => TypeName::Regex,
            "scriptblock" | "management.automation.scriptblock" => TypeName::ScriptBlock,
            "switch" | "management.automation.switchparameter" => TypeName::Switch,
            "object" => TypeName::Object,
            "void" => TypeName::Void,
            "math" => TypeName::Math,
            "convert" => TypeName::Convert,
            "environment" => TypeName::Environment,
            "io.path" => TypeName::IoPath,
            "guid" => TypeName::Guid,
            "management.automation.errorrecord" | "errorrecord" => TypeName::ErrorRecord,
            "exception" | "management.automation.runtimeexception" => TypeName::Exception,
            _ => return None,
        })
    }

    /// The short .NET name (`GetType().Name`, `[int].Name`).
    pub fn short_name(self) -> &'static str {
        match self {
            TypeName::Int => "Int32",
            TypeName::Long => "Int64",
            TypeName::Double => "Double",
            TypeName::Decimal => "Decimal",
            TypeName::String => "String",
            TypeName::Bool => "Boolean",
            TypeName::Char => "Char",
            TypeName::Byte => "Byte",
            TypeName::Array => "Object[]",
            TypeName::StringArray => "String[]",
            TypeName::IntArray => "Int32[]",
            TypeName::ArrayList => "ArrayList",
            TypeName::List => "List`1",
            TypeName::Hashtable => "Hashtable",
            TypeName::Ordered => "OrderedDictionary",
            TypeName::PsCustomObject => "PSCustomObject",
            TypeName::PsObject => "PSObject",
            TypeName::DateTime => "DateTime",
            TypeName::TimeSpan => "TimeSpan",
            TypeName::Regex => "Regex",
            TypeName::ScriptBlock => "ScriptBlock",
            TypeName::Switch => "SwitchParameter",
            TypeName::Object => "Object",
            TypeName::Void => "Void",
            TypeName::Math => "Math",
            TypeName::Convert => "Convert",
            TypeName::Environment => "Environment",
            TypeName::IoPath => "Path",
            TypeName::Guid => "Guid",
            TypeName::ErrorRecord => "ErrorRecord",
            TypeName::Exception => "RuntimeException",
        }
    }

    /// The full .NET name (`[int].FullName`, error messages).
    pub fn full_name(self) -> String {
        match self {
            TypeName::Hashtable => "System.Collections.Hashtable".into(),
            TypeName::Ordered => "System.Collections.Specialized.OrderedDictionary".into(),
            TypeName::PsCustomObject => "System.Management.Automation.PSCustomObject".into(),
            TypeName::PsObject => "System.Management.Automation.PSObject".into(),
            TypeName::ScriptBlock => "System.Management.Automation.ScriptBlock".into(),
            TypeName::Switch => "System.Management.Automation.SwitchParameter".into(),
            TypeName::ErrorRecord => "System.Management.Automation.ErrorRecord".into(),
            TypeName::Exception => "System.Management.Automation.RuntimeException".into(),
            TypeName::Regex => "System.Text.RegularExpressions.Regex".into(),
            TypeName::IoPath => "System.IO.Path".into(),
            TypeName::ArrayList => ArrayKind::ArrayList.full_name().into(),
            TypeName::List => ArrayKind::List.full_name().into(),
            other => format!("System.{}", other.short_name()),
        }
    }
}

/// A key of a hashtable: strings compare case-insensitively, numbers by value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HashKey {
    Str(String),
    Int(i64),
    Bool(bool),
    Other(String),
}

impl HashKey {
    pub fn of(v: &Value) -> HashKey {
        match v {
            Value::Str(s) => HashKey::Str(s.to_lowercase()),
            Value::Char(c) => HashKey::Str(c.to_lowercase().collect()),
            Value::Int(i) => HashKey::Int(*i as i64),
            Value::Long(i) => HashKey::Int(*i),
            Value::Double(d) if d.fract() == 0.0 && d.abs() < 9.0e15 => HashKey::Int(*d as i64),
            Value::Bool(b) => HashKey::Bool(*b),
            other => HashKey::Other(other.to_display_string()),
        }
    }
}

/// A hashtable (`@{}`) or ordered dictionary (`[ordered]@{}`); both keep insertion order.
#[derive(Clone, Default)]
pub struct Hashtable {
    pub map: IndexMap<HashKey, (Value, Value)>,
    pub ordered: bool,
}

impl Hashtable {
    pub fn new(ordered: bool) -> Self {
        Hashtable {
            map: IndexMap::new(),
            ordered,
        }
    }
    pub fn get(&self, key: &Value) -> Option<&Value> {
        self.map.get(&HashKey::of(key)).map(|(_, v)| v)
    }
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.map
            .get(&HashKey::Str(key.to_lowercase()))
            .map(|(_, v)| v)
    }
    /// Sets a key, keeping the original spelling and position of an existing key.
    pub fn insert(&mut self, key: Value, value: Value) {
        let hk = HashKey::of(&key);
        match self.map.get_mut(&hk) {
            Some(slot) => slot.1 = value,
            None => {
                self.map.insert(hk, (key, value));
            }
        }
    }
    pub fn contains(&self, key: &Value) -> bool {
        self.map.contains_key(&HashKey::of(key))
    }
    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        self.map.shift_remove(&HashKey::of(key)).map(|(_, v)| v)
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.values().map(|(k, v)| (k, v))
    }
}

/// A property bag with type names (a `[pscustomobject]`, or a snapshot a cmdlet emits).
#[derive(Clone, Default)]
pub struct PsObject {
    /// Most specific first; the first selects a display view.
    pub type_names: Vec<Rc<str>>,
    pub props: Props,
}

/// An object's properties in order, names as written. Property names match without
/// regard to case. Objects are many and small: the names are shared (`Rc<str>`) and a
/// lookup scans them; past `Props::INDEXED` properties a map of the lower-case names
/// takes over.
#[derive(Clone, Default)]
pub struct Props {
    entries: Vec<(Rc<str>, Value)>,
    index: Option<Box<rustc_hash::FxHashMap<Box<str>, u32>>>,
}

impl Props {
    const INDEXED: usize = 12;

    pub fn with_capacity(n: usize) -> Props {
        Props {
            entries: Vec::with_capacity(n),
            index: None,
        }
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// (name, value) pairs in order.
    pub fn values(&self) -> impl Iterator<Item = &(Rc<str>, Value)> {
        self.entries.iter()
    }
    fn position(&self, name: &str) -> Option<usize> {
        if let Some(index) = &self.index {
            return if name.bytes().any(|b| b.is_ascii_uppercase()) || !name.is_ascii() {
                index.get(name.to_lowercase().as_str())
            } else {
                index.get(name)
            }
            .map(|&i| i as usize);
        }
        self.entries
            .iter()
            .position(|(k, _)| k.eq_ignore_ascii_case(name))
            .or_else(|| {
                // Non-ASCII names compare by their lowercase form.
                if name.is_ascii() {
                    None
                } else {
                    let lower = name.to_lowercase();
                    self.entries
                        .iter()
                        .position(|(k, _)| k.to_lowercase() == lower)
                }
            })
    }
    fn push(&mut self, name: Rc<str>, value: Value) {
        let i = self.entries.len();
        if let Some(index) = &mut self.index {
            index.insert(name.to_lowercase().into_boxed_str(), i as u32);
        }
        self.entries.push((name, value));
        if self.index.is_none() && self.entries.len() > Self::INDEXED {
            let mut index = rustc_hash::FxHashMap::default();
            for (j, (k, _)) in self.entries.iter().enumerate() {
                index.insert(k.to_lowercase().into_boxed_str(), j as u32);
            }
            self.index = Some(Box::new(index));
        }
    }
}

pub const PSCUSTOMOBJECT: &str = "System.Management.Automation.PSCustomObject";

impl PsObject {
    pub fn new() -> Self {
        Self::with_capacity(0)
    }
    /// A PSCustomObject with room for `n` properties.
    pub fn with_capacity(n: usize) -> Self {
        thread_local! {
            // Shared by every PSCustomObject instead of one allocation each.
            static CUSTOM: Rc<str> = Rc::from(PSCUSTOMOBJECT);
        }
        PsObject {
            type_names: vec![CUSTOM.with(Rc::clone)],
            props: Props::with_capacity(n),
        }
    }
    pub fn with_type(type_name: &str) -> Self {
        PsObject {
            type_names: vec![Rc::from(type_name)],
            props: Props::default(),
        }
    }
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.props.position(name).map(|i| &self.props.entries[i].1)
    }
    pub fn set(&mut self, name: &str, value: Value) {
        match self.props.position(name) {
            Some(i) => self.props.entries[i].1 = value,
            None => self.props.push(Rc::from(name), value),
        }
    }
    /// `set` with a shared name (a hash literal's key), which the object keeps.
    pub fn set_shared(&mut self, name: &Rc<str>, value: Value) {
        match self.props.position(name) {
            Some(i) => self.props.entries[i].1 = value,
            None => self.props.push(name.clone(), value),
        }
    }
    pub fn has(&self, name: &str) -> bool {
        self.props.position(name).is_some()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Rc<str>, &Value)> {
        self.props.entries.iter().map(|(k, v)| (k, v))
    }
    pub fn type_name(&self) -> &str {
        self.type_names
            .first()
            .map(|s| &**s)
            .unwrap_or(PSCUSTOMOBJECT)
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn array(v: Vec<Value>) -> Value {
        Value::Array(Rc::new(ArrayCell::new(v, ArrayKind::Objects)))
    }
    /// An array of a given collection kind (`[string[]]`, ArrayList...).
    pub fn array_of(v: Vec<Value>, kind: ArrayKind) -> Value {
        Value::Array(Rc::new(ArrayCell::new(v, kind)))
    }
    pub fn object(o: PsObject) -> Value {
        Value::Object(Rc::new(RefCell::new(o)))
    }
    pub fn hashtable(h: Hashtable) -> Value {
        Value::Hashtable(Rc::new(RefCell::new(h)))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Long(_) | Value::Double(_))
    }

    /// True for values that are enumerated in a pipeline (arrays; not strings or hashtables).
    pub fn is_enumerable(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// PowerShell truthiness (about_Booleans).
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Long(i) => *i != 0,
            Value::Double(d) => *d != 0.0,
            Value::Char(c) => *c != '\0',
            Value::Str(s) => !s.is_empty(),
            Value::Array(a) => {
                let a = a.borrow();
                match a.len() {
                    0 => false,
                    1 => a[0].truthy(),
                    _ => true,
                }
            }
            Value::TimeSpan(t) => *t != 0,
            _ => true,
        }
    }

    /// The .NET short type name, as `GetType().Name` prints it.
    pub fn type_name(&self) -> String {
        match self {
            Value::Null => "Null".into(),
            Value::Bool(_) => "Boolean".into(),
            Value::Int(_) => "Int32".into(),
            Value::Long(_) => "Int64".into(),
            Value::Double(_) => "Double".into(),
            Value::Char(_) => "Char".into(),
            Value::Str(_) => "String".into(),
            Value::Array(a) => a.kind().type_name().into(),
            Value::Hashtable(h) => {
                if h.borrow().ordered {
                    "OrderedDictionary".into()
                } else {
                    "Hashtable".into()
                }
            }
            Value::Object(o) => {
                let o = o.borrow();
                let t = o.type_name();
                if t == PSCUSTOMOBJECT {
                    "PSCustomObject".into()
                } else {
                    t.rsplit('.').next().unwrap_or(t).to_string()
                }
            }
            Value::ScriptBlock(_) => "ScriptBlock".into(),
            Value::DateTime(_) => "DateTime".into(),
            Value::TimeSpan(_) => "TimeSpan".into(),
            Value::Regex(_) => "Regex".into(),
            Value::Type(_) => "RuntimeType".into(),
            Value::Error(_) => "ErrorRecord".into(),
        }
    }

    /// The full type name (`GetType().FullName`), used for views and messages.
    pub fn full_type_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "System.Boolean".into(),
            Value::Int(_) => "System.Int32".into(),
            Value::Long(_) => "System.Int64".into(),
            Value::Double(_) => "System.Double".into(),
            Value::Char(_) => "System.Char".into(),
            Value::Str(_) => "System.String".into(),
            Value::Array(_) => "System.Object[]".into(),
            Value::Hashtable(h) => {
                if h.borrow().ordered {
                    TypeName::Ordered.full_name()
                } else {
                    TypeName::Hashtable.full_name()
                }
            }
            Value::Object(o) => o.borrow().type_name().to_string(),
            Value::ScriptBlock(_) => TypeName::ScriptBlock.full_name(),
            Value::DateTime(_) => "System.DateTime".into(),
            Value::TimeSpan(_) => "System.TimeSpan".into(),
            Value::Regex(_) => TypeName::Regex.full_name(),
            Value::Type(_) => "System.RuntimeType".into(),
            Value::Error(_) => TypeName::ErrorRecord.full_name(),
        }
    }

    /// Converts to a string the way PowerShell does in `"$x"` and `[string]$x`, with
    /// arrays joined by a single space (`$OFS` is applied by the engine).
    pub fn to_display_string(&self) -> String {
        self.to_string_with_ofs(" ")
    }

    pub fn to_string_with_ofs(&self, ofs: &str) -> String {
        match self {
            Value::Null => String::new(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(i) => i.to_string(),
            Value::Long(i) => i.to_string(),
            Value::Double(d) => format_double(*d),
            Value::Char(c) => c.to_string(),
            Value::Str(s) => s.to_string(),
            Value::Array(a) => {
                let a = a.borrow();
                let parts: Vec<String> = a.iter().map(|v| v.to_string_with_ofs(ofs)).collect();
                parts.join(ofs)
            }
            Value::Hashtable(h) => {
                if h.borrow().ordered {
                    TypeName::Ordered.full_name()
                } else {
                    TypeName::Hashtable.full_name()
                }
            }
            Value::Object(o) => {
                let o = o.borrow();
                if let Some(Value::Str(s)) = o.get("__ToString") {
                    return s.to_string();
                }
                let parts: Vec<String> = o
                    .iter()
                    .filter(|(k, _)| !k.starts_with("__"))
                    .map(|(k, v)| format!("{}={}", k, v.to_string_with_ofs(ofs)))
                    .collect();
                format!("@{{{}}}", parts.join("; "))
            }
            Value::ScriptBlock(sb) => sb.text.to_string(),
            Value::DateTime(t) => crate::format::datetime::format_default(*t),
            Value::TimeSpan(t) => crate::format::datetime::format_timespan(*t),
            Value::Regex(r) => r.as_str().to_string(),
            Value::Type(t) => t.full_name(),
            Value::Error(e) => e.message.clone(),
        }
    }

    /// Elements when enumerated (a pipeline unrolls arrays; anything else is one item;
    /// `$null` is zero items in `foreach` but one in a pipeline, callers decide).
    pub fn enumerate(&self) -> Vec<Value> {
        match self {
            Value::Array(a) => a.borrow().clone(),
            Value::Null => Vec::new(),
            other => vec![other.clone()],
        }
    }

    /// Wraps a collected pipeline result the way assignment does: 0 items → `$null`,
    /// 1 → the item, more → an array.
    pub fn from_output(mut items: Vec<Value>) -> Value {
        match items.len() {
            0 => Value::Null,
            1 => items.pop().unwrap_or_default(),
            _ => Value::array(items),
        }
    }

    /// Identity comparison for reference types, used by `-eq` on collections.
    pub fn same_ref(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Array(a), Value::Array(b)) => Rc::ptr_eq(a, b),
            (Value::Hashtable(a), Value::Hashtable(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::ScriptBlock(a), Value::ScriptBlock(b)) => Rc::ptr_eq(a, b),
            (Value::Error(a), Value::Error(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => write!(f, "$null"),
            Value::Str(s) => write!(f, "{:?}", s),
            Value::Array(a) => f.debug_list().entries(a.borrow().iter()).finish(),
            other => write!(f, "{}({})", other.type_name(), other.to_display_string()),
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<i32> for Value {
    fn from(i: i32) -> Self {
        Value::Int(i)
    }
}
impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Long(i)
    }
}
impl From<f64> for Value {
    fn from(d: f64) -> Self {
        Value::Double(d)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::str(s)
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::string(s)
    }
}
impl From<usize> for Value {
    fn from(n: usize) -> Self {
        match i32::try_from(n) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::Long(n as i64),
        }
    }
}

/// Formats a double as .NET Core's `ToString()` in the invariant culture: the shortest
/// round-trip digits, scientific notation (`1E+15`, `1E-05`) outside 1e-5 .. 1e15.
pub fn format_double(d: f64) -> String {
    if d.is_nan() {
        return "NaN".into();
    }
    if d.is_infinite() {
        return if d > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if d == 0.0 {
        return if d.is_sign_negative() {
            "-0".into()
        } else {
            "0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip mantissa, e.g. "1.2345e14".
    let sci = format!("{:e}", d);
    let (mant, exp) = match sci.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().unwrap_or(0)),
        None => return sci,
    };
    let negative = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if negative { "-" } else { "" };
    if !(-4..15).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{}", rest)
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{}{}{}E{}{:02}", sign, first, frac, esign, exp.abs());
    }
    if exp >= 0 {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            format!("{}{}{}", sign, digits, "0".repeat(int_len - digits.len()))
        } else {
            format!("{}{}.{}", sign, &digits[..int_len], &digits[int_len..])
        }
    } else {
        let zeros = (-exp - 1) as usize;
        format!("{}0.{}{}", sign, "0".repeat(zeros), digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_codes_round_trip() {
        assert_eq!(TypeName::from_code(0), None);
        for t in TypeName::ALL {
            assert_ne!(t.code(), 0);
            assert_eq!(TypeName::from_code(t.code()), Some(t));
        }
        assert_eq!(TypeName::from_code(TypeName::ALL.len() as u8 + 1), None);
    }

    #[test]
    fn doubles_print_like_dotnet() {
        assert_eq!(format_double(3.14), "3.14");
        assert_eq!(format_double(0.5), "0.5");
        assert_eq!(format_double(1e15), "1E+15");
        assert_eq!(format_double(123456789012345.0), "123456789012345");
        assert_eq!(format_double(1e-5), "1E-05");
        assert_eq!(format_double(0.0001), "0.0001");
        assert_eq!(format_double(2.5), "2.5");
        assert_eq!(format_double(-1.25), "-1.25");
        assert_eq!(format_double(100.0), "100");
        assert_eq!(format_double(1.5e300), "1.5E+300");
    }

    #[test]
    fn value_stays_small() {
        assert!(std::mem::size_of::<Value>() <= 24);
    }
}
