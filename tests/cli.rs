//! Command-line process tests: exit codes, stdout/stderr, `-Command -` from stdin,
//! `--version`, `--help`, bad options, and a non-interactive run never waiting for input.

use std::io::Write;
use std::process::{Command, Stdio};

fn exsh() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_exsh"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = exsh()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn exsh");
    if let Some(mut i) = child.stdin.take() {
        let _ = i.write_all(stdin.as_bytes());
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn script(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("exsh-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write script");
    p.display().to_string()
}

#[test]
fn command_prints_and_exits_zero() {
    let (code, out, err) = run(&["-NoProfile", "-Command", "1 + 2; 'x' * 3"], "");
    assert_eq!(code, 0, "{}", err);
    assert_eq!(out, "3\nxxx\n");
}

#[test]
fn short_c_and_joined_words() {
    let (code, out, _) = run(&["-NoProfile", "-c", "'a'", "+", "'b'"], "");
    assert_eq!(code, 0);
    assert_eq!(out, "ab\n");
}

#[test]
fn command_from_stdin() {
    let (code, out, _) = run(&["-NoProfile", "-Command", "-"], "$x = 5\n$x * 2\n");
    assert_eq!(code, 0);
    assert_eq!(out, "10\n");
}

#[test]
fn exit_code_from_exit_statement() {
    let p = script("exit7.ps1", "'before'\nexit 7\n'after'\n");
    let (code, out, _) = run(&["-NoProfile", &p], "");
    assert_eq!(code, 7);
    assert_eq!(out, "before\n");
}

#[test]
fn uncaught_throw_exits_one_with_concise_error() {
    let p = script("throw.ps1", "'start'\nthrow 'deployment halted'\n'never'\n");
    let (code, out, err) = run(&["-NoProfile", "-File", &p], "");
    assert_eq!(code, 1);
    assert_eq!(out, "start\n");
    assert!(err.contains("deployment halted"), "{}", err);
    assert!(err.contains("Line |"), "{}", err);
    assert!(err.contains("~~~~"), "{}", err);
}

#[test]
fn parse_error_exits_one_and_names_the_place() {
    let p = script("parse.ps1", "if ($true) {\n  'x'\n");
    let (code, out, err) = run(&["-NoProfile", &p], "");
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(err.contains("ParserError"), "{}", err);
    assert!(err.contains("parse.ps1:"), "{}", err);
    assert!(err.contains("Missing closing '}'"), "{}", err);
}

#[test]
fn script_arguments_bind_to_param_block() {
    let p = script(
        "params.ps1",
        "param([string]$Node = 'NODE1', [int]$Count = 1)\n\"$Node x$Count\"\n",
    );
    let (code, out, _) = run(&["-NoProfile", &p, "-Node", "NODE2", "-Count", "3"], "");
    assert_eq!(code, 0);
    assert_eq!(out, "NODE2 x3\n");
    let (_, out, _) = run(&["-NoProfile", &p, "NODE3"], "");
    assert_eq!(out, "NODE3 x1\n");
}

#[test]
fn statement_errors_do_not_stop_the_script() {
    let p = script("cont.ps1", "1/0\n'after'\n");
    let (code, out, err) = run(&["-NoProfile", &p], "");
    assert_eq!(code, 0);
    assert_eq!(out, "after\n");
    assert!(err.contains("Attempted to divide by zero."), "{}", err);
}

#[test]
fn unknown_command_message() {
    let (code, _, err) = run(&["-NoProfile", "-c", "Get-Nothing"], "");
    assert_eq!(code, 1);
    assert!(
        err.contains("The term 'Get-Nothing' is not recognized as a name of a cmdlet, function, script file, or executable program."),
        "{}",
        err
    );
}

#[test]
fn version_and_help() {
    let (code, out, _) = run(&["--version"], "");
    assert_eq!(code, 0);
    assert!(out.starts_with("exsh "));
    let (code, out, _) = run(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("-Command"));
}

#[test]
fn unknown_option_is_an_error() {
    let (code, _, err) = run(&["-Bogus"], "");
    assert_ne!(code, 0);
    assert!(err.contains("-Bogus"));
}

#[test]
fn missing_script_file() {
    let (code, _, err) = run(&["-NoProfile", "/nonexistent/x.ps1"], "");
    assert_ne!(code, 0);
    assert!(err.contains("/nonexistent/x.ps1"));
}

#[test]
fn non_interactive_prompt_is_an_error_not_a_wait() {
    let (code, _, err) = run(
        &[
            "-NoProfile",
            "-NonInteractive",
            "-c",
            "function f { param([Parameter(Mandatory)]$Name) $Name }; f",
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("Name"), "{}", err);
}
