//! Fuzz target: the parser must never panic, and a reported error span must lie inside
//! the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match exsh::lang::parser::parse_script(text) {
            Ok(_) => {}
            Err(e) => {
                assert!(e.span.start as usize <= text.len());
                assert!(e.span.end as usize <= text.len());
            }
        }
        let _ = exsh::lang::parser::is_incomplete(text);
    }
});
