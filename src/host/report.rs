//! What a recorded run tells: the what-if summary printed at the console, and the
//! self-contained reports (`--report FILE.html|.md|.json`): steps with simulated times,
//! warnings and errors, the event timeline, downtime per service with an SVG timeline.
//! Everything comes from simulated time, so two runs with the same lab, seed and script
//! give the same bytes.

use serde::Serialize;

use crate::format::datetime::{format_custom, format_timespan};
use crate::host::runbook::{RunResult, Step};
use crate::model::diff::{describe, summarize, DowntimeSummary};
use crate::model::{Event, Outage, Ticks, TICKS_PER_SECOND};

fn hms(ticks: Ticks) -> String {
    format_custom(ticks, "HH:mm:ss")
}

fn when(ticks: Ticks) -> String {
    format_custom(ticks, "yyyy-MM-dd HH:mm:ss")
}

fn span(ticks: Ticks) -> String {
    format_timespan(ticks.max(0))
}

/// The events and outages a run produced.
fn new_events(r: &RunResult) -> Vec<&Event> {
    r.after
        .events
        .iter()
        .filter(|e| e.seq >= r.before.next_event)
        .collect()
}

fn run_outages(r: &RunResult) -> Vec<&Outage> {
    let start = r.before.clock;
    r.after
        .outages
        .iter()
        .filter(|o| o.end.is_none_or(|e| e > start) || o.start >= start)
        .filter(|o| !r.before.outages.contains(o) || o.end.is_none())
        .collect()
}

/// Downtime of the run alone (outages that began before it count from its start).
fn run_summary(r: &RunResult) -> Vec<DowntimeSummary> {
    summarize(run_outages(r).into_iter(), r.before.clock, r.after.clock)
}

fn downtime_table(rows: &[DowntimeSummary]) -> Vec<String> {
    if rows.is_empty() {
        return vec!["(no service was down)".into()];
    }
    let w = rows
        .iter()
        .map(|r| r.service.len())
        .max()
        .unwrap_or(7)
        .max(7);
    let mut v = vec![
        format!(
            "{:<w$} {:<9} {:>7} {:<8} {}",
            "Service",
            "Kind",
            "Outages",
            "Longest",
            "Total",
            w = w
        ),
        format!(
            "{:<w$} {:<9} {:>7} {:<8} {}",
            "-------",
            "----",
            "-------",
            "-------",
            "-----",
            w = w
        ),
    ];
    for r in rows {
        v.push(format!(
            "{:<w$} {:<9} {:>7} {:<8} {}",
            r.service,
            r.kind,
            r.outages,
            span(r.longest),
            span(r.total),
            w = w
        ));
    }
    v
}

/// The console summary of a what-if run.
pub fn what_if_text(r: &RunResult) -> String {
    let mut v = vec![format!(
        "What if: {} on the {} lab (seed {}), run on a copy: the lab is unchanged.",
        r.script, r.lab, r.seed
    )];
    v.push(String::new());
    for s in &r.steps {
        v.push(step_heading(s));
        for c in describe(&s.changes) {
            v.push(format!("    {}", c));
        }
        if let Some(e) = &s.error {
            v.push(format!("    FAILED: {}", e));
        }
    }
    if r.steps.is_empty() {
        v.push("(no step changed the lab)".into());
    }
    v.push(String::new());
    v.push(format!(
        "From {} to {}: {} of simulated time, {} step{}, {} error{}, exit code {}.",
        when(r.before.clock),
        when(r.after.clock),
        span(r.after.clock - r.before.clock),
        r.steps.len(),
        if r.steps.len() == 1 { "" } else { "s" },
        r.errors.len(),
        if r.errors.len() == 1 { "" } else { "s" },
        r.exit_code
    ));
    for e in &r.errors {
        v.push(format!(
            "Error: {}",
            e.lines()
                .last()
                .unwrap_or("")
                .trim_start_matches(['|', ' '])
        ));
    }
    v.push(String::new());
    v.push("Predicted downtime:".into());
    v.extend(downtime_table(&run_summary(r)));
    v.push(String::new());
    v.join("\n")
}

