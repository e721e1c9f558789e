//! Help text from a command's spec: the syntax lines (`Get-Command -Syntax`), the
//! `Get-Help` views (default, -Examples, -Full, -Parameter) and the Markdown reference
//! page under `docs/cmdlets/`. The layouts follow PowerShell's help.

use std::fmt::Write as _;

use crate::engine::binder::common_parameter_names;
use crate::engine::command::{CommandSpec, ParamSetMembership, ParamSpec, ParamType, ALL_SETS};

/// The parameter sets to show, default first; one (unnamed) set when there are none.
fn sets(spec: &CommandSpec) -> Vec<String> {
    let mut v = if spec.sets.is_empty() {
        vec![ALL_SETS.to_string()]
    } else {
        spec.sets.clone()
    };
    if let Some(d) = &spec.default_set {
        if let Some(i) = v.iter().position(|s| s == d) {
            let d = v.remove(i);
            v.insert(0, d);
        }
    }
    v
}

fn membership<'a>(p: &'a ParamSpec, set: &str) -> Option<&'a ParamSetMembership> {
    p.sets
        .iter()
        .find(|m| m.set == set)
        .or_else(|| p.sets.iter().find(|m| m.set == ALL_SETS))
}

fn syntax_for_set(spec: &CommandSpec, set: &str) -> String {
    let mut params: Vec<(&ParamSpec, &ParamSetMembership)> = spec
        .params
        .iter()
        .filter_map(|p| membership(p, set).map(|m| (p, m)))
        .collect();
    // Positional parameters by position, then mandatory named ones, then the rest.
    params.sort_by_key(|(_, m)| match m.position {
        Some(pos) => (0, pos),
        None if m.mandatory => (1, 0),
        None => (2, 0),
    });
    let mut out = spec.name.clone();
    for (p, m) in params {
        let piece = if p.ty == ParamType::Switch {
            format!("-{}", p.name)
        } else {
            let ty = format!("<{}>", p.ty.syntax_name());
            let name = if m.position.is_some() {
                format!("[-{}]", p.name)
            } else {
                format!("-{}", p.name)
            };
            format!("{} {}", name, ty)
        };
        out.push(' ');
        if m.mandatory {
            out.push_str(&piece);
        } else {
            let _ = write!(out, "[{}]", piece);
        }
    }
    if spec.supports_should_process {
        out.push_str(" [-WhatIf] [-Confirm]");
    }
    if spec.cmdlet_binding {
        out.push_str(" [<CommonParameters>]");
    }
    out
}

/// One syntax line per parameter set, as `Get-Command -Syntax` prints them.
pub fn syntax(spec: &CommandSpec) -> Vec<String> {
    sets(spec).iter().map(|s| syntax_for_set(spec, s)).collect()
}

/// How help renders: which sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpView {
    Default,
    Detailed,
    Full,
    Examples,
}

