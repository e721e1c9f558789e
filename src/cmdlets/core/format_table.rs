//! Format-Table: the input objects as one table of text (see `format::display`).

use crate::cmdlets::core::util::{self, Selector};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::FormatTableArgs;
use crate::engine::value::Value;
use crate::format::display::{self, Align, Column, TableOptions};

#[derive(Default)]
pub struct FormatTable {
    items: Vec<Value>,
}

/// A table's columns for these items, from -Property or the defaults.
fn columns(cx: &mut Cx, props: &[Value], sample: &Value) -> FlowResult<Vec<(Column, Selector)>> {
    if props.is_empty() {
        return Ok(cx
            .interp
            .formatter
            .table_columns(sample)
            .into_iter()
            .map(|(label, prop, align, width)| {
                (
                    Column {
                        label,
                        align: align.unwrap_or(Align::Left),
                        width,
                    },
                    Selector::Name(prop),
                )
            })
            .collect());
    }
    let sels = util::selectors(props).map_err(|e| cx.fail(e))?;
    let sels = util::expand_names(&sels, sample);
    Ok(sels
        .into_iter()
        .map(|s| {
            (
                Column {
                    label: s.label(),
                    align: Align::Left,
                    width: None,
                },
                s,
            )
        })
        .collect())
}

impl Cmdlet for FormatTable {
    type Args = FormatTableArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if let Some(item) = util::input_of(cx, &a.input_object) {
            self.items.push(item);
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let items = std::mem::take(&mut self.items);
        let Some(sample) = items.iter().find(|v| !v.is_null()).cloned() else {
            return Ok(());
        };
        if !matches!(sample, Value::Object(_) | Value::Hashtable(_)) && a.property.is_empty() {
            let text: String = items
                .iter()
                .map(|v| format!("{}\n", v.to_display_string()))
                .collect();
            return cx.write(display::formatted(text));
        }
        let dictionary = matches!(sample, Value::Hashtable(_)) && a.property.is_empty();
        let mut cols = columns(cx, &a.property, &sample)?;
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut groups: Vec<(String, usize)> = Vec::new();
        let group_sel = match &a.group_by {
            Some(g) => Some(util::selectors(std::slice::from_ref(g)).map_err(|e| cx.fail(e))?),
            None => None,
        };
        for (r, item) in items.iter().enumerate() {
            if let Some(sel) = group_sel.as_ref().and_then(|g| g.first()) {
                let gv = util::select_value(cx, sel, item)?.to_display_string();
                if groups.last().is_none_or(|(v, _)| *v != gv) {
                    groups.push((gv, r));
                }
            }
            if dictionary {
                if let Value::Hashtable(h) = item {
                    for (k, v) in h.borrow().iter() {
                        rows.push(vec![k.to_display_string(), display::cell_text(v)]);
                    }
                }
                continue;
            }
            let mut row = Vec::with_capacity(cols.len());
            for (i, (col, sel)) in cols.iter_mut().enumerate() {
                let v = util::select_value(cx, sel, item)?;
                // The first row decides each column's alignment, as PowerShell does.
                if r == 0 && a.property.is_empty() && display::is_numeric(&v) {
                    let _ = i;
                    col.align = Align::Right;
                } else if r == 0 && !a.property.is_empty() && display::is_numeric(&v) {
                    col.align = Align::Right;
                }
                row.push(display::cell_text(&v));
            }
            rows.push(row);
        }
        let columns: Vec<Column> = cols.into_iter().map(|(c, _)| c).collect();
        let opts = TableOptions {
            hide_headers: a.hide_table_headers,
            width: if a.wrap || a.auto_size {
                usize::MAX
            } else {
                cx.interp.formatter.width
            },
        };
        let mut text = String::new();
        if groups.is_empty() {
            text.push('\n');
            text.push_str(&display::render_table(&columns, &rows, &opts));
            text.push('\n');
        } else {
            let label = match &a.group_by {
                Some(Value::Str(s)) => s.to_string(),
                _ => "Group".to_string(),
            };
            for (k, (value, start)) in groups.iter().enumerate() {
                let end = groups.get(k + 1).map(|(_, e)| *e).unwrap_or(rows.len());
                text.push_str(&format!("\n   {}: {}\n\n", label, value));
                text.push_str(&display::render_table(&columns, &rows[*start..end], &opts));
            }
            text.push('\n');
        }
        cx.write(display::formatted(text))
    }
}
