//! Out-Default: how objects at the end of a pipeline become text, as PowerShell 7 prints
//! them.
//!
//! - Scalars print one per line (`ToString()` in the invariant culture).
//! - Objects print through the view declared for their first type name in
//!   `cmdlets/views/*.toml`; without one, as a table when they have at most four
//!   properties and as a list otherwise.
//! - Dictionaries print as a `Name`/`Value` table.
//! - Consecutive objects of the same type share one table, whose column widths come from
//!   the rows (so rows are buffered until something else must be printed). A scalar in
//!   the middle prints in order and the table goes on without a new header; an object of
//!   another type while a table is open prints as a list, as PowerShell does.
//! - A table starts with a blank line and ends with one; each list entry is followed by
//!   a blank line and the list starts with one.
//!
//! [`render_table`] and [`render_list`] are the two renderers; Format-Table, Format-List
//! and Out-String use them too.

use std::rc::Rc;

use unicode_width::UnicodeWidthStr;

use crate::engine::value::{PsObject, Value};
use crate::format::views::{View, ViewKind};

/// The type name of the text Format-Table / Format-List produce: Out-Default and
/// Out-String print it as it is.
pub const FORMATTED: &str = "exsh.FormattedText";

/// How many elements of a collection a cell shows before `…` ($FormatEnumerationLimit).
pub const ENUMERATION_LIMIT: usize = 4;

/// Console width used when the output is not a terminal.
pub const DEFAULT_WIDTH: usize = 120;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: its header and alignment, and a fixed width if the view gives one.
#[derive(Clone, Debug)]
pub struct Column {
    pub label: String,
    pub align: Align,
    pub width: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct TableOptions {
    pub hide_headers: bool,
    /// The console width: a row longer than this is cut with `…`.
    pub width: usize,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            hide_headers: false,
            width: DEFAULT_WIDTH,
        }
    }
}

fn text_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to `width` columns, ending with `…` when something was cut.
fn fit(s: &str, width: usize) -> String {
    if text_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = UnicodeWidthStr::width(c.encode_utf8(&mut [0; 4]) as &str);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn pad(s: &str, width: usize, align: Align) -> String {
    let w = text_width(s);
    if w >= width {
        return s.to_string();
    }
    match align {
        Align::Left => format!("{}{}", s, " ".repeat(width - w)),
        Align::Right => format!("{}{}", " ".repeat(width - w), s),
    }
}

/// Column widths: the fixed width, else the widest of header and cells.
pub fn column_widths(columns: &[Column], rows: &[Vec<String>], hide_headers: bool) -> Vec<usize> {
    columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.width.unwrap_or_else(|| {
                let head = if hide_headers {
                    0
                } else {
                    text_width(&c.label)
                };
                rows.iter()
                    .filter_map(|r| r.get(i))
                    .map(|s| text_width(s))
                    .max()
                    .unwrap_or(0)
                    .max(head)
                    .max(1)
            })
        })
        .collect()
}

fn join_row(cells: Vec<String>, width: usize) -> String {
    let line = cells.join(" ");
    let line = line.trim_end().to_string();
    fit(&line, width)
}

/// The header and underline of a table (no blank lines).
pub fn table_header(columns: &[Column], widths: &[usize], opts: &TableOptions) -> String {
    let head: Vec<String> = columns
        .iter()
        .zip(widths)
        .map(|(c, w)| pad(&fit(&c.label, *w), *w, c.align))
        .collect();
    let dashes: Vec<String> = columns
        .iter()
        .zip(widths)
        .map(|(c, w)| {
            let n = text_width(&c.label).min(*w);
            pad(&"-".repeat(n), *w, c.align)
        })
        .collect();
    format!(
        "{}\n{}\n",
        join_row(head, opts.width),
        join_row(dashes, opts.width)
    )
}

/// The rows of a table with the given widths (no header, no blank lines).
pub fn table_rows(
    columns: &[Column],
    widths: &[usize],
    rows: &[Vec<String>],
    opts: &TableOptions,
) -> String {
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = columns
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (c, w))| {
                let cell = r.get(i).map(String::as_str).unwrap_or("");
                pad(&fit(cell, *w), *w, c.align)
            })
            .collect();
        out.push_str(&join_row(cells, opts.width));
        out.push('\n');
    }
    out
}