fn step_heading(s: &Step) -> String {
    format!(
        "[{} -> {}] {:>8}  line {}: {}",
        hms(s.start),
        hms(s.end),
        span(s.end - s.start),
        s.line,
        s.text
    )
}

#[derive(Serialize)]
struct JsonReport<'a> {
    script: &'a str,
    lab: &'a str,
    seed: u64,
    exit_code: i32,
    start: String,
    end: String,
    duration_seconds: i64,
    steps: Vec<JsonStep<'a>>,
    warnings: &'a [String],
    errors: &'a [String],
    events: Vec<JsonEvent<'a>>,
    downtime: Vec<JsonDowntime>,
    outages: Vec<JsonOutage<'a>>,
}

#[derive(Serialize)]
struct JsonStep<'a> {
    number: usize,
    line: usize,
    text: &'a str,
    command: &'a str,
    start: String,
    end: String,
    duration_seconds: i64,
    changes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonEvent<'a> {
    time: String,
    server: &'a str,
    log: &'a str,
    source: &'a str,
    event_id: u32,
    entry_type: &'a str,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonDowntime {
    service: String,
    kind: &'static str,
    outages: usize,
    longest_seconds: i64,
    total_seconds: i64,
}

#[derive(Serialize)]
struct JsonOutage<'a> {
    service: &'a str,
    database: &'a str,
    kind: &'static str,
    start: String,
    end: Option<String>,
    duration_seconds: i64,
}

