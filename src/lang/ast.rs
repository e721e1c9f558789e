//! The typed syntax tree of exsh scripts. Every statement and expression carries a byte
//! span into its source; names are folded to lower case once, at parse time.

use std::rc::Rc;

/// A byte range in the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A name as written plus its lower-case folding (lookups use the folding).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub text: Rc<str>,
    pub key: Rc<str>,
}

thread_local! {
    /// Folded names already made on this thread, so that every `$i` of a script shares
    /// one key and the engine's slot check is a pointer comparison. Names are few (the
    /// distinct identifiers typed or loaded; at most 4,096 are kept).
    static KEYS: std::cell::RefCell<std::collections::HashSet<Rc<str>>> = Default::default();
}

impl Name {
    pub fn new(text: &str) -> Name {
        let folded = text.to_lowercase();
        let key = KEYS
            .try_with(|keys| {
                let mut keys = keys.borrow_mut();
                match keys.get(folded.as_str()) {
                    Some(k) => k.clone(),
                    None => {
                        let k: Rc<str> = Rc::from(folded.as_str());
                        // Bounded, so that text with endless new names (a fuzzer,
                        // generated code) cannot grow it without end; names past the
                        // bound still work, compared by content.
                        if folded.len() <= 64 && keys.len() < 4096 {
                            keys.insert(k.clone());
                        }
                        k
                    }
                }
            })
            .unwrap_or_else(|_| Rc::from(folded.as_str()));
        Name {
            text: Rc::from(text),
            key,
        }
    }
}

/// The body of a script, function or script block.
#[derive(Debug, Default)]
pub struct ScriptBlockAst {
    pub params: Option<ParamBlock>,
    pub begin: Option<Block>,
    pub process: Option<Block>,
    /// The `end` block, or the unnamed body.
    pub end: Option<Block>,
    /// True when the body used named blocks (`begin`/`process`/`end`).
    pub named_blocks: bool,
    pub span: Span,
}

/// `param(...)`, possibly preceded by `[CmdletBinding()]`.
#[derive(Debug, Default)]
pub struct ParamBlock {
    pub cmdlet_binding: bool,
    pub supports_should_process: bool,
    /// `[CmdletBinding(DefaultParameterSetName = '...')]`.
    pub default_parameter_set: Option<String>,
    pub params: Vec<ParamDecl>,
    pub span: Span,
}

#[derive(Debug)]
pub struct ParamDecl {
    pub name: Name,
    pub type_lit: Option<TypeLit>,
    pub default: Option<Expr>,
    pub mandatory: bool,
    pub position: Option<i32>,
    pub from_pipeline: bool,
    pub from_pipeline_by_name: bool,
    /// `ValueFromRemainingArguments`: collects the arguments no other parameter takes.
    pub from_remaining: bool,
    pub validate_set: Option<Vec<String>>,
    pub validate_not_null_or_empty: bool,
    pub aliases: Vec<String>,
    pub help: Option<String>,
    pub parameter_set: Option<String>,
    pub span: Span,
}

