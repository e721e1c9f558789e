//! Default display views, declared in `cmdlets/views/*.toml` (schema in
//! `cmdlets/views/README.md`) and embedded at build time.

use std::rc::Rc;

use serde::Deserialize;

use crate::format::display::Align;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Table,
    List,
}

#[derive(Clone, Debug)]
pub struct ViewColumn {
    pub label: String,
    pub property: String,
    pub width: Option<usize>,
    pub align: Option<Align>,
}

/// How objects of one type are displayed by default.
#[derive(Clone, Debug)]
pub struct View {
    pub type_name: String,
    pub kind: ViewKind,
    pub columns: Vec<ViewColumn>,
    /// A property whose value heads each group (`   TypeName: System.String`).
    pub group_by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default)]
    view: Vec<ViewDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ViewDef {
    #[serde(rename = "type")]
    type_name: String,
    kind: String,
    #[serde(default)]
    group_by: Option<String>,
    #[serde(default)]
    column: Vec<ColumnDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnDef {
    label: String,
    #[serde(default)]
    property: Option<String>,
    #[serde(default)]
    width: Option<usize>,
    #[serde(default)]
    align: Option<String>,
}

mod generated {
    include!(concat!(env!("OUT_DIR"), "/views_gen.rs"));
}

/// Parses one views file; the error names the file and the problem.
pub fn parse(file: &str, text: &str) -> Result<Vec<View>, String> {
    let def: FileDef = toml::from_str(text).map_err(|e| format!("{}: {}", file, e))?;
    let mut out = Vec::new();
    for v in def.view {
        let kind = match v.kind.to_ascii_lowercase().as_str() {
            "table" => ViewKind::Table,
            "list" => ViewKind::List,
            other => {
                return Err(format!(
                    "{}: view of {}: unknown kind '{}' (table or list)",
                    file, v.type_name, other
                ))
            }
        };
        let mut columns = Vec::new();
        for c in v.column {
            let align = match c.align.as_deref().map(str::to_ascii_lowercase).as_deref() {
                None => None,
                Some("left") => Some(Align::Left),
                Some("right") => Some(Align::Right),
                Some(other) => {
                    return Err(format!(
                        "{}: column {}: unknown align '{}'",
                        file, c.label, other
                    ))
                }
            };
            columns.push(ViewColumn {
                property: c.property.unwrap_or_else(|| c.label.clone()),
                label: c.label,
                width: c.width,
                align,
            });
        }
        out.push(View {
            type_name: v.type_name,
            kind,
            columns,
            group_by: v.group_by,
        });
    }
    Ok(out)
}

/// Every built-in view, parsed once per thread. The files are checked by a test, so a
/// bad one is skipped here rather than stopping the shell.
pub fn builtin_views() -> Rc<Vec<View>> {
    thread_local! {
        static VIEWS: std::cell::OnceCell<Rc<Vec<View>>> = const { std::cell::OnceCell::new() };
    }
    VIEWS.with(|cell| {
        cell.get_or_init(|| {
            let mut all = Vec::new();
            for (file, text) in generated::VIEW_SOURCES {
                if let Ok(v) = parse(file, text) {
                    all.extend(v);
                }
            }
            Rc::new(all)
        })
        .clone()
    })
}

/// Parse errors of the built-in views files (for the test).
pub fn builtin_errors() -> Vec<String> {
    generated::VIEW_SOURCES
        .iter()
        .filter_map(|(f, t)| parse(f, t).err())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_views_parse() {
        assert!(
            super::builtin_errors().is_empty(),
            "{:?}",
            super::builtin_errors()
        );
    }
}
