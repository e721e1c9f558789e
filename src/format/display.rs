//! Out-Default (interim): scalars one per line.
use crate::engine::value::Value;
use crate::format::views::View;
use std::rc::Rc;
pub struct Formatter {
    _views: Rc<Vec<View>>,
}
impl Formatter {
    pub fn new(views: Rc<Vec<View>>) -> Formatter {
        Formatter { _views: views }
    }
    pub fn push(&mut self, v: &Value) -> String {
        if v.is_null() {
            String::new()
        } else {
            format!("{}\n", v.to_display_string())
        }
    }
    pub fn flush(&mut self) -> String {
        String::new()
    }
}
pub fn format_for_file(items: &[Value], _f: &Formatter) -> String {
    items
        .iter()
        .map(|v| format!("{}\n", v.to_display_string()))
        .collect()
}
