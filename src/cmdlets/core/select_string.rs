//! Select-String: lines of the pipeline or of files that match patterns, as MatchInfo.

use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::members::match_object;
use crate::engine::registry::SelectStringArgs;
use crate::engine::value::{PsObject, Value};

pub const MATCH_INFO: &str = "Microsoft.PowerShell.Commands.MatchInfo";

#[derive(Default)]
pub struct SelectString {
    regexes: Vec<regex::Regex>,
    line_number: usize,
    matched: bool,
    started: bool,
}

impl SelectString {
    fn compile(&mut self, a: &SelectStringArgs) -> Result<(), ErrorRecord> {
        for p in &a.pattern {
            let src = if a.simple_match {
                regex::escape(p)
            } else {
                p.clone()
            };
            let re = regex::RegexBuilder::new(&src)
                .case_insensitive(!a.case_sensitive)
                .build()
                .map_err(|e| {
                    ErrorRecord::new(
                        format!(
                            "The string '{}' is not a valid regular expression: {}",
                            p, e
                        ),
                        "InvalidRegex",
                        ErrorCategory::InvalidArgument,
                    )
                })?;
            self.regexes.push(re);
        }
        Ok(())
    }

    /// The MatchInfo for a line, if it is selected.
    fn check(
        &mut self,
        a: &SelectStringArgs,
        line: &str,
        number: usize,
        file: Option<&str>,
    ) -> Option<Value> {
        let hit = self.regexes.iter().find(|r| r.is_match(line));
        let selected = hit.is_some() != a.not_match;
        if !selected {
            return None;
        }
        self.matched = true;
        let mut matches = Vec::new();
        if let Some(re) = hit {
            if a.all_matches {
                for c in re.captures_iter(line) {
                    if let Some(m) = c.get(0) {
                        matches.push(match_object(&m, Some(&c)));
                    }
                }
            } else if let Some(c) = re.captures(line) {
                if let Some(m) = c.get(0) {
                    matches.push(match_object(&m, Some(&c)));
                }
            }
        }
        let pattern = hit
            .map(|r| r.as_str().to_string())
            .unwrap_or_else(|| a.pattern.first().cloned().unwrap_or_default());
        let mut o = PsObject::with_type(MATCH_INFO);
        o.set("IgnoreCase", Value::Bool(!a.case_sensitive));
        o.set("LineNumber", Value::from(number));
        o.set("Line", Value::string(line.to_string()));
        let (name, path, text) = match file {
            Some(p) => {
                let name = std::path::Path::new(p)
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_else(|| p.to_string());
                (name, p.to_string(), format!("{}:{}:{}", p, number, line))
            }
            None => ("InputStream".into(), "InputStream".into(), line.to_string()),
        };
        o.set("Filename", Value::string(name));
        o.set("Path", Value::string(path));
        o.set("Pattern", Value::string(pattern));
        o.set("Matches", Value::array(matches));
        o.set("__ToString", Value::string(text));
        Some(Value::object(o))
    }

    fn emit(
        &mut self,
        a: &SelectStringArgs,
        cx: &mut Cx,
        info: Value,
        line: &str,
    ) -> FlowResult<()> {
        if a.quiet {
            return Ok(());
        }
        if a.raw {
            return cx.write(Value::string(line.to_string()));
        }
        cx.write(info)
    }
}

impl Cmdlet for SelectString {
    type Args = SelectStringArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if !self.started {
            self.started = true;
            self.compile(a).map_err(|e| cx.fail(e))?;
        }
        if !a.path.is_empty() {
            if cx.input.is_some() {
                return Ok(());
            }
            for p in &a.path {
                let text = match std::fs::read_to_string(p.replace('\\', "/")) {
                    Ok(t) => t,
                    Err(_) => {
                        let e = ErrorRecord::new(
                            format!("Cannot find path '{}' because it does not exist.", p),
                            "PathNotFound",
                            ErrorCategory::ObjectNotFound,
                        );
                        cx.write_error(e)?;
                        continue;
                    }
                };
                for (i, line) in text.lines().enumerate() {
                    if let Some(info) = self.check(a, line, i + 1, Some(p)) {
                        self.emit(a, cx, info, line)?;
                        if a.list {
                            break;
                        }
                    }
                }
            }
            return Ok(());
        }
        let input = cx.input.clone().or_else(|| a.input_object.clone());
        let Some(v) = input else {
            return Ok(());
        };
        let items = match &v {
            Value::Array(arr) if cx.input.is_none() => arr.borrow().clone(),
            other => vec![other.clone()],
        };
        for item in items {
            let line = item.to_display_string();
            self.line_number += 1;
            let n = self.line_number;
            if let Some(info) = self.check(a, &line, n, None) {
                self.emit(a, cx, info, &line)?;
            }
        }
        Ok(())
    }

    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        if a.quiet {
            cx.write(Value::Bool(self.matched))?;
        }
        Ok(())
    }
}
