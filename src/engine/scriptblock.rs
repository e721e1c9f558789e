//! Script blocks: a parsed body with the source it came from.

use std::rc::Rc;

use crate::lang::ast::ScriptBlockAst;
use crate::lang::source::Source;

/// A script block value (`{ ... }`), a function body or a whole script.
#[derive(Debug)]
pub struct ScriptBlock {
    pub ast: Rc<ScriptBlockAst>,
    /// The text between the braces, as `ToString()` returns it.
    pub text: Rc<str>,
    pub source: Rc<Source>,
    /// True for a filter (the body is the `process` block).
    pub is_filter: bool,
}
