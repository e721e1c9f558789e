//! The language front end: source text, syntax tree and the nom parser. Knows nothing of
//! evaluation or of clusters.

pub mod ast;
pub mod parser;
pub mod source;
