//! Issue 5: runbook what-if, reports, transcripts, dependency pictures and determinism.
//! What-if leaves the lab unchanged and predicts the real run's downtime; reports are
//! checked structurally (sections, numbers equal to the model's downtime, a well-formed
//! SVG); two runs with the same lab, seed and script write the same bytes.

use std::path::PathBuf;
use std::process::Command;

use exsh::engine::interp::{BufferHost, Interp};
use exsh::host::{report, runbook};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn script(name: &str) -> String {
    root()
        .join("scripts/runbooks")
        .join(name)
        .display()
        .to_string()
}

fn session(lab: &str) -> (Interp, BufferHost) {
    let host = BufferHost::default();
    let mut interp = Interp::new(Box::new(host.clone()));
    let world = exsh::model::labs::builtin(lab).unwrap_or_else(|e| panic!("{}", e));
    exsh::cmdlets::lab::util::install(&mut interp, world);
    (interp, host)
}

fn world_json(interp: &Interp) -> String {
    interp
        .ext::<exsh::cmdlets::lab::util::LabSession>()
        .map(|s| s.world.to_json())
        .unwrap_or_default()
}

fn svg_of(text: &str) -> &str {
    let start = text
        .find("<svg")
        .unwrap_or_else(|| panic!("no <svg> in the report"));
    let end = text[start..]
        .find("</svg>")
        .map(|e| start + e + "</svg>".len())
        .unwrap_or_else(|| panic!("unterminated <svg>"));
    &text[start..end]
}

#[test]
fn what_if_leaves_the_lab_unchanged_and_predicts_the_real_downtime() {
    for (name, lab) in [
        ("e2k7-ccr-sp1.ps1", "ccr"),
        ("e2k3-sp1-rolling.ps1", "e2k3"),
        ("e2k7-ccr-unplanned-failover.ps1", "ccr"),
    ] {
        let (mut interp, host) = session(lab);
        let before = world_json(&interp);
        let predicted = runbook::what_if(&mut interp, &script(name), &[]);
        assert_eq!(
            world_json(&interp),
            before,
            "{}: what-if changed the lab",
            name
        );
        assert!(
            host.out.borrow().is_empty(),
            "{}: what-if printed the script's output",
            name
        );
        assert!(!predicted.steps.is_empty(), "{}: no steps", name);
        let real = runbook::run_recorded(&mut interp, &script(name), &[], true);
        assert_eq!(real.exit_code, 0, "{}: {:?}", name, real.errors);
        assert_eq!(
            predicted.after.downtime_summary(),
            real.after.downtime_summary(),
            "{}: what-if predicted other downtime",
            name
        );
        assert_eq!(predicted.steps.len(), real.steps.len(), "{}", name);
        let text = report::what_if_text(&predicted);
        assert!(text.contains("Predicted downtime:"), "{}", text);
    }
}

