//! Get-Command: the session's cmdlets, functions and aliases as CommandInfo objects, or
//! (-Syntax) their syntax lines.

use std::rc::Rc;

use crate::engine::command::{Cmdlet, CommandSpec, Cx};
use crate::engine::error::{ErrorRecord, FlowResult};
use crate::engine::help;
use crate::engine::ops;
use crate::engine::registry::GetCommandArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetCommand;

/// One command as Get-Command sees it.
struct Entry {
    kind: &'static str,
    name: String,
    source: String,
    /// The spec (for an alias, its target's).
    spec: Option<Rc<CommandSpec>>,
    definition: String,
}

fn matches_any(patterns: &[String], text: &str) -> Result<bool, ErrorRecord> {
    if patterns.is_empty() {
        return Ok(true);
    }
    for p in patterns {
        if ops::wildcard_regex(p, false)?.is_match(text) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn entries(cx: &Cx) -> Vec<Entry> {
    let mut v = Vec::new();
    let reg = cx.interp.registry.clone();
    for spec in reg.all_specs() {
        v.push(Entry {
            kind: "Cmdlet",
            name: spec.name.clone(),
            source: spec.module.clone(),
            definition: help::syntax(&spec).join("\n"),
            spec: Some(spec),
        });
    }
    for f in cx.interp.visible_functions() {
        let spec = Rc::new(f.spec.clone());
        v.push(Entry {
            kind: if f.is_filter { "Filter" } else { "Function" },
            name: f.name.to_string(),
            source: String::new(),
            definition: f.block.text.trim().to_string(),
            spec: Some(spec),
        });
    }
    let mut aliases: Vec<(String, String)> = cx
        .interp
        .aliases
        .iter()
        .map(|(k, t)| (k.clone(), t.clone()))
        .collect();
    aliases.sort();
    for (name, target) in aliases {
        let spec = reg.lookup(&target).map(|(s, _)| s);
        v.push(Entry {
            kind: "Alias",
            name: format!("{} -> {}", name, target),
            source: spec.as_ref().map(|s| s.module.clone()).unwrap_or_default(),
            definition: target,
            spec,
        });
    }
    v
}

impl Cmdlet for GetCommand {
    type Args = GetCommandArgs;
    fn end(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let types: Vec<String> = a
            .command_type
            .iter()
            .map(|t| t.to_ascii_lowercase())
            .collect();
        let mut count = 0;
        let mut found_for: Vec<bool> = vec![false; a.name.len()];
        for e in entries(cx) {
            let plain = e.name.split(" -> ").next().unwrap_or(&e.name).to_string();
            if !types.is_empty()
                && !types
                    .iter()
                    .any(|t| t == "all" || t.eq_ignore_ascii_case(e.kind))
            {
                continue;
            }
            if a.name.is_empty()
                && types.is_empty()
                && e.kind == "Alias"
                && (!a.verb.is_empty() || !a.noun.is_empty())
            {
                continue;
            }
            let mut hit = a.name.is_empty();
            for (i, p) in a.name.iter().enumerate() {
                if ops::wildcard_regex(p, false)
                    .map_err(|e| cx.fail(e))?
                    .is_match(&plain)
                {
                    hit = true;
                    found_for[i] = true;
                }
            }
            if !hit {
                continue;
            }
            let (verb, noun) = plain.split_once('-').unwrap_or(("", &plain));
            if !a.verb.is_empty()
                && (e.kind == "Alias" || !matches_any(&a.verb, verb).map_err(|e| cx.fail(e))?)
            {
                continue;
            }
            if !a.noun.is_empty()
                && (e.kind == "Alias" || !matches_any(&a.noun, noun).map_err(|e| cx.fail(e))?)
            {
                continue;
            }
            if !matches_any(&a.module, &e.source).map_err(|e| cx.fail(e))? {
                continue;
            }
            if let Some(max) = a.total_count {
                if count >= max {
                    break;
                }
            }
            count += 1;
            if a.syntax {
                let text = match (e.kind, &e.spec) {
                    ("Alias", _) => format!("{} (alias) -> {}", plain, e.definition),
                    (_, Some(spec)) => {
                        let mut s = String::from("\n");
                        for line in help::syntax(spec) {
                            s.push_str(&line);
                            s.push_str("\n\n");
                        }
                        s.pop();
                        s
                    }
                    _ => e.definition.clone(),
                };
                cx.write(Value::string(text))?;
                continue;
            }
            let type_name = match e.kind {
                "Cmdlet" => "System.Management.Automation.CmdletInfo",
                "Alias" => "System.Management.Automation.AliasInfo",
                "Filter" => "System.Management.Automation.FilterInfo",
                _ => "System.Management.Automation.FunctionInfo",
            };
            let mut o = PsObject::with_type(type_name);
            o.type_names
                .push(Rc::from("System.Management.Automation.CommandInfo"));
            o.set("CommandType", Value::str(e.kind));
            o.set("Name", Value::string(plain.clone()));
            // What tables show: `gcm -> Get-Command` for an alias.
            o.set("DisplayName", Value::string(e.name.clone()));
            o.set("Version", Value::str(""));
            o.set("Source", Value::string(e.source.clone()));
            o.set(
                "Verb",
                Value::string(if e.kind == "Alias" {
                    String::new()
                } else {
                    verb.to_string()
                }),
            );
            o.set(
                "Noun",
                Value::string(if e.kind == "Alias" {
                    String::new()
                } else {
                    noun.to_string()
                }),
            );
            o.set("ModuleName", Value::string(e.source.clone()));
            o.set("Definition", Value::string(e.definition.clone()));
            o.set("__ToString", Value::string(plain));
            cx.write(Value::object(o))?;
        }
        for (i, p) in a.name.iter().enumerate() {
            let wild = p.contains('*') || p.contains('?') || p.contains('[');
            if !found_for[i] && !wild {
                let mut e = crate::engine::pipeline::not_recognized(p);
                e.command = None;
                cx.write_error(e)?;
            }
        }
        Ok(())
    }

    fn process(&mut self, _a: &Self::Args, _cx: &mut Cx) -> FlowResult<()> {
        Ok(())
    }
}
