//! Out-File: writes objects to a file as they would print on the console.

use crate::cmdlets::core::set_content::write_file;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::OutFileArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct OutFile {
    items: Vec<Value>,
}

impl Cmdlet for OutFile {
    type Args = OutFileArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(v) = cx.input.clone().or_else(|| a.input_object.clone()) {
            self.items.push(v);
        }
        Ok(())
    }
    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let text = crate::format::display::format_for_file(&self.items, &cx.interp.formatter);
        write_file(&a.file_path, &text, a.append).map_err(|e| cx.fail(e))
    }
}
