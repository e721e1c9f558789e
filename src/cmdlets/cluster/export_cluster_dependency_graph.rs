//! Export-ClusterDependencyGraph: a group's dependency tree as DOT or SVG.

use crate::cmdlets::cluster::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::{ErrorCategory, ErrorRecord, FlowResult};
use crate::engine::registry::ExportClusterDependencyGraphArgs;
use crate::model::{Cluster, Resource, ResourceState};

#[derive(Default)]
pub struct ExportClusterDependencyGraph;

fn colour(s: ResourceState) -> &'static str {
    match s {
        ResourceState::Online => "#7fc97f",
        ResourceState::Offline => "#cccccc",
        ResourceState::Failed => "#e05050",
        ResourceState::OnlinePending | ResourceState::OfflinePending => "#f0b040",
    }
}

fn dot_id(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Depth of each resource: 0 for those with no providers in the group, else one more
/// than its deepest provider.
fn depths(res: &[&Resource]) -> Vec<usize> {
    let idx = |n: &str| res.iter().position(|r| r.name.eq_ignore_ascii_case(n));
    let mut d = vec![0usize; res.len()];
    // Relax at most n times (the model refuses cycles).
    for _ in 0..res.len() {
        let mut changed = false;
        for (i, r) in res.iter().enumerate() {
            for p in &r.dependencies {
                if let Some(j) = idx(p) {
                    if d[i] < d[j] + 1 {
                        d[i] = d[j] + 1;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }
    d
}

pub fn dot(c: &Cluster, group: &str, res: &[&Resource]) -> String {
    let mut s =
        format!(
        "digraph {} {{\n  label={};\n  node [shape=box, style=filled, fontname=\"sans-serif\"];\n",
        dot_id(group),
        dot_id(&format!("{} ({}), {}", group, c.name, c.group_state(group).name()))
    );
    for r in res {
        s.push_str(&format!(
            "  {} [fillcolor=\"{}\"];\n",
            dot_id(&r.name),
            colour(r.state)
        ));
    }
    for r in res {
        for p in &r.dependencies {
            s.push_str(&format!("  {} -> {};\n", dot_id(&r.name), dot_id(p)));
        }
    }
    s.push_str("}\n");
    s
}

pub fn svg(c: &Cluster, group: &str, res: &[&Resource]) -> String {
    let d = depths(res);
    let levels = d.iter().copied().max().unwrap_or(0) + 1;
    let (bw, bh, gx, gy) = (300.0_f64, 30.0_f64, 20.0_f64, 50.0_f64);
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); levels];
    for (i, level) in d.iter().enumerate() {
        rows[levels - 1 - level].push(i);
    }
    let widest = rows.iter().map(|r| r.len()).max().unwrap_or(1).max(1);
    let width = widest as f64 * (bw + gx) + gx;
    let height = levels as f64 * (bh + gy) + gy + 20.0;
    let mut pos = vec![(0.0_f64, 0.0_f64); res.len()];
    for (row, members) in rows.iter().enumerate() {
        let offset = (width - members.len() as f64 * (bw + gx) + gx) / 2.0;
        for (k, i) in members.iter().enumerate() {
            pos[*i] = (offset + k as f64 * (bw + gx), 40.0 + row as f64 * (bh + gy));
        }
    }
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\" font-size=\"12\">\n",
        w = width,
        h = height
    );
    s.push_str("<defs><marker id=\"arrow\" markerWidth=\"10\" markerHeight=\"7\" refX=\"10\" refY=\"3.5\" orient=\"auto\"><polygon points=\"0 0, 10 3.5, 0 7\" fill=\"#555\"/></marker></defs>\n");
    s.push_str(&format!(
        "<text x=\"{}\" y=\"20\" font-size=\"14\">{}</text>\n",
        gx,
        xml(&format!(
            "{} ({}), {}",
            group,
            c.name,
            c.group_state(group).name()
        ))
    ));
    for (i, r) in res.iter().enumerate() {
        for p in &r.dependencies {
            if let Some(j) = res.iter().position(|x| x.name.eq_ignore_ascii_case(p)) {
                let (x1, y1) = (pos[i].0 + bw / 2.0, pos[i].1 + bh);
                let (x2, y2) = (pos[j].0 + bw / 2.0, pos[j].1);
                s.push_str(&format!(
                    "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>\n",
                    x1, y1, x2, y2
                ));
            }
        }
    }
    for (i, r) in res.iter().enumerate() {
        let (x, y) = pos[i];
        s.push_str(&format!(
            "<g><title>{} ({}): {}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{}\" stroke=\"#333\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>\n",
            xml(&r.name),
            xml(&r.kind),
            r.state.name(),
            x,
            y,
            bw,
            bh,
            colour(r.state),
            x + bw / 2.0,
            y + 19.0,
            xml(&r.name)
        ));
    }
    s.push_str("</svg>\n");
    s
}

impl Cmdlet for ExportClusterDependencyGraph {
    type Args = ExportClusterDependencyGraphArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &None)?;
        let Some(c) = w.cluster(&cl) else {
            return Ok(());
        };
        let Some(g) = c.group(&a.group) else {
            return Err(cx.fail(util::not_found("group", &a.group)));
        };
        let res: Vec<&Resource> = c
            .resources_in(&g.name)
            .into_iter()
            .map(|i| &c.resources[i])
            .collect();
        let l = a.path.to_ascii_lowercase();
        let text = if l.ends_with(".svg") {
            svg(c, &g.name, &res)
        } else if l.ends_with(".dot") || l.ends_with(".gv") {
            dot(c, &g.name, &res)
        } else {
            return Err(cx.fail(ErrorRecord::new(
                format!(
                    "Cannot tell the picture format of '{}': name it .dot, .gv or .svg.",
                    a.path
                ),
                "GraphFormat",
                ErrorCategory::InvalidArgument,
            )));
        };
        crate::host::cli::write_atomic(&a.path, &text)
            .map_err(|e| cx.fail(ErrorRecord::new(e, "GraphWrite", ErrorCategory::WriteError)))
    }
}
