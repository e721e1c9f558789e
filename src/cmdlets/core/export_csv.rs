//! Export-Csv: objects to a CSV file (see `format::csv`).

use std::io::Write;

use crate::cmdlets::core::convert_to_csv::{delimiter, type_line};
use crate::cmdlets::core::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::ExportCsvArgs;
use crate::engine::value::Value;
use crate::format::csv;

#[derive(Default)]
pub struct ExportCsv {
    items: Vec<Value>,
}

impl Cmdlet for ExportCsv {
    type Args = ExportCsvArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(v) = util::input_of(cx, &a.input_object) {
            self.items.push(v);
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(first) = self.items.first().cloned() else {
            return Ok(());
        };
        if !cx.should_process(&a.path, "Export-Csv")? {
            return Ok(());
        }
        let d = delimiter(&a.delimiter);
        let existing = if a.append {
            std::fs::read_to_string(&a.path).ok()
        } else {
            None
        };
        // Appending keeps the file's columns.
        let cols = match existing.as_deref().and_then(|t| {
            csv::parse_records(t, d)
                .into_iter()
                .find(|r| !r.first().is_some_and(|f| f.starts_with("#TYPE")))
        }) {
            Some(h) => h,
            None => csv::columns_of(&first),
        };
        let mut text = String::new();
        if existing.as_deref().is_none_or(|t| t.trim().is_empty()) {
            if a.include_type_information {
                text.push_str(&type_line(&first));
                text.push('\n');
            }
            text.push_str(&csv::header(&cols, d));
            text.push('\n');
        }
        for v in &self.items {
            text.push_str(&csv::row(v, &cols, d));
            text.push('\n');
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(a.append)
            .write(true)
            .truncate(!a.append)
            .open(&a.path);
        let r = file.and_then(|mut f| f.write_all(text.as_bytes()));
        if let Err(e) = r {
            return Err(cx.fail(ErrorRecord::new(
                format!("Could not write '{}': {}", a.path, e),
                "FileOpenFailure",
                ErrorCategory::WriteError,
            )));
        }
        Ok(())
    }
}