/// A list of statements with the traps declared directly in it.
#[derive(Debug, Default)]
pub struct Block {
    pub statements: Vec<Statement>,
    pub traps: Vec<Rc<Trap>>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Trap {
    pub type_name: Option<String>,
    pub body: Block,
    pub span: Span,
}

#[derive(Debug)]
pub struct Statement {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum StmtKind {
    Pipeline(Pipeline),
    Assign {
        target: Expr,
        op: AssignOp,
        value: Box<Statement>,
    },
    If {
        clauses: Vec<(Pipeline, Block)>,
        else_block: Option<Block>,
    },
    Switch(Box<SwitchStmt>),
    Foreach {
        label: Option<Rc<str>>,
        var: VarRef,
        iter: Pipeline,
        body: Block,
    },
    For {
        label: Option<Rc<str>>,
        init: Option<Box<Statement>>,
        cond: Option<Pipeline>,
        step: Option<Box<Statement>>,
        body: Block,
    },
    While {
        label: Option<Rc<str>>,
        cond: Pipeline,
        body: Block,
    },
    DoLoop {
        label: Option<Rc<str>>,
        body: Block,
        cond: Pipeline,
        until: bool,
    },
    Break(Option<Expr>),
    Continue(Option<Expr>),
    Return(Option<Pipeline>),
    Exit(Option<Pipeline>),
    Throw(Option<Pipeline>),
    Try {
        body: Block,
        catches: Vec<Catch>,
        finally: Option<Block>,
    },
    /// A trap; also listed in its block's `traps` (it applies to the whole block).
    Trap(Rc<Trap>),
    Function(Rc<FunctionDef>),
    /// A bare `{ ... }` block in statement position is an expression; this is `;` alone.
    Empty,
}

#[derive(Debug)]
pub struct SwitchStmt {
    pub label: Option<Rc<str>>,
    pub regex: bool,
    pub wildcard: bool,
    pub exact: bool,
    pub case_sensitive: bool,
    pub subject: Pipeline,
    pub clauses: Vec<(Expr, Block)>,
    pub default: Option<Block>,
}

#[derive(Debug)]
pub struct Catch {
    pub types: Vec<String>,
    pub body: Block,
}

#[derive(Debug)]
pub struct FunctionDef {
    pub name: Rc<str>,
    pub is_filter: bool,
    pub body: Rc<ScriptBlockAst>,
    /// The source text of the definition's body (for `$function:` and Get-Command).
    pub text: Rc<str>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssignOp {
    Set,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl AssignOp {
    /// The arithmetic operator of a compound assignment (`+=` is `+`); `None` for `=`.
    pub fn binop(self) -> Option<BinOp> {
        match self {
            AssignOp::Set => None,
            AssignOp::Add => Some(BinOp::Add),
            AssignOp::Sub => Some(BinOp::Sub),
            AssignOp::Mul => Some(BinOp::Mul),
            AssignOp::Div => Some(BinOp::Div),
            AssignOp::Rem => Some(BinOp::Rem),
        }
    }
}

/// `a | b | c`: the first element may be an expression, the rest are commands.
#[derive(Debug)]
pub struct Pipeline {
    pub elements: Vec<PipelineElement>,
    pub span: Span,
}

impl Pipeline {
    /// The expression of a pipeline that is one expression without redirections (a
    /// value, not a command), which the evaluator may compute directly.
    #[inline]
    pub fn single_expr(&self) -> Option<&Expr> {
        match self.elements.as_slice() {
            [PipelineElement::Expr { expr, redirections }] if redirections.is_empty() => Some(expr),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub enum PipelineElement {
    Expr {
        expr: Expr,
        redirections: Vec<Redirection>,
    },
    Command(Command),
}

#[derive(Debug)]
pub struct Command {
    pub invocation: Invocation,
    pub elements: Vec<CommandElement>,
    pub redirections: Vec<Redirection>,
    pub span: Span,
    /// What the engine last resolved the name to, with what it needs to check that the
    /// answer still holds (opaque here; see `engine::pipeline`).
    pub resolved: ResolveCache,
}

/// A command's remembered resolution, owned by the engine. The target is held weakly:
/// a function's body remembering the function itself must not keep it alive.
#[derive(Default)]
pub struct ResolveCache(
    pub std::cell::RefCell<Option<(u64, usize, u64, std::rc::Weak<dyn std::any::Any>)>>,
);

impl std::fmt::Debug for ResolveCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResolveCache")
    }
}

#[derive(Debug)]
pub enum Invocation {
    /// A command named by a bareword (`Get-Item`, `setup.com`, `.\x.ps1`).
    Name(Name),
    /// `& expr` (or `. expr` when `dot` is true).
    Call { expr: Expr, dot: bool },
}

#[derive(Debug)]
pub enum CommandElement {
    /// `-Name`, or `-Name:value` when `arg` is set.
    Parameter {
        name: Rc<str>,
        arg: Option<Expr>,
        span: Span,
    },
    Argument(Expr),
    /// `@name`
    Splat(VarRef),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Output,
    Error,
    Warning,
    Verbose,
    Debug,
    Information,
    All,
}

#[derive(Debug)]
pub enum Redirection {
    /// `N>&1`: the stream merges into output.
    Merge { from: Stream },
    /// `N> target` or `N>> target`.
    File {
        from: Stream,
        target: Expr,
        append: bool,
    },
}

/// A variable reference: `$x`, `$script:x`, `${a b}`, `$env:NAME`.
#[derive(Clone, Debug)]
pub struct VarRef {
    pub scope: VarScope,
    pub name: Name,
    pub span: Span,
    /// The scope slot this reference last found its variable in (a cache the engine
    /// checks before use; see `engine::interp::Vars`).
    pub slot: SlotCache,
}

/// A remembered variable slot; compares equal to any other, as it is not part of the
/// syntax.
#[derive(Clone, Debug)]
pub struct SlotCache(std::cell::Cell<u32>);

impl Default for SlotCache {
    fn default() -> SlotCache {
        SlotCache(std::cell::Cell::new(u32::MAX))
    }
}

impl SlotCache {
    #[inline]
    pub fn get(&self) -> u32 {
        self.0.get()
    }
    #[inline]
    pub fn set(&self, slot: u32) {
        self.0.set(slot)
    }
}

impl PartialEq for SlotCache {
    fn eq(&self, _: &SlotCache) -> bool {
        true
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VarScope {
    Any,
    Local,
    Script,
    Global,
    Private,
    Env,
    Variable,
    Function,
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeLit {
    pub name: Rc<str>,
    pub span: Span,
    /// What the engine resolved the name to (its own code; 0: not yet), so a cast in a
    /// loop parses its type name once.
    pub resolved: std::cell::Cell<u8>,
}

#[derive(Debug)]
pub enum ExprKind {
    /// Numbers, literal strings, barewords in command mode.
    Const(ConstValue),
    /// `"... $x ... $(expr) ..."`
    Expandable(Vec<StrPart>),
    Var(VarRef),
    /// `a, b, c`
    ArrayLit(Vec<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Unary {
        op: UnOp,
        operand: Box<Expr>,
    },
    Cast {
        ty: TypeLit,
        operand: Box<Expr>,
    },
    Type(TypeLit),
    Member {
        target: Box<Expr>,
        name: Box<Expr>,
        is_static: bool,
    },
    Invoke {
        target: Box<Expr>,
        name: Box<Expr>,
        args: Vec<Expr>,
        is_static: bool,
    },
    Index {
        target: Box<Expr>,
        index: Box<Expr>,
    },
    HashLit {
        entries: Vec<(Expr, Statement)>,
        ordered: bool,
    },
    /// `$( ... )`
    SubExpr(Block),
    /// `@( ... )`
    ArraySubExpr(Block),
    /// `( pipeline )`, which may be an assignment.
    Paren(Box<Statement>),
    ScriptBlock(Rc<ScriptBlockAst>, Rc<str>),
}

#[derive(Debug, Clone)]
pub enum ConstValue {
    Int(i32),
    Long(i64),
    Double(f64),
    Str(Rc<str>),
    /// A bareword argument: a string that may still be a number's spelling.
    Bare(Rc<str>),
}

#[derive(Debug)]
pub enum StrPart {
    Lit(Rc<str>),
    Var(VarRef),
    Sub(Block),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Range,
    Format,
    And,
    Or,
    Xor,
    Band,
    Bor,
    Bxor,
    Shl,
    Shr,
    Cmp(CmpOp, Case),
    Is,
    IsNot,
    As,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Insensitive,
    Sensitive,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Like,
    NotLike,
    Match,
    NotMatch,
    Contains,
    NotContains,
    In,
    NotIn,
    Replace,
    Split,
    Join,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Not,
    Neg,
    Plus,
    Bnot,
    Join,
    Split,
    Comma,
    PreInc,
    PreDec,
    PostInc,
    PostDec,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}
