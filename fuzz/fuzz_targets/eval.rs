//! Fuzz target: evaluating arbitrary (parseable) input must never panic. Loops are
//! bounded by running only short inputs without loop keywords.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lower = text.to_ascii_lowercase();
    if text.len() > 200 || ["while", "for", "do", "..", "sleep", "function", "read-host", "&", "set-content", "out-file", "add-content", "export", ">", "transcript", "tee"].iter().any(|w| lower.contains(w)) {
        return;
    }
    let host = exsh::engine::interp::BufferHost::default();
    let mut interp = exsh::engine::interp::Interp::new(Box::new(host));
    let _ = exsh::host::session::run_command(&mut interp, text);
});
