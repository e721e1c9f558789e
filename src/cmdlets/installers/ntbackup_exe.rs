//! ntbackup: online backups of Exchange 2000/2003 storage groups (E10).

use crate::cmdlets::installers::exit_code;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::NtbackupExeArgs;
use crate::engine::value::Value;
use crate::model::Op;

#[derive(Default)]
pub struct NtbackupExe;

/// Switches followed by a value (`/f file`); others are flags or carry `:value`.
const WITH_VALUE: &[&str] = &["j", "p", "g", "t", "n", "f", "d", "ds", "is", "m"];

fn refuse(cx: &mut Cx, msg: &str) -> FlowResult<()> {
    cx.interp.flush_output();
    cx.interp.host.err(&format!("ntbackup: {}\n", msg));
    cx.interp.error_count += 1;
    exit_code(cx, 1);
    Ok(())
}

impl Cmdlet for NtbackupExe {
    type Args = NtbackupExeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        let args: Vec<String> = crate::cmdlets::installers::native_args(&a.argument_list);
        let Some(op) = args.first() else {
            return refuse(cx, "usage: ntbackup backup \"\\\\SERVER\\Microsoft Information Store[\\Storage Group]\" /f FILE [/m normal|copy|incremental|differential|daily] [/j JOB]");
        };
        if op.eq_ignore_ascii_case("restore") {
            return refuse(cx, "NTBackup restores only from its Restore Wizard; its scriptable form in exsh is Restore-ExchangeBackup -Path FILE.");
        }
        if !op.eq_ignore_ascii_case("backup") {
            return refuse(
                cx,
                &format!("'{}' is not an ntbackup operation (backup).", op),
            );
        }
        let (mut selection, mut file, mut kind, mut job) = (
            None::<String>,
            None::<String>,
            "normal".to_string(),
            String::new(),
        );
        let mut i = 1;
        while i < args.len() {
            let t = &args[i];
            if let Some(sw) = t.strip_prefix('/') {
                let key = sw.split(':').next().unwrap_or("").to_ascii_lowercase();
                if WITH_VALUE.contains(&key.as_str()) && !sw.contains(':') {
                    let v = args.get(i + 1).cloned().unwrap_or_default();
                    match key.as_str() {
                        "f" => file = Some(v),
                        "m" => kind = v.to_ascii_lowercase(),
                        "j" => job = v,
                        _ => {}
                    }
                    i += 2;
                    continue;
                }
                i += 1;
                continue;
            }
            if selection.is_none() {
                selection = Some(t.clone());
            }
            i += 1;
        }
        if !["normal", "copy", "incremental", "differential", "daily"].contains(&kind.as_str()) {
            return refuse(
                cx,
                &format!(
                    "'{}' is not a backup type (normal, copy, incremental, differential, daily).",
                    kind
                ),
            );
        }
        let Some(file) = file.filter(|f| !f.is_empty()) else {
            return refuse(cx, "name the backup file with /f: exsh has no tape drive.");
        };
        let sel = selection.unwrap_or_default();
        let parts: Vec<&str> = sel
            .trim_start_matches('\\')
            .split('\\')
            .filter(|p| !p.is_empty())
            .collect();
        let (server, sg) = match parts.as_slice() {
            [s, m] if m.eq_ignore_ascii_case("Microsoft Information Store") => {
                (s.to_string(), None)
            }
            [s, m, g] if m.eq_ignore_ascii_case("Microsoft Information Store") => {
                (s.to_string(), Some(g.to_string()))
            }
            _ => {
                return refuse(cx, &format!("exsh simulates Exchange online backups only: select \\\\SERVER\\Microsoft Information Store or \\\\SERVER\\Microsoft Information Store\\<storage group>, not '{}'.", sel));
            }
        };
        let op = Op::BackupEvs {
            server: server.clone(),
            storage_group: sg,
            file: file.clone(),
            kind: kind.clone(),
            job,
        };
        match lab::apply(cx, op) {
            Ok(_) => {}
            Err(e) => {
                exit_code(cx, 1);
                return Err(cx.fail(lab::model_error(&e)));
            }
        }
        let w = lab::world(cx)?;
        if let Some(b) = w.exchange.backups.last() {
            cx.write(Value::string(format!(
                "Backup of {} ({}) to {} completed: {} backup, Exchange {}.",
                sel.trim_end_matches('\\'),
                b.storage_groups.join(", "),
                b.file,
                b.kind,
                b.build
            )))?;
        }
        exit_code(cx, 0);
        Ok(())
    }
}