#[test]
fn what_if_takes_the_branch_the_simulated_state_gives() {
    let dir = std::env::temp_dir().join(format!("exsh-branch-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("branch.ps1");
    std::fs::write(
        &path,
        "if ((Get-ClusterGroup E2K7CCR).OwnerNode -eq 'NODE1') { Move-ClusterGroup 'Cluster Group' -Node NODE2 | Out-Null } else { Move-ClusterGroup 'Cluster Group' -Node NODE1 | Out-Null }\n",
    )
    .unwrap_or_else(|e| panic!("{}", e));
    let (mut interp, _) = session("ccr");
    let r = runbook::what_if(&mut interp, &path.display().to_string(), &[]);
    let lines = exsh::model::diff::describe(&r.steps[0].changes);
    assert!(
        lines.contains(&"group Cluster Group owner: NODE1 -> NODE2".to_string()),
        "{:?}",
        lines
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reports_have_their_sections_and_the_model_s_numbers() {
    let (mut interp, _) = session("e2k3");
    let r = runbook::run_recorded(&mut interp, &script("e2k3-sp1-rolling.ps1"), &[], true);
    assert_eq!(r.exit_code, 0, "{:?}", r.errors);
    // JSON: parses, and its downtime is the model's.
    let json = report::render(&r, "x.json").unwrap_or_else(|e| panic!("{}", e));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}", e));
    assert_eq!(v["lab"], "e2k3");
    assert_eq!(v["seed"], r.seed);
    let model = r.after.downtime_summary();
    let downtime = v["downtime"].as_array().cloned().unwrap_or_default();
    assert_eq!(downtime.len(), model.len());
    for (row, m) in downtime.iter().zip(&model) {
        assert_eq!(row["service"], m.service.as_str());
        assert_eq!(row["kind"], m.kind);
        assert_eq!(row["outages"], m.outages);
        assert_eq!(
            row["total_seconds"],
            m.total / exsh::model::TICKS_PER_SECOND
        );
    }
    assert_eq!(v["steps"].as_array().map(|a| a.len()), Some(r.steps.len()));
    assert!(v["events"].as_array().is_some_and(|e| !e.is_empty()));
    // HTML: the sections, and an SVG timeline that is well-formed XML with a bar per
    // outage of a service.
    let html = report::render(&r, "x.html").unwrap_or_else(|e| panic!("{}", e));
    for id in [
        "id=\"steps\"",
        "id=\"messages\"",
        "id=\"downtime\"",
        "id=\"events\"",
    ] {
        assert!(html.contains(id), "missing section {}", id);
    }
    assert!(html.contains("seed"));
    let svg = svg_of(&html);
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{}\n{}", e, svg));
    let bars = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.children().any(|c| c.has_tag_name("title")))
        .count();
    let outages: usize = model.iter().map(|m| m.outages).sum();
    assert_eq!(bars, outages);
    // Markdown: the same sections and the same SVG.
    let md = report::render(&r, "x.md").unwrap_or_else(|e| panic!("{}", e));
    for h in [
        "## Steps",
        "## Warnings and errors",
        "## Downtime",
        "## Event timeline",
    ] {
        assert!(md.contains(h), "missing {}", h);
    }
    assert!(roxmltree::Document::parse(svg_of(&md)).is_ok());
    assert!(report::render(&r, "x.pdf").is_err());
}

#[test]
fn errors_and_warnings_reach_the_report() {
    let dir = std::env::temp_dir().join(format!("exsh-errs-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bad.ps1");
    std::fs::write(
        &path,
        "Move-ClusterGroup E2K7CCR -Node NODE2 | Out-Null\nMove-ClusterGroup 'Cluster Group' -Node NOWHERE\n",
    )
    .unwrap_or_else(|e| panic!("{}", e));
    let (mut interp, _) = session("ccr");
    let r = runbook::run_recorded(&mut interp, &path.display().to_string(), &[], true);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
    assert!(r.steps.iter().any(|s| s.error.is_some() && s.line == 2));
    let html = report::render(&r, "x.html").unwrap_or_else(|e| panic!("{}", e));
    assert!(html.contains("The cluster node was not found."));
    let _ = std::fs::remove_dir_all(&dir);
}

fn exsh(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_exsh"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("{}", e))
}

#[test]
fn same_lab_seed_and_script_give_byte_identical_transcripts_and_reports() {
    let dir = std::env::temp_dir().join(format!("exsh-det-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut outputs = Vec::new();
    for run in 0..2 {
        let report = dir.join(format!("r{}.html", run));
        let json = dir.join(format!("r{}.json", run));
        let transcript = dir.join(format!("t{}.txt", run));
        let o = exsh(&[
            "-NoProfile",
            "--seed",
            "42",
            "scripts/runbooks/e2k7-ccr-sp1.ps1",
            "--report",
            &report.display().to_string(),
            "--transcript",
            &transcript.display().to_string(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let o2 = exsh(&[
            "-NoProfile",
            "--seed",
            "42",
            "scripts/runbooks/e2k7-ccr-sp1.ps1",
            "--report",
            &json.display().to_string(),
        ]);
        assert!(o2.status.success());
        let read =
            |p: &PathBuf| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {}", p.display(), e));
        outputs.push((read(&report), read(&json), read(&transcript), o.stdout));
    }
    assert_eq!(outputs[0].0, outputs[1].0, "HTML reports differ");
    assert_eq!(outputs[0].1, outputs[1].1, "JSON reports differ");
    assert_eq!(outputs[0].2, outputs[1].2, "transcripts differ");
    assert_eq!(outputs[0].3, outputs[1].3, "console output differs");
    let json: serde_json::Value =
        serde_json::from_slice(&outputs[0].1).unwrap_or_else(|e| panic!("{}", e));
    assert_eq!(json["seed"], 42);
    let transcript = String::from_utf8_lossy(&outputs[0].2).to_string();
    assert!(
        transcript.starts_with(
            "**********************\nPowerShell transcript start\nStart time: 20080315220000\n"
        ),
        "{}",
        transcript
    );
    assert!(transcript.contains("PowerShell transcript end"));
    assert!(
        transcript.contains("setup.com /mode:upgrade on NODE2"),
        "{}",
        transcript
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_if_from_the_command_line_changes_nothing_and_says_so() {
    let o = exsh(&[
        "-NoProfile",
        "scripts/runbooks/e2k3-sp1-rolling.ps1",
        "-WhatIf",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("What if: scripts/runbooks/e2k3-sp1-rolling.ps1 on the e2k3 lab"),
        "{}",
        out
    );
    assert!(
        out.contains("evs EVS1 version: 6.5.6944.4 -> 6.5.7226.6"),
        "{}",
        out
    );
    assert!(
        out.contains("EVS1    Planned         2 00:06:38 00:11:16"),
        "{}",
        out
    );
}

#[test]
fn dependency_pictures_are_well_formed() {
    let dir = std::env::temp_dir().join(format!("exsh-dep-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let svg = dir.join("evs1.svg");
    let dot = dir.join("evs1.dot");
    let (mut interp, host) = session("e2k3");
    let code = exsh::host::session::run_command(
        &mut interp,
        &format!(
            "Stop-ClusterResource 'Exchange Information Store Instance (EVS1)' | Out-Null; Export-ClusterDependencyGraph -Group EVS1 -Path '{}'; Export-ClusterDependencyGraph EVS1 '{}'",
            svg.display(),
            dot.display()
        ),
    );
    assert_eq!(code, 0, "{}", host.err.borrow());
    let text = std::fs::read_to_string(&svg).unwrap_or_default();
    let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{}", e));
    let boxes = doc.descendants().filter(|n| n.has_tag_name("g")).count();
    assert_eq!(boxes, 11, "one box per resource of EVS1");
    assert!(text.contains("#cccccc"), "the stopped store is grey");
    let d = std::fs::read_to_string(&dot).unwrap_or_default();
    // Every dependency is an edge: Network Name->IP, SA->name and two disks, 6 on SA.
    assert_eq!(d.matches(" -> ").count(), 10, "{}", d);
    assert!(d.starts_with("digraph \"EVS1\" {"));
    let _ = std::fs::remove_dir_all(&dir);
}
