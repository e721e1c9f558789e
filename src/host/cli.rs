//! The command line: `exsh` (REPL), `exsh FILE [args]`, `-File`, `-Command`/`-c`
//! (`-` reads stdin), `-NoProfile`, `-NonInteractive`, `-NoLogo`, `--version`, `--help`.

use std::io::{IsTerminal, Read};

use crate::engine::interp::{Host, Interp};

/// The console host: stdout and stderr of the process.
pub struct ConsoleHost {
    color: bool,
    interactive: bool,
}

impl ConsoleHost {
    pub fn new(interactive: bool) -> ConsoleHost {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        ConsoleHost { color, interactive }
    }
}

impl Host for ConsoleHost {
    fn out(&mut self, text: &str) {
        use std::io::Write;
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(text.as_bytes());
        let _ = o.flush();
    }
    fn err(&mut self, text: &str) {
        use std::io::Write;
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(text.as_bytes());
    }
    fn read_line(&mut self, prompt: &str) -> Option<String> {
        if !self.interactive {
            return None;
        }
        self.out(prompt);
        let mut s = String::new();
        match std::io::stdin().read_line(&mut s) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(s.trim_end_matches(['\n', '\r']).to_string()),
        }
    }
    fn color(&self) -> bool {
        self.color
    }
}

pub const USAGE: &str =
    "Usage: exsh [--lab NAME|FILE] [--seed N] [-NoProfile] [-NonInteractive] [-NoLogo] [FILE [ARGS...]]
       exsh [--lab NAME|FILE] FILE -WhatIf                  (the runbook on a copy of the lab)
       exsh [--lab NAME|FILE] FILE --report OUT.html|.md|.json [--transcript OUT.txt]
       exsh [-NoProfile] -File FILE [ARGS...]
       exsh [-NoProfile] -Command TEXT | -c TEXT | -Command -
       exsh test [PATH...] [-Tag T] [-ExcludeTag T] [-FullNameFilter P] [--junit FILE] [--jobs N] [--shard K/N]
       exsh --version | --help

With no FILE or -Command, exsh starts the interactive shell. A script whose first lines
say `# LAB: NAME` runs on that lab unless --lab is given.
";

#[derive(Default, Debug, PartialEq, Eq)]
pub struct Options {
    /// `--lab NAME|FILE`: the lab to start on (default `ccr`).
    pub lab: Option<String>,
    pub no_profile: bool,
    pub non_interactive: bool,
    pub no_logo: bool,
    pub file: Option<String>,
    pub command: Option<String>,
    pub args: Vec<String>,
    pub version: bool,
    pub help: bool,
    /// `FILE -WhatIf`: run the runbook on a copy of the lab and report what it would do.
    pub what_if: bool,
    /// `--report FILE`: write a report of the run (.html, .md or .json).
    pub report: Option<String>,
    /// `--transcript FILE`: record the session as Start-Transcript does.
    pub transcript: Option<String>,
    /// `--seed N`: overrides the lab's seed.
    pub seed: Option<u64>,
}

/// Takes exsh's own options out of a script's arguments: `-WhatIf`, `--report F`,
/// `--transcript F`, `--seed N`.
fn runbook_options(o: &mut Options) -> Result<(), String> {
    let mut rest = Vec::new();
    let mut it = std::mem::take(&mut o.args).into_iter();
    while let Some(a) = it.next() {
        match a.to_ascii_lowercase().as_str() {
            "-whatif" | "-whatif:$true" => o.what_if = true,
            "--report" => o.report = Some(it.next().ok_or("Missing the argument for --report.")?),
            "--transcript" => {
                o.transcript = Some(it.next().ok_or("Missing the argument for --transcript.")?)
            }
            "--seed" => o.seed = Some(seed(it.next())?),
            _ => rest.push(a),
        }
    }
    o.args = rest;
    Ok(())
}

fn seed(v: Option<String>) -> Result<u64, String> {
    let v = v.ok_or("Missing the argument for --seed.")?;
    v.parse::<u64>()
        .map_err(|_| format!("--seed takes a whole number, not '{}'.", v))
}

/// Parses the command line (options are case-insensitive and may be abbreviated, as
/// pwsh allows for -c / -nop / -noni).
pub fn parse_args(args: Vec<String>) -> Result<Options, String> {
    let mut o = Options::default();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let l = a.to_ascii_lowercase();
        match l.as_str() {
            "--version" | "-version" | "-v" => o.version = true,
            "--help" | "-help" | "-h" | "-?" | "/?" => o.help = true,
            "-noprofile" | "-nop" => o.no_profile = true,
            "--lab" | "-lab" => {
                o.lab = Some(it.next().ok_or("Missing the argument for --lab.")?);
            }
            "--report" => o.report = Some(it.next().ok_or("Missing the argument for --report.")?),
            "--transcript" => {
                o.transcript = Some(it.next().ok_or("Missing the argument for --transcript.")?)
            }
            "--seed" => o.seed = Some(seed(it.next())?),
            "-noninteractive" | "-noni" => o.non_interactive = true,
            "-nologo" | "-nol" => o.no_logo = true,
            "-file" | "-f" => {
                o.file = Some(it.next().ok_or("Missing the argument for -File.")?);
                o.args = it.by_ref().collect();
                runbook_options(&mut o)?;
            }
            "-command" | "-c" => {
                let rest: Vec<String> = it.by_ref().collect();
                if rest.is_empty() {
                    return Err("Missing the argument for -Command.".into());
                }
                o.command = Some(rest.join(" "));
            }
            _ if l.starts_with('-') && o.file.is_none() => {
                return Err(format!("Unknown option: {}\n{}", a, USAGE))
            }
            _ => {
                o.file = Some(a);
                o.args = it.by_ref().collect();
                runbook_options(&mut o)?;
            }
        }
    }
    Ok(o)
}