/// A whole table: header (unless hidden), underline and rows, without the blank lines
/// around it.
pub fn render_table(columns: &[Column], rows: &[Vec<String>], opts: &TableOptions) -> String {
    let widths = column_widths(columns, rows, opts.hide_headers);
    let mut s = String::new();
    if !opts.hide_headers {
        s.push_str(&table_header(columns, &widths, opts));
    }
    s.push_str(&table_rows(columns, &widths, rows, opts));
    s
}

/// List entries: `Name : Value` with names padded to the longest, one blank line after
/// each entry (the caller adds the blank line before the first).
pub fn render_list(entries: &[Vec<(String, String)>]) -> String {
    let mut s = String::new();
    for e in entries {
        let w = e.iter().map(|(k, _)| text_width(k)).max().unwrap_or(0);
        for (k, v) in e {
            let mut lines = v.lines();
            let first = lines.next().unwrap_or("");
            let line = format!("{} : {}", pad(k, w, Align::Left), first);
            s.push_str(line.trim_end());
            s.push('\n');
            for more in lines {
                s.push_str(&" ".repeat(w + 3));
                s.push_str(more.trim_end());
                s.push('\n');
            }
        }
        s.push('\n');
    }
    s
}

/// The text of one value in a table cell or list entry.
pub fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Array(a) => {
            let a = a.borrow();
            let mut parts: Vec<String> = a
                .iter()
                .take(ENUMERATION_LIMIT)
                .map(|x| x.to_display_string())
                .collect();
            if a.len() > ENUMERATION_LIMIT {
                if let Some(last) = parts.last_mut() {
                    last.push('…');
                }
            }
            format!("{{{}}}", parts.join(", "))
        }
        Value::Str(s) => s.to_string(),
        other => other.to_display_string(),
    }
}

/// Whether a value right-aligns in a table (numbers do).
pub fn is_numeric(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Long(_) | Value::Double(_))
}

