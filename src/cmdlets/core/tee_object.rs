//! Tee-Object: passes input on and also saves it to a variable (-Variable) or a file
//! (-FilePath, -Append).

use std::rc::Rc;

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::TeeObjectArgs;
use crate::engine::value::Value;
use crate::lang::ast::VarScope;

#[derive(Default)]
pub struct TeeObject {
    items: Vec<Value>,
}

impl Cmdlet for TeeObject {
    type Args = TeeObjectArgs;

    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(item) = cx.input.clone().or_else(|| a.input_object.clone()) else {
            return Ok(());
        };
        self.items.push(item.clone());
        cx.write(item)
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let items = std::mem::take(&mut self.items);
        if let Some(name) = &a.variable {
            let key: Rc<str> = Rc::from(name.to_lowercase());
            let text: Rc<str> = Rc::from(name.as_str());
            cx.interp
                .assign_var(&key, &text, &VarScope::Any, Value::from_output(items), None)
                .map_err(|e| cx.fail(e))?;
        } else if let Some(path) = &a.file_path {
            let text = crate::format::display::format_for_file(&items, &cx.interp.formatter);
            let r = if a.append {
                use std::io::Write;
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                    .and_then(|mut f| f.write_all(text.as_bytes()))
            } else {
                std::fs::write(path, text)
            };
            if let Err(e) = r {
                return Err(cx.fail(ErrorRecord::new(
                    format!("Could not write '{}': {}", path, e),
                    "FileWriteError",
                    ErrorCategory::WriteError,
                )));
            }
        }
        Ok(())
    }
}
