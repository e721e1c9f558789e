//! Generates the command registry from the manifests in `cmdlets/**/*.toml`.
//!
//! For each manifest `cmdlets/<family>/<Verb-Noun>.toml` this writes, into
//! `$OUT_DIR/registry_gen.rs`:
//! - `<VerbNoun>Args`, the typed argument struct its handler receives, with `FromBound`;
//! - a function building its `CommandSpec`;
//! - an entry in `COMMANDS` naming the handler `crate::cmdlets::<family>::<verb_noun>::<VerbNoun>`.
//!
//! A handler whose fields disagree with its manifest, or a manifest without a handler,
//! therefore does not compile. The schema is documented in `cmdlets/README.md`; a
//! malformed manifest stops the build with the file and the problem.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    name: String,
    #[serde(default)]
    module: String,
    synopsis: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    output_type: Vec<String>,
    #[serde(default)]
    supports_should_process: bool,
    #[serde(default)]
    default_parameter_set: Option<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    parameter: Vec<Parameter>,
    #[serde(default)]
    example: Vec<Example>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Parameter {
    name: String,
    #[serde(rename = "type")]
    ty: String,
    #[serde(default)]
    position: Option<u32>,
    #[serde(default)]
    mandatory: bool,
    #[serde(default)]
    pipeline: bool,
    #[serde(default)]
    pipeline_by_property_name: bool,
    #[serde(default)]
    not_null_or_empty: bool,
    /// ValueFromRemainingArguments.
    #[serde(default)]
    remaining: bool,
    #[serde(default)]
    aliases: Vec<String>,
    /// The sets this parameter belongs to, with the same position/mandatory in each.
    #[serde(default)]
    parameter_sets: Vec<String>,
    /// Per-set details when they differ between sets.
    #[serde(default)]
    set: Vec<SetEntry>,
    #[serde(default)]
    accepted_values: Vec<String>,
    #[serde(default)]
    help: String,
    #[serde(default)]
    default: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetEntry {
    name: String,
    #[serde(default)]
    position: Option<u32>,
    #[serde(default)]
    mandatory: bool,
    #[serde(default)]
    pipeline: Option<bool>,
    #[serde(default)]
    pipeline_by_property_name: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    title: String,
    code: String,
    #[serde(default)]
    output: Option<String>,
    #[serde(default)]
    remarks: String,
    #[serde(default)]
    lab: Option<String>,
}

const TYPES: &[&str] = &[
    "string",
    "string[]",
    "int",
    "int[]",
    "long",
    "double",
    "bool",
    "switch",
    "scriptblock",
    "scriptblock[]",
    "object",
    "object[]",
    "hashtable",
    "datetime",
    "timespan",
];

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// `InputObject` -> `input_object`, `CNotLike` -> `cnot_like`, `ForEach-Object` ->
/// `for_each_object`; Rust keywords get a trailing underscore (`match_`).
fn snake(name: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '-' || c == '_' || c == ' ' || c == '.' {
            out.push('_');
            prev_lower = false;
        } else if c.is_ascii_uppercase() {
            if prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            prev_lower = false;
        } else {
            out.push(c);
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        }
    }
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// `Get-ClusterGroup` -> `GetClusterGroup`, `cluster.exe` -> `ClusterExe`.
fn pascal(name: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if up {
                out.push(c.to_ascii_uppercase());
            } else {
                out.push(c);
            }
            up = false;
        } else {
            up = true;
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "views") {
                continue;
            }
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

fn lit(s: &str) -> String {
    format!("{:?}", s)
}

fn lits(v: &[String]) -> String {
    let items: Vec<String> = v
        .iter()
        .map(|s| format!("{}.to_string()", lit(s)))
        .collect();
    format!("vec![{}]", items.join(", "))
}

struct Loaded {
    family: String,
    m: Manifest,
}

fn check(path: &Path, m: &Manifest) -> Result<(), String> {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if stem != m.name {
        return Err(format!(
            "the file is named '{}' but declares '{}'",
            stem, m.name
        ));
    }
    let mut seen = BTreeSet::new();
    for p in &m.parameter {
        if !TYPES.contains(&p.ty.to_ascii_lowercase().as_str()) {
            return Err(format!(
                "parameter '{}' has unknown type '{}' (known: {})",
                p.name,
                p.ty,
                TYPES.join(", ")
            ));
        }
        if !seen.insert(p.name.to_ascii_lowercase()) {
            return Err(format!("parameter '{}' is declared twice", p.name));
        }
        if !p.parameter_sets.is_empty() && !p.set.is_empty() {
            return Err(format!(
                "parameter '{}' uses both parameter_sets and [[parameter.set]]",
                p.name
            ));
        }
    }
    Ok(())
}

/// The Rust field type and the extraction function for a manifest type.
fn field_type(ty: &str, required: bool) -> (&'static str, &'static str) {
    match (ty.to_ascii_lowercase().as_str(), required) {
        ("string", true) => ("String", "req_string"),
        ("string", false) => ("Option<String>", "opt_string"),
        ("string[]", _) => ("Vec<String>", "strings"),
        ("int", _) => ("Option<i32>", "opt_int"),
        ("int[]", _) => ("Vec<i32>", "ints"),
        ("long", _) => ("Option<i64>", "opt_long"),
        ("double", _) => ("Option<f64>", "opt_double"),
        ("bool", _) => ("Option<bool>", "opt_bool"),
        ("switch", _) => ("bool", "switch"),
        ("scriptblock", _) => ("Option<Rc<ScriptBlock>>", "opt_block"),
        ("scriptblock[]", _) => ("Vec<Rc<ScriptBlock>>", "blocks"),
        ("object[]", _) => ("Vec<Value>", "objects"),
        ("datetime", _) => ("Option<i64>", "opt_ticks"),
        ("timespan", _) => ("Option<i64>", "opt_ticks"),
        // object, hashtable
        _ => ("Option<Value>", "opt_object"),
    }
}

fn generate(all: &[Loaded]) -> String {
    let mut s = String::new();
    s.push_str("// @generated by build.rs from cmdlets/**/*.toml. Do not edit.\n\n");
    for l in all {
        let m = &l.m;
        let ty = pascal(&m.name);
        let _ = writeln!(
            s,
            "/// Typed arguments of `{}` (from its manifest).",
            m.name
        );
        let _ = writeln!(s, "#[derive(Clone, Debug, Default)]");
        let _ = writeln!(s, "pub struct {}Args {{", ty);
        for p in &m.parameter {
            // Mandatory in every set: a plain `String` (empty before pipeline input).
            let req = p.mandatory && p.set.is_empty() && p.parameter_sets.is_empty();
            let (rt, _) = field_type(&p.ty, req);
            if !p.help.is_empty() {
                let _ = writeln!(s, "    /// {}", p.help.replace('\n', " "));
            }
            let _ = writeln!(s, "    pub {}: {},", snake(&p.name), rt);
        }
        let _ = writeln!(s, "}}\n");
        let _ = writeln!(s, "impl FromBound for {}Args {{", ty);
        let _ = writeln!(
            s,
            "    fn from_bound(b: &Bound) -> Result<Self, ErrorRecord> {{"
        );
        // One pass over what was bound (a few values), each converted into its field;
        // the others keep the default, which is what `extract::*(None)` gives. This
        // runs once per pipeline object.
        if m.parameter.is_empty() {
            let _ = writeln!(s, "        let _ = b;");
            let _ = writeln!(s, "        Ok({}Args::default())\n    }}\n}}\n", ty);
        } else {
            let _ = writeln!(s, "        let mut a = {}Args::default();", ty);
            let _ = writeln!(s, "        for (k, v) in b.values.iter() {{");
            let _ = writeln!(s, "            match k.as_str() {{");
            for p in &m.parameter {
                // Mandatory in every set: a plain `String` (empty before pipeline input).
                let req = p.mandatory && p.set.is_empty() && p.parameter_sets.is_empty();
                let (_, f) = field_type(&p.ty, req);
                let _ = writeln!(
                    s,
                    "                {} => a.{} = extract::{}(Some(v))?,",
                    lit(&p.name),
                    snake(&p.name),
                    f
                );
            }
            let _ = writeln!(s, "                _ => {{}}");
            let _ = writeln!(s, "            }}");
            let _ = writeln!(s, "        }}");
            let _ = writeln!(s, "        Ok(a)\n    }}\n}}\n");
        }

        // The spec.
        let _ = writeln!(s, "fn spec_{}() -> CommandSpec {{", snake(&m.name));
        let _ = writeln!(s, "    CommandSpec {{");
        let _ = writeln!(s, "        name: {}.to_string(),", lit(&m.name));
        let _ = writeln!(s, "        aliases: {},", lits(&m.aliases));
        let module = if m.module.is_empty() {
            format!("exsh.{}", l.family)
        } else {
            m.module.clone()
        };
        let _ = writeln!(s, "        module: {}.to_string(),", lit(&module));
        let _ = writeln!(
            s,
            "        synopsis: {}.to_string(),",
            lit(m.synopsis.trim())
        );
        let _ = writeln!(
            s,
            "        description: {}.to_string(),",
            lit(m.description.trim())
        );
        let mut sets: Vec<String> = Vec::new();
        for p in &m.parameter {
            for n in p.parameter_sets.iter().chain(p.set.iter().map(|e| &e.name)) {
                if !sets.contains(n) {
                    sets.push(n.clone());
                }
            }
        }
        if let Some(d) = &m.default_parameter_set {
            if !sets.contains(d) {
                sets.push(d.clone());
            }
        }
        let _ = writeln!(s, "        params: vec![");
        for p in &m.parameter {
            let _ = writeln!(s, "            ParamSpec {{");
            let _ = writeln!(s, "                name: {}.to_string(),", lit(&p.name));
            let _ = writeln!(s, "                aliases: {},", lits(&p.aliases));
            let _ = writeln!(
                s,
                "                ty: ParamType::parse({}).unwrap_or(ParamType::Object),",
                lit(&p.ty)
            );
            let _ = writeln!(s, "                sets: vec![");
            let memberships: Vec<(String, Option<u32>, bool, bool, bool)> = if !p.set.is_empty() {
                p.set
                    .iter()
                    .map(|e| {
                        (
                            e.name.clone(),
                            e.position,
                            e.mandatory,
                            e.pipeline.unwrap_or(p.pipeline),
                            e.pipeline_by_property_name
                                .unwrap_or(p.pipeline_by_property_name),
                        )
                    })
                    .collect()
            } else if !p.parameter_sets.is_empty() {
                p.parameter_sets
                    .iter()
                    .map(|n| {
                        (
                            n.clone(),
                            p.position,
                            p.mandatory,
                            p.pipeline,
                            p.pipeline_by_property_name,
                        )
                    })
                    .collect()
            } else {
                vec![(
                    "__AllParameterSets".to_string(),
                    p.position,
                    p.mandatory,
                    p.pipeline,
                    p.pipeline_by_property_name,
                )]
            };
            for (name, pos, mand, pipe, by_name) in memberships {
                let _ = writeln!(
                    s,
                    "                    ParamSetMembership {{ set: {}.to_string(), mandatory: {}, position: {:?}, from_pipeline: {}, from_pipeline_by_name: {} }},",
                    lit(&name), mand, pos, pipe, by_name
                );
            }
            let _ = writeln!(s, "                ],");
            let _ = writeln!(
                s,
                "                accepted_values: {},",
                lits(&p.accepted_values)
            );
            let _ = writeln!(
                s,
                "                not_null_or_empty: {},",
                p.not_null_or_empty
            );
            let _ = writeln!(s, "                remaining: {},", p.remaining);
            let _ = writeln!(
                s,
                "                help: {}.to_string(),",
                lit(p.help.trim())
            );
            let _ = writeln!(
                s,
                "                default_doc: {},",
                match &p.default {
                    Some(d) => format!("Some({}.to_string())", lit(d)),
                    None => "None".to_string(),
                }
            );
            let _ = writeln!(s, "            }},");
        }
        let _ = writeln!(s, "        ],");
        let _ = writeln!(s, "        sets: {},", lits(&sets));
        let _ = writeln!(
            s,
            "        default_set: {},",
            match &m.default_parameter_set {
                Some(d) => format!("Some({}.to_string())", lit(d)),
                None => "None".to_string(),
            }
        );
        let _ = writeln!(s, "        examples: vec![");
        for e in &m.example {
            let _ = writeln!(
                s,
                "            Example {{ title: {}.to_string(), code: {}.to_string(), output: {}, remarks: {}.to_string(), lab: {} }},",
                lit(&e.title),
                lit(e.code.trim_end()),
                match &e.output {
                    Some(o) => format!("Some({}.to_string())", lit(o)),
                    None => "None".to_string(),
                },
                lit(e.remarks.trim()),
                match &e.lab {
                    Some(o) => format!("Some({}.to_string())", lit(o)),
                    None => "None".to_string(),
                }
            );
        }
        let _ = writeln!(s, "        ],");
        let _ = writeln!(s, "        output_type: {},", lits(&m.output_type));
        let _ = writeln!(
            s,
            "        supports_should_process: {},",
            m.supports_should_process
        );
        let _ = writeln!(s, "        cmdlet_binding: true,");
        let _ = writeln!(s, "        notes: {}.to_string(),", lit(m.notes.trim()));
        let _ = writeln!(s, "    }}\n}}\n");
    }

    let _ = writeln!(
        s,
        "/// Every built-in command: name, aliases, spec builder, handler factory."
    );
    let _ = writeln!(s, "pub static COMMANDS: &[BuiltinCommand] = &[");
    for l in all {
        let m = &l.m;
        let alias_list: Vec<String> = m.aliases.iter().map(|a| lit(a)).collect();
        let _ = writeln!(
            s,
            "    BuiltinCommand {{ name: {}, aliases: &[{}], family: {}, spec: spec_{}, factory: || Box::new(Adapter::<crate::cmdlets::{}::{}::{}>::default()) }},",
            lit(&m.name),
            alias_list.join(", "),
            lit(&l.family),
            snake(&m.name),
            l.family,
            snake(&m.name),
            pascal(&m.name)
        );
    }
    let _ = writeln!(s, "];");
    s
}

fn main() {
    println!("cargo:rerun-if-changed=cmdlets");
    println!("cargo:rerun-if-changed=build.rs");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut paths = Vec::new();
    files(&root.join("cmdlets"), &mut paths);
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for p in &paths {
        let rel = p.strip_prefix(&root).unwrap_or(p).display().to_string();
        let family = p
            .parent()
            .and_then(|d| d.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or("core")
            .to_string();
        let text = match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{}: {}", rel, e));
                continue;
            }
        };
        match toml::from_str::<Manifest>(&text) {
            Ok(m) => match check(p, &m) {
                Ok(()) => all.push(Loaded { family, m }),
                Err(e) => errors.push(format!("{}: {}", rel, e)),
            },
            Err(e) => errors.push(format!("{}: {}", rel, e)),
        }
    }
    let mut names = BTreeSet::new();
    for l in &all {
        if !names.insert(l.m.name.to_ascii_lowercase()) {
            errors.push(format!("command '{}' is declared twice", l.m.name));
        }
    }
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo:warning=manifest error: {}", e);
        }
        // Failing the build is the point: a bad manifest must not ship.
        std::process::exit(1);
    }
    all.sort_by(|a, b| a.m.name.cmp(&b.m.name));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    // The views files, embedded.
    let mut views: Vec<PathBuf> = std::fs::read_dir(root.join("cmdlets").join("views"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    views.sort();
    let mut vs = String::from("pub static VIEW_SOURCES: &[(&str, &str)] = &[\n");
    for v in &views {
        let rel = v.strip_prefix(&root).unwrap_or(v).display().to_string();
        let _ = writeln!(
            vs,
            "    ({:?}, include_str!({:?})),",
            rel,
            v.display().to_string()
        );
    }
    vs.push_str("];\n");
    if let Err(e) = std::fs::write(out.join("views_gen.rs"), vs) {
        println!("cargo:warning=cannot write views_gen.rs: {}", e);
        std::process::exit(1);
    }
    let code = generate(&all);
    if let Err(e) = std::fs::write(out.join("registry_gen.rs"), code) {
        println!("cargo:warning=cannot write registry_gen.rs: {}", e);
        std::process::exit(1);
    }
}
