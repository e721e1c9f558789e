//! Operators: arithmetic, comparison (left operand decides), wildcard and regex matching,
//! -replace, -split, -join, -f, ranges, -is/-as.

use std::rc::Rc;

use crate::engine::error::{ErrorCategory, ErrorRecord};

/// Compiles a .NET-style regex (case-insensitive unless `case_sensitive`).
pub fn build_regex(pattern: &str, case_sensitive: bool) -> Result<Rc<regex::Regex>, ErrorRecord> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(!case_sensitive)
        .build()
        .map(Rc::new)
        .map_err(|e| {
            ErrorRecord::new(
                format!(
                    "The regular expression pattern {} is not valid: {}",
                    pattern, e
                ),
                "InvalidRegularExpression",
                ErrorCategory::InvalidOperation,
            )
        })
}
