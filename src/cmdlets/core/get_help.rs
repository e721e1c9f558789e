//! Get-Help: a command's help from its manifest (or a function's param block), in
//! PowerShell's layout; a wildcard lists the matching commands.

use std::rc::Rc;

use crate::engine::command::{Cmdlet, CommandSpec, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::help::{self, HelpView};
use crate::engine::ops;
use crate::engine::registry::GetHelpArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetHelp;

const GENERAL: &str = "
TOPIC
    exsh help

SHORT DESCRIPTION
    exsh is a PowerShell-style shell for rehearsing cluster and Exchange work on a
    simulated failover cluster.

LONG DESCRIPTION
    Get-Help NAME shows the help of a command; Get-Help NAME -Examples its examples;
    Get-Help NAME -Full every parameter. Get-Command lists the commands
    (Get-Command -Verb Get, Get-Command *Cluster*). Tab completes command names,
    parameters and their accepted values.";

/// A command's spec by name or alias: cmdlets, then functions.
fn find(cx: &Cx, name: &str) -> Option<Rc<CommandSpec>> {
    let mut target = name.to_string();
    for _ in 0..8 {
        match cx.interp.aliases.get(&target.to_lowercase()) {
            Some(t) if !t.eq_ignore_ascii_case(&target) => target = t.clone(),
            _ => break,
        }
    }
    if let Some(f) = cx.interp.find_function(&target.to_lowercase()) {
        let mut spec = f.spec.clone();
        spec.name = f.name.to_string();
        if spec.synopsis.is_empty() {
            spec.synopsis = help::syntax(&spec).join("\n");
        }
        return Some(Rc::new(spec));
    }
    if let Some(spec) = cx.interp.registry.lookup(&target).map(|(s, _)| s) {
        return Some(spec);
    }
    script_help(&target)
}

/// A script file's help: its comment-based help block and its param block.
fn script_help(path: &str) -> Option<Rc<CommandSpec>> {
    let looks_like_path =
        path.contains('/') || path.contains('\\') || path.to_ascii_lowercase().ends_with(".ps1");
    if !looks_like_path {
        return None;
    }
    let file = path.replace('\\', "/");
    let src = std::fs::read_to_string(&file).ok()?;
    let params = crate::lang::parser::parse_script(&src)
        .ok()
        .and_then(|ast| ast.params);
    let mut spec = crate::engine::binder::spec_from_param_block(path, params.as_ref());
    crate::engine::comment_help::apply(&src, &mut spec);
    if spec.synopsis.is_empty() {
        spec.synopsis = help::syntax(&spec).join("\n");
    }
    Some(Rc::new(spec))
}

impl Cmdlet for GetHelp {
    type Args = GetHelpArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(name) = a.name.clone().filter(|n| !n.is_empty()) else {
            return cx.write(Value::str(GENERAL.trim_start_matches('\n')));
        };
        if name.contains('*') || name.contains('?') {
            let re = ops::wildcard_regex(&name, false).map_err(|e| cx.fail(e))?;
            for spec in cx.interp.registry.clone().all_specs() {
                if re.is_match(&spec.name) {
                    let mut o = PsObject::with_type("HelpInfoShort");
                    o.set("Name", Value::string(spec.name.clone()));
                    o.set("Category", Value::str("Cmdlet"));
                    o.set("Module", Value::string(spec.module.clone()));
                    o.set("Synopsis", Value::string(spec.synopsis.clone()));
                    cx.write(Value::object(o))?;
                }
            }
            return Ok(());
        }
        let Some(spec) = find(cx, &name) else {
            let e = ErrorRecord::new(
                format!(
                    "Get-Help could not find {} in a help file in this session.",
                    name
                ),
                "HelpNotFound",
                ErrorCategory::ResourceUnavailable,
            )
            .with_target(Value::string(name));
            return Err(cx.fail(e));
        };
        if let Some(pat) = &a.parameter {
            let re = ops::wildcard_regex(pat, false).map_err(|e| cx.fail(e))?;
            let mut text = String::new();
            for p in spec.params.iter().filter(|p| re.is_match(&p.name)) {
                text.push_str(&help::parameter_block(p));
                text.push('\n');
            }
            if text.is_empty() {
                let e = ErrorRecord::new(
                    format!("No parameter matches criteria {}.", pat),
                    "NoParmsFound",
                    ErrorCategory::InvalidArgument,
                );
                return Err(cx.fail(e));
            }
            return cx.write(Value::string(
                text.trim_end_matches('\n').to_string() + "\n",
            ));
        }
        let view = if a.examples {
            HelpView::Examples
        } else if a.full {
            HelpView::Full
        } else if a.detailed {
            HelpView::Detailed
        } else {
            HelpView::Default
        };
        let text = help::render(&spec, view);
        cx.write(Value::string(text.trim_end_matches('\n').to_string()))
    }
}
