//! REPL helper tests: completion and continuation are decided without a terminal.

use exsh::engine::interp::{BufferHost, Interp};
use exsh::host::complete::{complete, needs_continuation, CompletionSource, ParamInfo};
use exsh::host::repl::dedup_history;

/// A session with a few commands, parameters and variables.
struct Fake {
    dir: std::path::PathBuf,
}

impl CompletionSource for Fake {
    fn command_names(&self) -> Vec<String> {
        [
            "Get-ClusterGroup",
            "Get-ClusterNode",
            "Get-Date",
            "Move-ClusterGroup",
            "gcm",
            "%",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }
    fn parameters(&self, command: &str) -> Option<Vec<ParamInfo>> {
        if !command.eq_ignore_ascii_case("Move-ClusterGroup") {
            return None;
        }
        Some(vec![
            ParamInfo {
                name: "Name".into(),
                accepted_values: vec![],
                is_switch: false,
            },
            ParamInfo {
                name: "Node".into(),
                accepted_values: vec![],
                is_switch: false,
            },
            ParamInfo {
                name: "Mode".into(),
                accepted_values: vec!["Online".into(), "Offline".into()],
                is_switch: false,
            },
            ParamInfo {
                name: "Wait".into(),
                accepted_values: vec![],
                is_switch: true,
            },
        ])
    }
    fn variable_names(&self) -> Vec<String> {
        vec!["node".into(), "Nodes".into(), "PSVersionTable".into()]
    }
    fn current_dir(&self) -> std::path::PathBuf {
        self.dir.clone()
    }
}

fn fake() -> Fake {
    let dir = std::env::temp_dir().join(format!("exsh-repl-{}", std::process::id()));
    let _ = std::fs::create_dir_all(dir.join("runbooks"));
    let _ = std::fs::write(dir.join("rolling-upgrade.ps1"), "");
    let _ = std::fs::write(dir.join("readme.txt"), "");
    Fake { dir }
}

#[test]
fn command_names_by_prefix_case_insensitive() {
    let f = fake();
    let (start, c) = complete("get-cl", 6, &f);
    assert_eq!(start, 0);
    assert_eq!(c, vec!["Get-ClusterGroup", "Get-ClusterNode"]);
    let (start, c) = complete("$x | move", 9, &f);
    assert_eq!(start, 5);
    assert_eq!(c, vec!["Move-ClusterGroup"]);
}

#[test]
fn aliases_complete_as_commands() {
    let (_, c) = complete("gc", 2, &fake());
    assert_eq!(c, vec!["gcm"]);
}

#[test]
fn parameters_after_a_dash() {
    let (start, c) = complete("Move-ClusterGroup EVS1 -N", 25, &fake());
    assert_eq!(start, 23);
    assert_eq!(c, vec!["-Name", "-Node"]);
    let (_, c) = complete("Move-ClusterGroup -", 19, &fake());
    assert_eq!(c.len(), 4);
}

#[test]
fn accepted_values_of_the_parameter_before() {
    let (_, c) = complete("Move-ClusterGroup EVS1 -Mode ", 29, &fake());
    assert_eq!(c, vec!["Online", "Offline"]);
    let (_, c) = complete("Move-ClusterGroup EVS1 -Mode on", 31, &fake());
    assert_eq!(c, vec!["Online"]);
}

#[test]
fn variables_after_a_dollar() {
    let (start, c) = complete("Write-Output $no", 16, &fake());
    assert_eq!(start, 13);
    assert_eq!(c, vec!["$node", "$Nodes"]);
}

#[test]
fn file_paths() {
    let (_, c) = complete("./exsh ro", 9, &fake());
    assert_eq!(c, vec!["rolling-upgrade.ps1"]);
    let (_, c) = complete("Get-Content r", 13, &fake());
    assert_eq!(c, vec!["readme.txt", "rolling-upgrade.ps1", "runbooks/"]);
}

#[test]
fn nothing_to_complete() {
    let (_, c) = complete("Get-Zork", 8, &fake());
    assert!(c.is_empty());
    let (_, c) = complete("Move-ClusterGroup -Zz", 21, &fake());
    assert!(c.is_empty());
}

#[test]
fn completion_against_the_real_interpreter() {
    let interp = Interp::new(Box::new(BufferHost::default()));
    let (_, c) = complete("Where-Obj", 9, &interp);
    assert_eq!(c, vec!["Where-Object"]);
    let (_, c) = complete("Get-Help -Fu", 12, &interp);
    assert_eq!(c, vec!["-Full"]);
    let (_, c) = complete("Write-Host hi -ForegroundColor Gre", 34, &interp);
    assert_eq!(c, vec!["Green"]);
    let (_, c) = complete("Get-Date -ErrorAction S", 23, &interp);
    assert_eq!(c, vec!["SilentlyContinue", "Stop"]);
    let (_, c) = complete("$PSVer", 6, &interp);
    assert_eq!(c, vec!["$PSVersionTable"]);
}

#[test]
fn continuation_when_input_is_unfinished() {
    assert!(needs_continuation("if ($x) {\n"));
    assert!(needs_continuation("'open quote\n"));
    assert!(needs_continuation("@\"\nhere\n"));
    assert!(needs_continuation("Get-Date |\n"));
    assert!(needs_continuation("Get-Date `\n"));
    assert!(needs_continuation("function f {\n  1\n"));
    assert!(!needs_continuation("Get-Date\n"));
    assert!(!needs_continuation("if ($x) { 1 }\n"));
    assert!(!needs_continuation("@\"\nhere\n\"@\n"));
    // Invalid is not incomplete: the REPL reports it instead of waiting.
    assert!(!needs_continuation("1 +* 2\n"));
}

#[test]
fn history_keeps_the_last_of_each_entry() {
    let h: Vec<String> = ["a", "b", "a", "", "c", "b"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(dedup_history(&h), vec!["a", "c", "b"]);
}
