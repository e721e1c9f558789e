//! Tab completion and line continuation, decided without a terminal so they can be
//! tested: [`complete`] takes the line, the cursor and a [`CompletionSource`] (the
//! interpreter, or a fake in tests) and returns where the replaced word starts and the
//! candidates.

use std::path::Path;

use crate::engine::binder::common_parameter_names;
use crate::engine::interp::Interp;

/// A parameter as completion sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamInfo {
    pub name: String,
    pub accepted_values: Vec<String>,
    pub is_switch: bool,
}

/// What completion needs to know about the session.
pub trait CompletionSource {
    /// Cmdlets, functions and aliases.
    fn command_names(&self) -> Vec<String>;
    /// The parameters of a command (by name or alias), common parameters included.
    fn parameters(&self, command: &str) -> Option<Vec<ParamInfo>>;
    /// Variable names, without `$`.
    fn variable_names(&self) -> Vec<String>;
    /// The directory relative paths complete from.
    fn current_dir(&self) -> std::path::PathBuf {
        std::env::current_dir().unwrap_or_default()
    }
}

impl CompletionSource for Interp {
    fn command_names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.registry.names().map(str::to_string).collect();
        v.extend(self.visible_functions().iter().map(|f| f.name.to_string()));
        v.extend(self.aliases.keys().cloned());
        v.sort_by_key(|s| s.to_lowercase());
        v.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        v
    }

    fn parameters(&self, command: &str) -> Option<Vec<ParamInfo>> {
        let spec = match self.resolve_command(command)? {
            crate::engine::pipeline::Resolved::Cmdlet(spec, _) => (*spec).clone(),
            crate::engine::pipeline::Resolved::Function(f) => f.spec.clone(),
            crate::engine::pipeline::Resolved::Script(_) => return None,
        };
        let mut v: Vec<ParamInfo> = spec
            .params
            .iter()
            .map(|p| ParamInfo {
                name: p.name.clone(),
                accepted_values: p.accepted_values.clone(),
                is_switch: p.ty == crate::engine::command::ParamType::Switch,
            })
            .collect();
        for n in common_parameter_names(&spec) {
            let values = if n.ends_with("Action") {
                ["Continue", "Ignore", "Inquire", "SilentlyContinue", "Stop"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            } else {
                Vec::new()
            };
            v.push(ParamInfo {
                name: n.to_string(),
                accepted_values: values,
                is_switch: matches!(n, "Verbose" | "Debug" | "WhatIf" | "Confirm"),
            });
        }
        Some(v)
    }

    fn variable_names(&self) -> Vec<String> {
        self.visible_vars()
            .into_iter()
            .map(|v| v.name.to_string())
            .collect()
    }
}

/// Characters that end a word for completion.
fn is_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '{' | '}' | ';' | '|' | ',' | '=' | '[' | ']')
}

/// Splits the text before the cursor into the current pipeline segment's words.
fn segment_words(before: &str) -> Vec<String> {
    let mut start = 0;
    let mut depth_quote: Option<char> = None;
    for (i, c) in before.char_indices() {
        match (depth_quote, c) {
            (Some(q), c) if c == q => depth_quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => depth_quote = Some(c),
            (None, '|' | ';' | '(' | '{' | '}') => start = i + c.len_utf8(),
            _ => {}
        }
    }
    before[start..]
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn starts_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len()
        && s.is_char_boundary(prefix.len())
        && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Completes the word before `pos`: (start of the word, candidates).
pub fn complete(line: &str, pos: usize, src: &dyn CompletionSource) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    let pos = (0..=pos)
        .rev()
        .find(|p| line.is_char_boundary(*p))
        .unwrap_or(0);
    let before = &line[..pos];
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| is_break(*c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let word = &before[start..];
    let words = segment_words(before);
    let at_command =
        words.is_empty() || (words.len() == 1 && !before.ends_with(char::is_whitespace));
    // Variables.
    if let Some(prefix) = word.strip_prefix('$') {
        let mut v: Vec<String> = src
            .variable_names()
            .into_iter()
            .filter(|n| starts_ci(n, prefix))
            .map(|n| format!("${}", n))
            .collect();
        v.sort_by_key(|s| s.to_lowercase());
        v.dedup();
        return (start, v);
    }
    if at_command {
        let v: Vec<String> = src
            .command_names()
            .into_iter()
            .filter(|n| starts_ci(n, word))
            .collect();
        if !v.is_empty() || word.is_empty() {
            return (start, v);
        }
        return (start, paths(word, src));
    }
    let command = words.first().cloned().unwrap_or_default();
    // Parameter names.
    if let Some(prefix) = word.strip_prefix('-') {
        if let Some(params) = src.parameters(&command) {
            let v = params
                .into_iter()
                .filter(|p| starts_ci(&p.name, prefix))
                .map(|p| format!("-{}", p.name))
                .collect();
            return (start, v);
        }
        return (start, Vec::new());
    }
    // Accepted values of the parameter just before.
    let prev = if word.is_empty() {
        words.last()
    } else {
        words.len().checked_sub(2).and_then(|i| words.get(i))
    };
    if let Some(pname) = prev.and_then(|p| p.strip_prefix('-')) {
        if let Some(params) = src.parameters(&command) {
            let matching: Vec<&ParamInfo> = params
                .iter()
                .filter(|p| starts_ci(&p.name, pname))
                .collect();
            if let [p] = matching.as_slice() {
                if !p.accepted_values.is_empty() {
                    let v = p
                        .accepted_values
                        .iter()
                        .filter(|a| starts_ci(a, word))
                        .cloned()
                        .collect();
                    return (start, v);
                }
            }
        }
    }
    (start, paths(word, src))
}

/// File and directory names completing `word` (directories end with `/`).
fn paths(word: &str, src: &dyn CompletionSource) -> Vec<String> {
    let (dir_part, file_prefix) = match word.rfind(['/', '\\']) {
        Some(i) => (&word[..=i], &word[i + 1..]),
        None => ("", word),
    };
    let base = if dir_part.is_empty() {
        src.current_dir()
    } else if Path::new(dir_part).is_absolute() {
        Path::new(dir_part).to_path_buf()
    } else {
        src.current_dir().join(dir_part)
    };
    let Ok(rd) = std::fs::read_dir(&base) else {
        return Vec::new();
    };
    let mut v: Vec<String> = rd
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            if !starts_ci(&name, file_prefix)
                || (name.starts_with('.') && !file_prefix.starts_with('.'))
            {
                return None;
            }
            let dir = e.path().is_dir();
            let full = format!("{}{}{}", dir_part, name, if dir { "/" } else { "" });
            Some(if full.contains(' ') {
                format!("'{}'", full)
            } else {
                full
            })
        })
        .collect();
    v.sort_by_key(|s| s.to_lowercase());
    v
}

/// Whether the text typed so far needs more lines (open brace, quote, here-string,
/// trailing pipe or backtick).
pub fn needs_continuation(text: &str) -> bool {
    crate::lang::parser::is_incomplete(text)
}