/// The properties shown by default (hidden `__` ones left out).
pub fn visible_properties(o: &PsObject) -> Vec<(String, Value)> {
    o.iter()
        .filter(|(k, _)| !k.starts_with("__"))
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// The type key objects are grouped by, and the object.
fn object_key(v: &Value) -> Option<String> {
    match v {
        // Select-String's results display as their line, as PowerShell's view does.
        Value::Object(o) if o.borrow().type_name() == "Microsoft.PowerShell.Commands.MatchInfo" => {
            None
        }
        Value::Object(o) => Some(o.borrow().type_name().to_string()),
        Value::Hashtable(_) => Some("System.Collections.Hashtable".into()),
        _ => None,
    }
}

/// A property by name (case-insensitive) of an object or dictionary.
pub fn property(v: &Value, name: &str) -> Value {
    match v {
        Value::Object(o) => o.borrow().get(name).cloned().unwrap_or(Value::Null),
        Value::Hashtable(h) => h.borrow().get_str(name).cloned().unwrap_or(Value::Null),
        _ => Value::Null,
    }
}

/// Is this the text Format-Table/Format-List made?
pub fn formatted_text(v: &Value) -> Option<String> {
    if let Value::Object(o) = v {
        let o = o.borrow();
        if o.type_name() == FORMATTED {
            return o.get("__ToString").map(|t| t.to_display_string());
        }
    }
    None
}

/// Wraps rendered text so Out-Default and Out-String print it unchanged.
pub fn formatted(text: String) -> Value {
    let mut o = PsObject::with_type(FORMATTED);
    o.set("__ToString", Value::string(text));
    Value::object(o)
}

enum State {
    Idle,
    /// A table is open: its type, columns, the property behind each column, and the
    /// rows not printed yet. `widths` is set once the header has been printed.
    Table {
        key: String,
        columns: Vec<Column>,
        props: Vec<String>,
        dictionary: bool,
        rows: Vec<Vec<String>>,
        widths: Option<Vec<usize>>,
        /// The view's group-by property and the current group's value.
        group: Option<(String, String)>,
    },
    /// Objects are printing as list entries.
    List {
        key: String,
    },
}

/// The Out-Default state machine.
pub struct Formatter {
    /// Read on first use (see `Formatter::builtin`): a script that prints no object
    /// never parses the views.
    views: std::cell::OnceCell<Rc<Vec<View>>>,
    state: State,
    pub width: usize,
}

impl Formatter {
    pub fn new(views: Rc<Vec<View>>) -> Formatter {
        Formatter {
            views: std::cell::OnceCell::from(views),
            state: State::Idle,
            width: DEFAULT_WIDTH,
        }
    }

    /// A formatter with the built-in views, read when first needed.
    pub fn builtin() -> Formatter {
        Formatter {
            views: std::cell::OnceCell::new(),
            state: State::Idle,
            width: DEFAULT_WIDTH,
        }
    }

    /// A fresh formatter with the same views (Out-String, Out-File).
    pub fn fresh(&self) -> Formatter {
        Formatter {
            views: self.views.clone(),
            state: State::Idle,
            width: DEFAULT_WIDTH,
        }
    }

    fn views(&self) -> &[View] {
        self.views
            .get_or_init(crate::format::views::builtin_views)
            .as_slice()
    }

    /// The view for an object: the first of its type names (most specific first) that
    /// has one.
    fn view_for(&self, v: &Value) -> Option<&View> {
        let Value::Object(o) = v else { return None };
        let o = o.borrow();
        o.type_names.iter().find_map(|t| {
            self.views()
                .iter()
                .find(|view| t.eq_ignore_ascii_case(&view.type_name))
        })
    }

    /// What objects sharing a table have in common: the view they display through, else
    /// their type.
    fn key_of(&self, v: &Value) -> Option<String> {
        let key = object_key(v)?;
        Some(match self.view_for(v) {
            Some(view) => format!("view:{}", view.type_name),
            None => key,
        })
    }

    /// The columns Format-Table shows without -Property: the table view's, else every
    /// property. Each is (label, property, alignment if the view fixes it, width).
    pub fn table_columns(&self, v: &Value) -> Vec<(String, String, Option<Align>, Option<usize>)> {
        if let Some(view) = self.view_for(v) {
            if view.kind == ViewKind::Table {
                return view
                    .columns
                    .iter()
                    .map(|c| (c.label.clone(), c.property.clone(), c.align, c.width))
                    .collect();
            }
        }
        match v {
            Value::Object(o) => visible_properties(&o.borrow())
                .into_iter()
                .map(|(k, _)| (k.clone(), k, None, None))
                .collect(),
            Value::Hashtable(_) => vec![
                ("Name".into(), "Name".into(), None, Some(30)),
                ("Value".into(), "Value".into(), None, None),
            ],
            _ => Vec::new(),
        }
    }

    /// The entries Format-List shows without -Property: the list view's, else every
    /// property.
    pub fn list_properties(&self, v: &Value) -> Vec<(String, String)> {
        if let Some(view) = self.view_for(v) {
            if view.kind == ViewKind::List {
                return view
                    .columns
                    .iter()
                    .map(|c| (c.label.clone(), c.property.clone()))
                    .collect();
            }
        }
        match v {
            Value::Object(o) => visible_properties(&o.borrow())
                .into_iter()
                .map(|(k, _)| (k.clone(), k))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn opts(&self) -> TableOptions {
        TableOptions {
            hide_headers: false,
            width: self.width,
        }
    }

    /// Prints the buffered rows of an open table (with the header the first time).
    fn drain_rows(&mut self) -> String {
        let opts = self.opts();
        let State::Table {
            columns,
            rows,
            widths,
            ..
        } = &mut self.state
        else {
            return String::new();
        };
        let mut out = String::new();
        if widths.is_none() {
            if rows.is_empty() {
                return out;
            }
            let w = column_widths(columns, rows, false);
            out.push('\n');
            out.push_str(&table_header(columns, &w, &opts));
            *widths = Some(w);
        }
        if let Some(w) = widths {
            out.push_str(&table_rows(columns, w, rows, &opts));
        }
        rows.clear();
        out
    }

    /// Ends whatever is open: prints pending rows and the closing blank line.
    pub fn finish(&mut self) -> String {
        let mut out = self.drain_rows();
        if let State::Table {
            widths: Some(_), ..
        } = &self.state
        {
            out.push('\n');
        }
        self.state = State::Idle;
        out
    }

    /// Prints what is pending without closing the table (before console or error text,
    /// so output stays in order).
    pub fn flush(&mut self) -> String {
        self.drain_rows()
    }

    fn list_entry(&self, v: &Value) -> Vec<(String, String)> {
        if let Some(view) = self.view_for(v) {
            if view.kind == ViewKind::List {
                return view
                    .columns
                    .iter()
                    .map(|c| (c.label.clone(), cell_text(&property(v, &c.property))))
                    .collect();
            }
        }
        match v {
            Value::Object(o) => visible_properties(&o.borrow())
                .into_iter()
                .map(|(k, val)| (k, cell_text(&val)))
                .collect(),
            Value::Hashtable(h) => h
                .borrow()
                .iter()
                .map(|(k, val)| (k.to_display_string(), cell_text(val)))
                .collect(),
            other => vec![(String::new(), other.to_display_string())],
        }
    }

    fn rows_of(v: &Value, props: &[String], dictionary: bool) -> Vec<Vec<String>> {
        if dictionary {
            if let Value::Hashtable(h) = v {
                return h
                    .borrow()
                    .iter()
                    .map(|(k, val)| vec![k.to_display_string(), cell_text(val)])
                    .collect();
            }
        }
        vec![props.iter().map(|p| cell_text(&property(v, p))).collect()]
    }

    /// Starts the format for a new object: a table or a list.
    fn start(&mut self, v: &Value, key: String) -> String {
        let mut out = String::new();
        if let Value::Hashtable(h) = v {
            let columns = vec![
                Column {
                    label: "Name".into(),
                    align: Align::Left,
                    width: Some(30),
                },
                Column {
                    label: "Value".into(),
                    align: Align::Left,
                    width: None,
                },
            ];
            let _ = h;
            let rows = Self::rows_of(v, &[], true);
            self.state = State::Table {
                key,
                columns,
                props: Vec::new(),
                dictionary: true,
                rows,
                widths: None,
                group: None,
            };
            return out;
        }
        let view = self.view_for(v).cloned();
        let (columns, props): (Vec<Column>, Vec<String>) = match &view {
            Some(view) if view.kind == ViewKind::List => {
                out.push('\n');
                out.push_str(&render_list(&[self.list_entry(v)]));
                self.state = State::List { key };
                return out;
            }
            Some(view) => {
                let cols: Vec<Column> = view
                    .columns
                    .iter()
                    .map(|c| Column {
                        label: c.label.clone(),
                        align: c.align.unwrap_or_else(|| {
                            if is_numeric(&property(v, &c.property)) {
                                Align::Right
                            } else {
                                Align::Left
                            }
                        }),
                        width: c.width,
                    })
                    .collect();
                let props = view.columns.iter().map(|c| c.property.clone()).collect();
                (cols, props)
            }
            None => {
                let Value::Object(o) = v else { return out };
                let props = visible_properties(&o.borrow());
                if props.len() > 4 || props.is_empty() {
                    out.push('\n');
                    out.push_str(&render_list(&[self.list_entry(v)]));
                    self.state = State::List { key };
                    return out;
                }
                let cols = props
                    .iter()
                    .map(|(k, val)| Column {
                        label: k.clone(),
                        align: if is_numeric(val) {
                            Align::Right
                        } else {
                            Align::Left
                        },
                        width: None,
                    })
                    .collect();
                (cols, props.into_iter().map(|(k, _)| k).collect())
            }
        };
        let rows = Self::rows_of(v, &props, false);
        let group = view
            .as_ref()
            .and_then(|view| view.group_by.clone())
            .map(|g| {
                let value = cell_text(&property(v, &g));
                out.push_str(&format!("\n   {}: {}\n", g, value));
                (g, value)
            });
        self.state = State::Table {
            key,
            columns,
            props,
            dictionary: false,
            rows,
            widths: None,
            group,
        };
        out
    }

    /// Formats one object; returns the text that can be printed now.
    pub fn push(&mut self, v: &Value) -> String {
        if let Some(text) = formatted_text(v) {
            let mut out = self.finish();
            out.push_str(&text);
            return out;
        }
        let Some(key) = self.key_of(v) else {
            // A scalar: in order, without closing an open table.
            if v.is_null() {
                return String::new();
            }
            let mut out = self.drain_rows();
            if matches!(self.state, State::List { .. }) {
                self.state = State::Idle;
            }
            out.push_str(&v.to_display_string());
            out.push('\n');
            return out;
        };
        match &mut self.state {
            State::Table {
                key: k,
                props,
                dictionary,
                rows,
                group,
                ..
            } => {
                let same_group = group
                    .as_ref()
                    .is_none_or(|(g, value)| cell_text(&property(v, g)) == *value);
                if *k == key && !same_group {
                    let mut out = self.finish();
                    out.push_str(&self.start(v, key));
                    out
                } else if *k == key {
                    let new = Self::rows_of(v, props, *dictionary);
                    rows.extend(new);
                    String::new()
                } else {
                    // Another type while a table is open prints as a list entry.
                    let mut out = self.drain_rows();
                    out.push_str(&render_list(&[self.list_entry(v)]));
                    out
                }
            }
            State::List { key: k } => {
                if *k == key {
                    render_list(&[self.list_entry(v)])
                } else {
                    self.state = State::Idle;
                    self.start(v, key)
                }
            }
            State::Idle => self.start(v, key),
        }
    }
}

/// The text Out-File, redirection and Out-String write for a list of objects: the same
/// as the console shows.
pub fn format_for_file(items: &[Value], f: &Formatter) -> String {
    let mut fm = f.fresh();
    let mut out = String::new();
    for v in items {
        out.push_str(&fm.push(v));
    }
    out.push_str(&fm.finish());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(props: &[(&str, Value)]) -> Value {
        let mut o = PsObject::new();
        for (k, v) in props {
            o.set(k, v.clone());
        }
        Value::object(o)
    }

    fn run(items: &[Value]) -> String {
        let f = Formatter::new(Rc::new(Vec::new()));
        format_for_file(items, &f)
    }

    #[test]
    fn small_objects_make_one_table_with_right_aligned_numbers() {
        let a = obj(&[("Name", Value::str("web01")), ("Port", Value::Int(80))]);
        let b = obj(&[("Name", Value::str("db")), ("Port", Value::Int(5432))]);
        assert_eq!(
            run(&[a, b]),
            "\nName  Port\n----  ----\nweb01   80\ndb    5432\n\n"
        );
    }

    #[test]
    fn five_properties_make_a_list() {
        let a = obj(&[
            ("A", Value::Int(1)),
            ("Bb", Value::Int(2)),
            ("C", Value::Int(3)),
            ("D", Value::Int(4)),
            ("E", Value::Int(5)),
        ]);
        assert_eq!(run(&[a]), "\nA  : 1\nBb : 2\nC  : 3\nD  : 4\nE  : 5\n\n");
    }

    #[test]
    fn a_scalar_inside_a_table_keeps_order_and_the_header() {
        let a = obj(&[("A", Value::Int(1))]);
        let b = obj(&[("A", Value::Int(2))]);
        assert_eq!(run(&[a, Value::str("text"), b]), "\nA\n-\n1\ntext\n2\n\n");
    }

    #[test]
    fn cells_show_four_elements_then_an_ellipsis() {
        let v = Value::array((1..=6).map(Value::Int).collect());
        assert_eq!(cell_text(&v), "{1, 2, 3, 4…}");
    }

    #[test]
    fn right_aligned_column_wider_than_header() {
        let cols = vec![Column {
            label: "Id".into(),
            align: Align::Right,
            width: None,
        }];
        let rows = vec![vec!["12345".to_string()]];
        assert_eq!(
            render_table(&cols, &rows, &TableOptions::default()),
            "   Id\n   --\n12345\n"
        );
    }
}