fn indent(text: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    text.lines()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                format!("{}{}", pad, l)
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn pipeline_text(p: &ParamSpec) -> String {
    let by_value = p.sets.iter().any(|m| m.from_pipeline);
    let by_name = p.sets.iter().any(|m| m.from_pipeline_by_name);
    match (by_value, by_name) {
        (true, true) => "True (ByValue, ByPropertyName)".into(),
        (true, false) => "True (ByValue)".into(),
        (false, true) => "True (ByPropertyName)".into(),
        (false, false) => "False".into(),
    }
}

/// The block `Get-Help -Parameter` and `-Full` print for one parameter.
pub fn parameter_block(p: &ParamSpec) -> String {
    let mut s = String::new();
    let ty = if p.ty == ParamType::Switch {
        String::new()
    } else {
        format!(" <{}>", p.ty.display())
    };
    let _ = writeln!(s, "    -{}{}", p.name, ty);
    if !p.help.is_empty() {
        let _ = writeln!(s, "{}", indent(&p.help, 8));
    }
    if !p.accepted_values.is_empty() {
        let _ = writeln!(
            s,
            "        Accepted values: {}",
            p.accepted_values.join(", ")
        );
    }
    s.push('\n');
    let required = p.sets.iter().any(|m| m.mandatory);
    let positions: Vec<String> = {
        let mut v: Vec<String> = p
            .sets
            .iter()
            .map(|m| {
                m.position
                    .map(|x| x.to_string())
                    .unwrap_or_else(|| "Named".into())
            })
            .collect();
        v.dedup();
        v
    };
    let _ = writeln!(
        s,
        "        Required?                    {}",
        required.to_string().to_lowercase()
    );
    let _ = writeln!(
        s,
        "        Position?                    {}",
        positions.join(", ")
    );
    let _ = writeln!(
        s,
        "        Default value                {}",
        p.default_doc.as_deref().unwrap_or("None")
    );
    let _ = writeln!(
        s,
        "        Accept pipeline input?       {}",
        pipeline_text(p)
    );
    let _ = writeln!(s, "        Accept wildcard characters?  false");
    if !p.aliases.is_empty() {
        let _ = writeln!(
            s,
            "        Aliases                      {}",
            p.aliases.join(", ")
        );
    }
    s
}

fn examples(spec: &CommandSpec) -> String {
    let mut s = String::new();
    for (i, e) in spec.examples.iter().enumerate() {
        let _ = writeln!(s, "    --------- Example {}: {} ---------", i + 1, e.title);
        s.push('\n');
        for (k, line) in e.code.lines().enumerate() {
            if k == 0 {
                let _ = writeln!(s, "    PS> {}", line);
            } else {
                let _ = writeln!(s, "    >> {}", line);
            }
        }
        if let Some(out) = &e.output {
            let body = out.trim_matches('\n');
            if !body.is_empty() {
                s.push('\n');
                let _ = writeln!(s, "{}", indent(body, 4));
            }
        }
        if !e.remarks.is_empty() {
            s.push('\n');
            let _ = writeln!(s, "{}", indent(&e.remarks, 4));
        }
        s.push('\n');
    }
    s
}

/// The text `Get-Help NAME` prints.
pub fn render(spec: &CommandSpec, view: HelpView) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "\nNAME\n    {}\n", spec.name);
    let _ = writeln!(s, "SYNOPSIS\n{}\n", indent(&spec.synopsis, 4));
    if view == HelpView::Examples {
        s.push('\n');
        s.push_str(&examples(spec));
        return s;
    }
    s.push('\n');
    let _ = writeln!(s, "SYNTAX");
    for line in syntax(spec) {
        let _ = writeln!(s, "    {}\n", line);
    }
    s.push('\n');
    if !spec.description.is_empty() {
        let _ = writeln!(s, "DESCRIPTION\n{}\n\n", indent(&spec.description, 4));
    }
    if matches!(view, HelpView::Full | HelpView::Detailed) {
        let _ = writeln!(s, "PARAMETERS");
        for p in &spec.params {
            s.push_str(&parameter_block(p));
            s.push('\n');
        }
        if spec.cmdlet_binding {
            let _ = writeln!(s, "    <CommonParameters>");
            let _ = writeln!(s, "        This cmdlet supports the common parameters: {}. For more information, see about_CommonParameters.\n", common_parameter_names(spec).join(", "));
        }
        if view == HelpView::Full && !spec.output_type.is_empty() {
            let _ = writeln!(s, "OUTPUTS");
            for o in &spec.output_type {
                let _ = writeln!(s, "    {}\n", o);
            }
        }
        if !spec.notes.is_empty() {
            let _ = writeln!(s, "NOTES\n{}\n", indent(&spec.notes, 4));
        }
        if !spec.examples.is_empty() {
            let _ = writeln!(s, "EXAMPLES");
            s.push_str(&examples(spec));
        }
    }
    if !spec.aliases.is_empty() {
        let _ = writeln!(s, "ALIASES\n    {}\n\n", spec.aliases.join(", "));
    }
    if view == HelpView::Default {
        let _ = writeln!(s, "REMARKS");
        if !spec.examples.is_empty() {
            let _ = writeln!(
                s,
                "    To see the examples, type: \"Get-Help {} -Examples\"",
                spec.name
            );
        }
        let _ = writeln!(
            s,
            "    For more information, type: \"Get-Help {} -Detailed\"",
            spec.name
        );
        let _ = writeln!(
            s,
            "    For technical information, type: \"Get-Help {} -Full\"",
            spec.name
        );
    }
    s
}

