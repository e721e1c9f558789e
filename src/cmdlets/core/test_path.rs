//! Test-Path: whether a path exists (files and folders of the host, and `variable:`,
//! `env:` and `function:` drives), optionally -PathType Leaf/Container.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::TestPathArgs;
use crate::engine::value::Value;
use crate::lang::ast::VarScope;

#[derive(Default)]
pub struct TestPath;

impl Cmdlet for TestPath {
    type Args = TestPathArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let paths: Vec<String> = match &cx.input {
            Some(v) => vec![v.to_display_string()],
            None => a.path.clone(),
        };
        for p in paths {
            let lower = p.to_ascii_lowercase();
            let exists = if let Some(n) = lower.strip_prefix("variable:") {
                cx.interp
                    .get_var(n.trim_start_matches(['\\', '/']), &VarScope::Any)
                    .is_some()
            } else if let Some(n) = lower.strip_prefix("env:") {
                cx.interp
                    .env
                    .contains_key(n.trim_start_matches(['\\', '/']))
            } else if let Some(n) = lower.strip_prefix("function:") {
                cx.interp
                    .find_function(n.trim_start_matches(['\\', '/']))
                    .is_some()
            } else {
                let path = std::path::Path::new(&p);
                match a.path_type.as_deref().map(|t| t.to_ascii_lowercase()) {
                    Some(t) if t == "leaf" => path.is_file(),
                    Some(t) if t == "container" => path.is_dir(),
                    _ => path.exists(),
                }
            };
            cx.write(Value::Bool(exists))?;
        }
        Ok(())
    }
}
