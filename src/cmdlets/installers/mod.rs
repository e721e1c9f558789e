//! Installers run on the console's node: Exchange 2007 setup.com, the Exchange 2000/2003
//! service pack (update.exe), Windows hotfix packages named by KB, and .NET 2.0 SP1.

pub mod kbnnnnnn_exe;
pub mod net_fx20_sp1_x64_exe;
pub mod ntbackup_exe;
pub mod setup_com;
pub mod setup_exe;
pub mod update_exe;

use crate::engine::command::Cx;
use crate::engine::value::Value;

/// The manifest that runs a program typed by file name or path: `update.exe`,
/// `\\DC1\Media\E2K3SP1\update.exe`, `WindowsServer2003-KB831464-x86-ENU.exe`,
/// `NetFx20SP1_x64.exe`.
pub fn installer_command(file: &str) -> Option<&'static str> {
    let l = file.to_ascii_lowercase();
    if l == "update.exe" {
        return Some("update.exe");
    }
    if l == "setup.com" {
        return Some("setup.com");
    }
    if l == "ntbackup.exe" || l == "ntbackup" {
        return Some("ntbackup.exe");
    }
    if l == "setup.exe" {
        return Some("setup.exe");
    }
    if l.starts_with("netfx20sp1") && l.ends_with(".exe") {
        return Some("NetFx20SP1_x64.exe");
    }
    if l.ends_with(".exe") && kb_of(&l).is_some() {
        return Some("KBnnnnnn.exe");
    }
    None
}

/// `WindowsServer2003-KB831464-x86-ENU.exe` -> `KB831464`.
pub fn kb_of(file: &str) -> Option<String> {
    let l = file.to_ascii_lowercase();
    let at = l.find("kb")?;
    let digits: String = l[at + 2..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    (digits.len() >= 5).then(|| format!("KB{}", digits))
}

/// The switches of a native command line, lowercased without their `/` or `-`; an
/// unknown one is reported (and `$LASTEXITCODE` set to 1) and None returned.
pub(crate) fn switches(cx: &mut Cx, args: &[Value], allowed: &[&str]) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for a in args {
        let raw = a.to_display_string();
        let s = raw.trim_start_matches(['/', '-']).to_ascii_lowercase();
        if !allowed.contains(&s.as_str()) {
            cx.interp.flush_output();
            cx.interp.host.err(&format!(
                "{}: the switch '{}' is not recognized. Valid switches: {}\n",
                cx.spec.name,
                raw,
                allowed
                    .iter()
                    .map(|a| format!("/{}", a))
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
            cx.interp.error_count += 1;
            exit_code(cx, 1);
            return None;
        }
        out.push(s);
    }
    Some(out)
}

/// A native command's arguments as strings. `/roles:HT,CA` or `/setowners:NODE1,NODE2`
/// parse as arrays in PowerShell's argument mode; the program meant the comma list, so
/// an array argument is joined back with commas.
pub fn native_args(args: &[Value]) -> Vec<String> {
    args.iter()
        .map(|v| match v {
            Value::Array(a) => a
                .borrow()
                .iter()
                .map(|x| x.to_display_string())
                .collect::<Vec<_>>()
                .join(","),
            other => other.to_display_string(),
        })
        .collect()
}

pub(crate) fn exit_code(cx: &mut Cx, code: i32) {
    cx.interp.set_var_in(0, "LASTEXITCODE", Value::Int(code));
}
