//! Comment-based help (about_Comment_Based_Help): the `<# .SYNOPSIS ... #>` block at the
//! top of a script (or of a function's body) feeds Get-Help as a manifest does.

use crate::engine::command::{CommandSpec, Example};

/// The help block's text, if the source starts with one (blank lines and `#` comments
/// may come first) or ends with one.
fn block(src: &str) -> Option<&str> {
    let trimmed = src.trim_start_matches('\u{feff}');
    let mut rest = trimmed.trim_start();
    // Single-line comments before the block (`# LAB: e2k3`) are skipped.
    while rest.starts_with('#') && !rest.starts_with("<#") {
        rest = rest
            .split_once('\n')
            .map(|(_, r)| r)
            .unwrap_or("")
            .trim_start();
    }
    if let Some(body) = rest.strip_prefix("<#") {
        let end = body.find("#>")?;
        let text = &body[..end];
        if text.trim_start().starts_with('.') {
            return Some(text);
        }
    }
    let end = trimmed.trim_end();
    let body = end.strip_suffix("#>")?;
    let start = body.rfind("<#")?;
    let text = &body[start + 2..];
    text.trim_start().starts_with('.').then_some(text)
}

/// Removes the common indentation of a section's lines and trims blank edges.
fn dedent(lines: &[&str]) -> String {
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let out: Vec<String> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or("").trim_end().to_string())
        .collect();
    out.join("\n").trim_matches('\n').to_string()
}

/// Fills `spec` from the help block of `src`; false when there is none.
pub fn apply(src: &str, spec: &mut CommandSpec) -> bool {
    let Some(text) = block(src) else {
        return false;
    };
    let mut sections: Vec<(String, String, Vec<&str>)> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if let Some(kw) = t.strip_prefix('.') {
            let (k, arg) = kw.split_once(char::is_whitespace).unwrap_or((kw, ""));
            if k.chars().all(|c| c.is_ascii_alphabetic()) && !k.is_empty() {
                sections.push((k.to_ascii_uppercase(), arg.trim().to_string(), Vec::new()));
                continue;
            }
        }
        if let Some(s) = sections.last_mut() {
            s.2.push(line);
        }
    }
    for (k, arg, lines) in sections {
        let body = dedent(&lines);
        match k.as_str() {
            "SYNOPSIS" => spec.synopsis = body.split_whitespace().collect::<Vec<_>>().join(" "),
            "DESCRIPTION" => spec.description = body,
            "NOTES" => spec.notes = body,
            "PARAMETER" => {
                if let Some(p) = spec
                    .params
                    .iter_mut()
                    .find(|p| p.name.eq_ignore_ascii_case(&arg))
                {
                    p.help = body.split_whitespace().collect::<Vec<_>>().join(" ");
                }
            }
            "EXAMPLE" => {
                let mut parts = body.splitn(2, '\n');
                let code = parts
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches("PS> ")
                    .to_string();
                let remarks = parts.next().unwrap_or("").trim().to_string();
                spec.examples.push(Example {
                    title: format!("Example {}", spec.examples.len() + 1),
                    code,
                    output: None,
                    remarks,
                    lab: None,
                });
            }
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sections_after_leading_comments() {
        let src = "# LAB: e2k3\n<#\n.SYNOPSIS\n    Does a\n    thing.\n\n.DESCRIPTION\n    Line one.\n      indented\n.EXAMPLE\n    PS> ./x.ps1\n    Runs it.\n#>\nparam()\n";
        let mut spec = CommandSpec::default();
        assert!(apply(src, &mut spec));
        assert_eq!(spec.synopsis, "Does a thing.");
        assert_eq!(spec.description, "Line one.\n  indented");
        assert_eq!(spec.examples[0].code, "./x.ps1");
        assert_eq!(spec.examples[0].remarks, "Runs it.");
    }

    #[test]
    fn no_block_no_help() {
        let mut spec = CommandSpec::default();
        assert!(!apply("Get-Date\n", &mut spec));
        assert!(!apply("<# just a comment #>\n", &mut spec));
    }
}
