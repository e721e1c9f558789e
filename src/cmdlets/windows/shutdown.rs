//! shutdown.exe: `/r` restart, `/s` shut down, `/m \\NODE`, `/t N`.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::ShutdownArgs;
use crate::engine::value::Value;
use crate::model::{Op, TICKS_PER_SECOND};

#[derive(Default)]
pub struct Shutdown;

impl Cmdlet for Shutdown {
    type Args = ShutdownArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let args: Vec<String> = a
            .argument_list
            .iter()
            .map(|v| v.to_display_string())
            .collect();
        let mut restart = None;
        let mut machine = lab::session(cx)?.current_node.clone();
        let mut delay: i64 = 30;
        let mut it = args.iter().peekable();
        while let Some(x) = it.next() {
            match x.to_ascii_lowercase().trim_start_matches(['/', '-']) {
                "r" => restart = Some(true),
                "s" => restart = Some(false),
                "m" => {
                    if let Some(m) = it.next() {
                        machine = m.trim_start_matches('\\').to_string();
                    }
                }
                "t" => delay = it.next().and_then(|t| t.parse().ok()).unwrap_or(30),
                "f" | "c" | "d" => {
                    if x.eq_ignore_ascii_case("/c") || x.eq_ignore_ascii_case("/d") {
                        it.next();
                    }
                }
                _ => {}
            }
        }
        let Some(restart) = restart else {
            cx.interp
                .host
                .err("Usage: shutdown [/r | /s] [/m \\\\computer] [/t xxx]\n");
            cx.interp.set_var_in(0, "LASTEXITCODE", Value::Int(1));
            cx.interp.error_count += 1;
            return Ok(());
        };
        let _ = lab::apply(
            cx,
            Op::Sleep {
                ticks: delay.max(0) * TICKS_PER_SECOND,
            },
        );
        let op = if restart {
            Op::RestartServer {
                server: machine.clone(),
                wait: false,
            }
        } else {
            Op::ShutdownServer {
                server: machine.clone(),
            }
        };
        let code = match lab::apply(cx, op) {
            Ok(_) => 0,
            Err(e) => {
                cx.interp.flush_output();
                cx.interp.host.err(&format!(
                    "{}: {}({})\n",
                    machine,
                    e.message,
                    e.code.unwrap_or(1)
                ));
                cx.interp.error_count += 1;
                i32::try_from(e.code.unwrap_or(1)).unwrap_or(1)
            }
        };
        cx.interp.set_var_in(0, "LASTEXITCODE", Value::Int(code));
        Ok(())
    }
}