/// The lab to start on: a built-in name, a lab file, or the default `ccr`.
pub fn load_lab(spec: Option<&str>) -> Result<crate::model::World, String> {
    use crate::model::labs;
    match spec {
        None => labs::builtin(labs::DEFAULT),
        Some(s) if labs::names().iter().any(|n| n.eq_ignore_ascii_case(s)) => labs::builtin(s),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read lab file '{}': {}", path, e))?;
            labs::from_json(&text).map_err(|e| format!("cannot load lab file '{}': {}", path, e))
        }
    }
}

pub fn main(args: Vec<String>) -> i32 {
    // `exsh test [PATH...]`: the regression runner.
    if args.first().is_some_and(|a| a.eq_ignore_ascii_case("test")) {
        return crate::testing::main(&args[1..]);
    }
    let opts = match parse_args(args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{}", e);
            return 64;
        }
    };
    if opts.version {
        println!("exsh {}", env!("CARGO_PKG_VERSION"));
        return 0;
    }
    if opts.help {
        print!("{}", USAGE);
        return 0;
    }
    let interactive = opts.file.is_none() && opts.command.is_none() && !opts.non_interactive;
    let mut interp = Interp::new(Box::new(ConsoleHost::new(
        interactive && std::io::stdin().is_terminal(),
    )));
    interp.interactive = interactive;
    // A runbook names its lab (`# LAB: e2k3`); --lab overrides it.
    let script_text = opts
        .file
        .as_ref()
        .and_then(|f| std::fs::read_to_string(f).ok());
    let lab = opts.lab.clone().or_else(|| {
        script_text
            .as_deref()
            .and_then(crate::host::runbook::declared_lab)
    });
    let mut world = match load_lab(lab.as_deref()) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("exsh: {}", e);
            return 1;
        }
    };
    if let Some(seed) = opts.seed {
        world.seed = seed;
    }
    crate::cmdlets::lab::util::install(&mut interp, world);
    if !opts.no_profile {
        crate::host::profile::run_profile(&mut interp);
    }
    if let Some(cmd) = opts.command {
        let text = if cmd == "-" {
            let mut s = String::new();
            let _ = std::io::stdin().read_to_string(&mut s);
            s
        } else {
            cmd
        };
        return crate::host::session::run_command(&mut interp, &text);
    }
    if let Some(file) = opts.file.clone() {
        if opts.what_if || opts.report.is_some() || opts.transcript.is_some() {
            return run_runbook(&mut interp, &file, &opts);
        }
        return crate::host::session::run_file(&mut interp, &file, &opts.args);
    }
    crate::host::repl::run(&mut interp, opts.no_logo)
}

/// `exsh FILE -WhatIf`, `--report`, `--transcript`: a recorded run of a runbook.
fn run_runbook(interp: &mut Interp, file: &str, opts: &Options) -> i32 {
    use crate::host::runbook;
    let start = interp.now();
    if let Some(t) = &opts.transcript {
        interp.transcript = Some(crate::engine::interp::Transcript {
            path: t.clone(),
            text: runbook::transcript_header(start),
        });
    }
    let r = if opts.what_if {
        let r = runbook::what_if(interp, file, &opts.args);
        interp.console(&crate::host::report::what_if_text(&r));
        r
    } else {
        runbook::run_recorded(interp, file, &opts.args, false)
    };
    let mut code = r.exit_code;
    if let Some(mut t) = interp.transcript.take() {
        t.text.push_str(&runbook::transcript_footer(interp.now()));
        if let Err(e) = write_atomic(&t.path, &t.text) {
            eprintln!("exsh: {}", e);
            code = code.max(1);
        }
    }
    if let Some(path) = &opts.report {
        match crate::host::report::render(&r, path) {
            Ok(text) => {
                if let Err(e) = write_atomic(path, &text) {
                    eprintln!("exsh: {}", e);
                    code = code.max(1);
                }
            }
            Err(e) => {
                eprintln!("exsh: {}", e);
                code = code.max(1);
            }
        }
    }
    code
}

/// Writes a file whole or not at all (a temporary file, then a rename).
pub fn write_atomic(path: &str, text: &str) -> Result<(), String> {
    let tmp = format!("{}.tmp{}", path, std::process::id());
    std::fs::write(&tmp, text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("cannot write '{}': {}", path, e)
        })
}