/// The Markdown reference page of a command (`docs/cmdlets/NAME.md`).
pub fn markdown(spec: &CommandSpec) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "<!-- Generated from cmdlets/ manifests by `EXSH_BLESS=1 cargo test --test docs`. Do not edit. -->");
    let _ = writeln!(s, "# {}\n", spec.name);
    let _ = writeln!(s, "{}\n", spec.synopsis);
    if !spec.module.is_empty() {
        let _ = writeln!(s, "Module: `{}`\n", spec.module);
    }
    let _ = writeln!(s, "## Syntax\n\n```");
    for line in syntax(spec) {
        let _ = writeln!(s, "{}", line);
    }
    let _ = writeln!(s, "```\n");
    if !spec.description.is_empty() {
        let _ = writeln!(s, "## Description\n\n{}\n", spec.description);
    }
    if !spec.aliases.is_empty() {
        let _ = writeln!(
            s,
            "Aliases: {}\n",
            spec.aliases
                .iter()
                .map(|a| format!("`{}`", a))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !spec.params.is_empty() {
        let _ = writeln!(s, "## Parameters\n");
        for p in &spec.params {
            let _ = writeln!(s, "### -{} `<{}>`\n", p.name, p.ty.display());
            if !p.help.is_empty() {
                let _ = writeln!(s, "{}\n", p.help);
            }
            let sets: Vec<String> = p
                .sets
                .iter()
                .map(|m| {
                    let set = if m.set == ALL_SETS {
                        "(all)"
                    } else {
                        m.set.as_str()
                    };
                    format!(
                        "{}: {}{}",
                        set,
                        if m.mandatory { "mandatory" } else { "optional" },
                        m.position
                            .map(|x| format!(", position {}", x))
                            .unwrap_or_default()
                    )
                })
                .collect();
            let _ = writeln!(s, "- Sets: {}", sets.join("; "));
            let _ = writeln!(s, "- Pipeline input: {}", pipeline_text(p));
            if !p.aliases.is_empty() {
                let _ = writeln!(s, "- Aliases: {}", p.aliases.join(", "));
            }
            if !p.accepted_values.is_empty() {
                let _ = writeln!(s, "- Accepted values: {}", p.accepted_values.join(", "));
            }
            if let Some(d) = &p.default_doc {
                let _ = writeln!(s, "- Default: {}", d);
            }
            s.push('\n');
        }
    }
    if spec.supports_should_process {
        let _ = writeln!(s, "Supports `-WhatIf` and `-Confirm`.\n");
    }
    if !spec.output_type.is_empty() {
        let _ = writeln!(s, "## Outputs\n\n{}\n", spec.output_type.join(", "));
    }
    if !spec.examples.is_empty() {
        let _ = writeln!(s, "## Examples\n");
        for (i, e) in spec.examples.iter().enumerate() {
            let _ = writeln!(s, "### Example {}: {}\n", i + 1, e.title);
            let _ = writeln!(s, "```powershell\n{}\n```\n", e.code);
            if let Some(o) = &e.output {
                if !o.trim().is_empty() {
                    let _ = writeln!(s, "```\n{}\n```\n", o.trim_matches('\n'));
                }
            }
            if !e.remarks.is_empty() {
                let _ = writeln!(s, "{}\n", e.remarks);
            }
        }
    }
    if !spec.notes.is_empty() {
        let _ = writeln!(s, "## Notes\n\n{}\n", spec.notes);
    }
    s
}
