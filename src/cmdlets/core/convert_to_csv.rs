//! ConvertTo-Csv: objects to CSV lines (see `format::csv`).

use crate::cmdlets::core::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ConvertToCsvArgs;
use crate::engine::value::Value;
use crate::format::csv;

#[derive(Default)]
pub struct ConvertToCsv {
    columns: Option<Vec<String>>,
}

/// The delimiter: the first character of -Delimiter, else a comma.
pub fn delimiter(d: &Option<String>) -> char {
    d.as_deref().and_then(|s| s.chars().next()).unwrap_or(',')
}

/// The #TYPE line PowerShell writes with -IncludeTypeInformation.
pub fn type_line(v: &Value) -> String {
    let t = match v {
        Value::Object(o) => o.borrow().type_name().to_string(),
        other => format!("System.{}", other.type_name()),
    };
    format!("#TYPE {}", t)
}

impl Cmdlet for ConvertToCsv {
    type Args = ConvertToCsvArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(item) = util::input_of(cx, &a.input_object) else {
            return Ok(());
        };
        let d = delimiter(&a.delimiter);
        if self.columns.is_none() {
            let cols = csv::columns_of(&item);
            if a.include_type_information {
                cx.write(Value::string(type_line(&item)))?;
            }
            if !a.no_header {
                cx.write(Value::string(csv::header(&cols, d)))?;
            }
            self.columns = Some(cols);
        }
        let cols = self.columns.clone().unwrap_or_default();
        cx.write(Value::string(csv::row(&item, &cols, d)))
    }
}
