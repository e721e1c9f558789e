//! The evaluator: values, conversions, operators, scopes, pipelines, parameter binding,
//! errors and the command registry. Knows no cluster: cmdlets are reached through the
//! registry.

pub mod binder;
pub mod call;
pub mod command;
pub mod comment_help;
pub mod convert;
pub mod error;
pub mod eval;
pub mod exec;
pub mod help;
pub mod interp;
pub mod members;
pub mod ops;
pub mod pipeline;
pub mod redirect;
pub mod registry;
pub mod scriptblock;
pub mod value;
pub mod vars;
