//! Invoke-Expression: parses and runs a string in the caller's scope.

use std::rc::Rc;

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{Flow, FlowResult};
use crate::engine::registry::InvokeExpressionArgs;
use crate::lang::source::Source;

#[derive(Default)]
pub struct InvokeExpression;

impl Cmdlet for InvokeExpression {
    type Args = InvokeExpressionArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let text = cx
            .input
            .clone()
            .map(|v| v.to_display_string())
            .unwrap_or_else(|| a.command.clone());
        let source = Rc::new(Source::new("", text));
        let ast = crate::lang::parser::parse_script(&source.text)
            .map_err(|e| Flow::error(crate::format::errors::parse_error_record(&e, &source)))?;
        let prev = std::mem::replace(&mut cx.interp.cur_source, source);
        let mut r = Ok(());
        for b in [&ast.begin, &ast.process, &ast.end].into_iter().flatten() {
            r = cx.interp.exec_block(b, cx.out);
            if r.is_err() {
                break;
            }
        }
        cx.interp.cur_source = prev;
        r
    }
}
