//! Numeric formats (interim).
use crate::engine::value::Value;
pub fn format_number(_v: &Value, _spec: &str) -> Option<String> {
    None
}
