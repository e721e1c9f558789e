//! ConvertFrom-Csv: CSV lines to objects (see `format::csv`).

use crate::cmdlets::core::convert_to_csv::delimiter;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ConvertFromCsvArgs;
use crate::format::csv;

#[derive(Default)]
pub struct ConvertFromCsv {
    lines: Vec<String>,
}

impl Cmdlet for ConvertFromCsv {
    type Args = ConvertFromCsvArgs;
    fn process(&mut self, a: &Self::Args, _cx: &mut Cx) -> FlowResult<()> {
        self.lines.extend(a.input_object.iter().cloned());
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let text = self.lines.join("\n");
        let header = if a.header.is_empty() {
            None
        } else {
            Some(a.header.clone())
        };
        for o in csv::to_objects(&text, delimiter(&a.delimiter), header) {
            cx.write(o)?;
        }
        Ok(())
    }
}
