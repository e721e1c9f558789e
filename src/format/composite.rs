//! Composite formatting (interim).
use crate::engine::value::Value;
pub fn composite_format(fmt: &str, args: &[Value]) -> Result<String, String> {
    let mut out = fmt.to_string();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{}}}", i), &a.to_display_string());
    }
    Ok(out)
}
