//! Write-Host: text to the console (stdout), in order with pipeline output; arrays are
//! joined with -Separator (default a space).

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::WriteHostArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct WriteHost;

fn ansi(color: &str, background: bool) -> Option<u8> {
    let base = match color.to_ascii_lowercase().as_str() {
        "black" => 30,
        "darkred" => 31,
        "darkgreen" => 32,
        "darkyellow" => 33,
        "darkblue" => 34,
        "darkmagenta" => 35,
        "darkcyan" => 36,
        "gray" => 37,
        "darkgray" => 90,
        "red" => 91,
        "green" => 92,
        "yellow" => 93,
        "blue" => 94,
        "magenta" => 95,
        "cyan" => 96,
        "white" => 97,
        _ => return None,
    };
    Some(if background { base + 10 } else { base })
}

impl Cmdlet for WriteHost {
    type Args = WriteHostArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let sep = a
            .separator
            .clone()
            .map(|v| cx.interp.stringify(&v))
            .unwrap_or_else(|| " ".to_string());
        let mut parts = Vec::new();
        if let Some(v) = &a.object {
            match v {
                Value::Array(items) => {
                    for it in items.borrow().iter() {
                        parts.push(cx.interp.stringify(it));
                    }
                }
                other => parts.push(cx.interp.stringify(other)),
            }
        }
        let mut text = parts.join(&sep);
        if cx.interp.host.color() {
            let fg = a.foreground_color.as_deref().and_then(|c| ansi(c, false));
            let bg = a.background_color.as_deref().and_then(|c| ansi(c, true));
            if fg.is_some() || bg.is_some() {
                let codes: Vec<String> = [fg, bg].iter().flatten().map(|c| c.to_string()).collect();
                text = format!("\x1b[{}m{}\x1b[0m", codes.join(";"), text);
            }
        }
        if !a.no_newline {
            text.push('\n');
        }
        cx.host_write(&text);
        Ok(())
    }
}
