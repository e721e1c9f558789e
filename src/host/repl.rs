//! The interactive shell (interim: line-at-a-time without editing).

use crate::engine::interp::Interp;

pub fn run(interp: &mut Interp, no_logo: bool) -> i32 {
    if !no_logo {
        interp.host.out(&format!(
            "exsh {} — type 'exit' to leave.\n",
            env!("CARGO_PKG_VERSION")
        ));
    }
    let mut buf = String::new();
    loop {
        let prompt = if buf.is_empty() { "PS> " } else { ">> " };
        let Some(line) = interp.host.read_line(prompt) else {
            break;
        };
        buf.push_str(&line);
        buf.push('\n');
        if crate::lang::parser::is_incomplete(&buf) {
            continue;
        }
        let text = std::mem::take(&mut buf);
        let o = crate::host::session::run_source(interp, "", &text, false, &[]);
        if let Some(code) = o.exit_code {
            return code;
        }
    }
    0
}
