//! Format-List: each input object as `Name : Value` lines (see `format::display`).

use crate::cmdlets::core::util::{self, Selector};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::FormatListArgs;
use crate::engine::value::Value;
use crate::format::display;

#[derive(Default)]
pub struct FormatList {
    entries: Vec<Vec<(String, String)>>,
    text: String,
}

impl Cmdlet for FormatList {
    type Args = FormatListArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(item) = util::input_of(cx, &a.input_object) else {
            return Ok(());
        };
        if !matches!(item, Value::Object(_) | Value::Hashtable(_)) {
            if !item.is_null() {
                self.flush();
                self.text.push_str(&item.to_display_string());
                self.text.push('\n');
            }
            return Ok(());
        }
        let sels: Vec<(String, Selector)> = if a.property.is_empty() {
            if let Value::Hashtable(h) = &item {
                // A dictionary lists its entries.
                let entries = h
                    .borrow()
                    .iter()
                    .map(|(k, v)| {
                        vec![
                            ("Name".to_string(), k.to_display_string()),
                            ("Value".to_string(), display::cell_text(v)),
                        ]
                    })
                    .collect::<Vec<_>>();
                self.entries.extend(entries);
                return Ok(());
            }
            cx.interp
                .formatter
                .list_properties(&item)
                .into_iter()
                .map(|(label, prop)| (label, Selector::Name(prop)))
                .collect()
        } else {
            let sels = util::selectors(&a.property).map_err(|e| cx.fail(e))?;
            util::expand_names(&sels, &item)
                .into_iter()
                .map(|s| (s.label(), s))
                .collect()
        };
        let mut entry = Vec::with_capacity(sels.len());
        for (label, sel) in &sels {
            let v = util::select_value(cx, sel, &item)?;
            entry.push((label.clone(), display::cell_text(&v)));
        }
        self.entries.push(entry);
        Ok(())
    }

    fn end(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        self.flush();
        let text = std::mem::take(&mut self.text);
        if text.is_empty() {
            return Ok(());
        }
        cx.write(display::formatted(text))
    }
}

impl FormatList {
    fn flush(&mut self) {
        if !self.entries.is_empty() {
            self.text.push('\n');
            self.text.push_str(&display::render_list(&self.entries));
            self.entries.clear();
        }
    }
}