fn json(r: &RunResult) -> String {
    let secs = |t: Ticks| t / TICKS_PER_SECOND;
    let rep = JsonReport {
        script: &r.script,
        lab: &r.lab,
        seed: r.seed,
        exit_code: r.exit_code,
        start: when(r.before.clock),
        end: when(r.after.clock),
        duration_seconds: secs(r.after.clock - r.before.clock),
        steps: r
            .steps
            .iter()
            .map(|s| JsonStep {
                number: s.number,
                line: s.line,
                text: &s.text,
                command: &s.command,
                start: when(s.start),
                end: when(s.end),
                duration_seconds: secs(s.end - s.start),
                changes: describe(&s.changes),
                error: s.error.as_deref(),
            })
            .collect(),
        warnings: &r.warnings,
        errors: &r.errors,
        events: new_events(r)
            .into_iter()
            .map(|e| JsonEvent {
                time: when(e.time),
                server: &e.server,
                log: &e.log,
                source: &e.source,
                event_id: e.event_id,
                entry_type: e.entry_type.name(),
                message: &e.message,
            })
            .collect(),
        downtime: run_summary(r)
            .into_iter()
            .map(|d| JsonDowntime {
                service: d.service,
                kind: d.kind,
                outages: d.outages,
                longest_seconds: secs(d.longest),
                total_seconds: secs(d.total),
            })
            .collect(),
        outages: run_outages(r)
            .into_iter()
            .map(|o| JsonOutage {
                service: &o.service,
                database: &o.database,
                kind: if o.planned { "Planned" } else { "Unplanned" },
                start: when(o.start),
                end: o.end.map(when),
                duration_seconds: secs(o.end.unwrap_or(r.after.clock) - o.start),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&rep).unwrap_or_else(|_| "{}".into()) + "\n"
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// One row per service, a bar per outage (amber planned, red unplanned), on the run's
/// simulated time axis.
pub fn timeline_svg(r: &RunResult) -> String {
    let outages: Vec<&Outage> = run_outages(r)
        .into_iter()
        .filter(|o| o.database.is_empty())
        .collect();
    let mut services: Vec<&str> = Vec::new();
    for o in &outages {
        if !services.contains(&o.service.as_str()) {
            services.push(&o.service);
        }
    }
    let (left, width, row) = (120.0_f64, 640.0_f64, 28.0_f64);
    let start = r.before.clock;
    let total = (r.after.clock - start).max(1) as f64;
    let height = row * services.len().max(1) as f64 + 40.0;
    let x = |t: Ticks| left + width * ((t - start).max(0) as f64 / total);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"sans-serif\" font-size=\"12\">\n",
        left + width + 20.0,
        height,
        left + width + 20.0,
        height
    );
    s.push_str(&format!(
        "<rect x=\"{}\" y=\"4\" width=\"{}\" height=\"{}\" fill=\"#f4f4f4\" stroke=\"#ccc\"/>\n",
        left,
        width,
        height - 30.0
    ));
    for (i, svc) in services.iter().enumerate() {
        let y = 10.0 + row * i as f64;
        s.push_str(&format!(
            "<text x=\"4\" y=\"{:.1}\">{}</text>\n",
            y + 14.0,
            xml(svc)
        ));
        for o in outages.iter().filter(|o| o.service == *svc) {
            let end = o.end.unwrap_or(r.after.clock);
            let (x0, x1) = (x(o.start), x(end));
            let colour = if o.planned { "#f0a030" } else { "#d03030" };
            s.push_str(&format!(
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"18\" fill=\"{}\"><title>{} {} {} - {} ({})</title></rect>\n",
                x0,
                y,
                (x1 - x0).max(1.0),
                colour,
                xml(svc),
                if o.planned { "planned" } else { "unplanned" },
                hms(o.start),
                hms(end),
                span(end - o.start)
            ));
        }
    }
    let axis_y = height - 14.0;
    s.push_str(&format!(
        "<text x=\"{}\" y=\"{:.1}\">{}</text>\n<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\n",
        left,
        axis_y,
        hms(start),
        left + width,
        axis_y,
        hms(r.after.clock)
    ));
    s.push_str("</svg>\n");
    s
}

fn markdown(r: &RunResult) -> String {
    let mut v = vec![
        format!("# Runbook report: {}", r.script),
        String::new(),
        format!(
            "Lab `{}`, seed {}; simulated time {} to {} ({}); exit code {}.",
            r.lab,
            r.seed,
            when(r.before.clock),
            when(r.after.clock),
            span(r.after.clock - r.before.clock),
            r.exit_code
        ),
        String::new(),
        "## Steps".into(),
        String::new(),
        "| # | Start | End | Duration | Line | Command | Changes |".into(),
        "|---|---|---|---|---|---|---|".into(),
    ];
    let cell = |s: &str| s.replace('|', "\\|");
    for s in &r.steps {
        let mut changes = describe(&s.changes);
        if let Some(e) = &s.error {
            changes.push(format!("FAILED: {}", e));
        }
        v.push(format!(
            "| {} | {} | {} | {} | {} | `{}` | {} |",
            s.number,
            hms(s.start),
            hms(s.end),
            span(s.end - s.start),
            s.line,
            cell(&s.text),
            cell(&changes.join("<br>"))
        ));
    }
    v.push(String::new());
    v.push("## Warnings and errors".into());
    v.push(String::new());
    if r.warnings.is_empty() && r.errors.is_empty() {
        v.push("None.".into());
    }
    for w in &r.warnings {
        v.push(format!("- WARNING: {}", w));
    }
    for e in &r.errors {
        v.push(format!("- ERROR:\n\n```\n{}\n```", e));
    }
    v.push(String::new());
    v.push("## Downtime".into());
    v.push(String::new());
    v.push("| Service | Kind | Outages | Longest | Total |".into());
    v.push("|---|---|---|---|---|".into());
    for d in run_summary(r) {
        v.push(format!(
            "| {} | {} | {} | {} | {} |",
            d.service,
            d.kind,
            d.outages,
            span(d.longest),
            span(d.total)
        ));
    }
    v.push(String::new());
    v.push(timeline_svg(r));
    v.push("## Event timeline".into());
    v.push(String::new());
    v.push("| Time | Server | Log | Source | Id | Type | Message |".into());
    v.push("|---|---|---|---|---|---|---|".into());
    for e in new_events(r) {
        v.push(format!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            when(e.time),
            e.server,
            e.log,
            e.source,
            e.event_id,
            e.entry_type.name(),
            cell(&e.message)
        ));
    }
    v.push(String::new());
    v.join("\n")
}

fn html(r: &RunResult) -> String {
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    s.push_str(&format!(
        "<title>Runbook report: {}</title>\n",
        xml(&r.script)
    ));
    s.push_str("<style>body{font-family:sans-serif;margin:2em;}table{border-collapse:collapse;margin-bottom:1.5em;}td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top;text-align:left;}th{background:#eee;}.err{color:#b00;}.warn{color:#a60;}code{font-size:90%;}</style>\n");
    s.push_str("</head>\n<body>\n");
    s.push_str(&format!("<h1>Runbook report: {}</h1>\n", xml(&r.script)));
    s.push_str(&format!(
        "<p>Lab <b>{}</b>, seed {}; simulated time {} to {} ({}); exit code {}.</p>\n",
        xml(&r.lab),
        r.seed,
        when(r.before.clock),
        when(r.after.clock),
        span(r.after.clock - r.before.clock),
        r.exit_code
    ));
    s.push_str("<h2 id=\"steps\">Steps</h2>\n<table>\n<tr><th>#</th><th>Start</th><th>End</th><th>Duration</th><th>Line</th><th>Command</th><th>Changes</th></tr>\n");
    for st in &r.steps {
        let mut changes: Vec<String> = describe(&st.changes).iter().map(|c| xml(c)).collect();
        if let Some(e) = &st.error {
            changes.push(format!("<span class=\"err\">FAILED: {}</span>", xml(e)));
        }
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>{}</td></tr>\n",
            st.number,
            hms(st.start),
            hms(st.end),
            span(st.end - st.start),
            st.line,
            xml(&st.text),
            changes.join("<br>")
        ));
    }
    s.push_str("</table>\n<h2 id=\"messages\">Warnings and errors</h2>\n");
    if r.warnings.is_empty() && r.errors.is_empty() {
        s.push_str("<p>None.</p>\n");
    } else {
        s.push_str("<ul>\n");
        for w in &r.warnings {
            s.push_str(&format!("<li class=\"warn\">WARNING: {}</li>\n", xml(w)));
        }
        for e in &r.errors {
            s.push_str(&format!("<li class=\"err\"><pre>{}</pre></li>\n", xml(e)));
        }
        s.push_str("</ul>\n");
    }
    s.push_str("<h2 id=\"downtime\">Downtime</h2>\n<table>\n<tr><th>Service</th><th>Kind</th><th>Outages</th><th>Longest</th><th>Total</th></tr>\n");
    for d in run_summary(r) {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            xml(&d.service),
            d.kind,
            d.outages,
            span(d.longest),
            span(d.total)
        ));
    }
    s.push_str("</table>\n<h3>Timeline</h3>\n");
    s.push_str(&timeline_svg(r));
    s.push_str("<h2 id=\"events\">Event timeline</h2>\n<table>\n<tr><th>Time</th><th>Server</th><th>Log</th><th>Source</th><th>Id</th><th>Type</th><th>Message</th></tr>\n");
    for e in new_events(r) {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            when(e.time),
            xml(&e.server),
            xml(&e.log),
            xml(&e.source),
            e.event_id,
            e.entry_type.name(),
            xml(&e.message)
        ));
    }
    s.push_str("</table>\n</body>\n</html>\n");
    s
}

/// The report in the format its file name asks for (`.html`, `.htm`, `.md`, `.json`).
pub fn render(r: &RunResult, path: &str) -> Result<String, String> {
    let l = path.to_ascii_lowercase();
    if l.ends_with(".html") || l.ends_with(".htm") {
        Ok(html(r))
    } else if l.ends_with(".md") || l.ends_with(".markdown") {
        Ok(markdown(r))
    } else if l.ends_with(".json") {
        Ok(json(r))
    } else {
        Err(format!(
            "Cannot tell the report format of '{}': name it .html, .md or .json.",
            path
        ))
    }
}
