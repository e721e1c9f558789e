//! Import-Csv: a CSV file to objects (see `format::csv`).

use crate::cmdlets::core::convert_to_csv::delimiter;
use crate::cmdlets::core::get_content::path_not_found;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ImportCsvArgs;
use crate::format::csv;

#[derive(Default)]
pub struct ImportCsv;

impl Cmdlet for ImportCsv {
    type Args = ImportCsvArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        for p in &a.path {
            let Ok(text) = std::fs::read_to_string(p) else {
                cx.write_error(path_not_found(p))?;
                continue;
            };
            let header = if a.header.is_empty() {
                None
            } else {
                Some(a.header.clone())
            };
            for o in csv::to_objects(&text, delimiter(&a.delimiter), header) {
                cx.write(o)?;
            }
        }
        Ok(())
    }
}
