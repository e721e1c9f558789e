//! It: one test, run at once with the BeforeEach/AfterEach blocks around it; its result
//! is recorded (a failing Should or any terminating error fails it).

use crate::cmdlets::pester::util::{self, Outcome, TestResult};
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::ops;
use crate::engine::registry::ItArgs;
use crate::engine::value::Value;

#[derive(Default)]
pub struct It;

/// `<key>` in a test name replaced by the test case's value.
fn expand(name: &str, case: &[(String, Value)]) -> String {
    let mut out = name.to_string();
    for (k, v) in case {
        out = out.replace(&format!("<{}>", k), &v.to_display_string());
    }
    out
}

fn selected(run: &util::PesterRun, full_name: &str, tags: &[String]) -> bool {
    let f = &run.filter;
    let all_tags: Vec<String> = run
        .frames
        .iter()
        .flat_map(|fr| fr.tags.clone())
        .chain(tags.iter().cloned())
        .collect();
    let has = |t: &String| all_tags.iter().any(|x| x.eq_ignore_ascii_case(t));
    if !f.tags.is_empty() && !f.tags.iter().any(has) {
        return false;
    }
    if f.exclude_tags.iter().any(has) {
        return false;
    }
    if !f.full_name.is_empty()
        && !f
            .full_name
            .iter()
            .any(|p| ops::wildcard_regex(p, false).is_ok_and(|re| re.is_match(full_name)))
    {
        return false;
    }
    true
}

impl Cmdlet for It {
    type Args = ItArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let cases: Vec<Vec<(String, Value)>> = if a.test_cases.is_empty() {
            vec![Vec::new()]
        } else {
            a.test_cases
                .iter()
                .map(|c| match c {
                    Value::Hashtable(h) => h
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.to_display_string(), v.clone()))
                        .collect(),
                    other => vec![("_".to_string(), other.clone())],
                })
                .collect()
        };
        for case in cases {
            let name = expand(&a.name, &case);
            let (path, run_it, skip, before, after) = util::with_run(cx, |r| {
                let mut path: Vec<String> = r.frames.iter().map(|f| f.name.clone()).collect();
                path.push(name.clone());
                let run_it = selected(r, &path.join("."), &a.tag);
                let skip = a.skip || r.frames.iter().any(|f| f.skip);
                let before: Vec<_> = r
                    .frames
                    .iter()
                    .flat_map(|f| f.before_each.clone())
                    .collect();
                let after: Vec<_> = r
                    .frames
                    .iter()
                    .rev()
                    .flat_map(|f| f.after_each.clone())
                    .collect();
                (path, run_it, skip, before, after)
            });
            if !run_it {
                continue;
            }
            if skip || a.test.is_none() {
                util::with_run(cx, |r| {
                    r.results.push(TestResult {
                        path,
                        outcome: Outcome::Skipped,
                        millis: 0,
                    })
                });
                continue;
            }
            let started = std::time::Instant::now();
            let mut blocks = before.clone();
            if let Some(t) = &a.test {
                blocks.push(t.clone());
            }
            let mut vars = case.clone();
            if let Some((_, v)) = case.iter().find(|(k, _)| k == "_") {
                vars.push(("PSItem".into(), v.clone()));
            }
            let result = util::in_new_scope(cx, &blocks, &vars);
            let teardown = util::in_new_scope(cx, &after, &vars);
            let outcome = match result.and(teardown) {
                Ok(()) => Outcome::Passed,
                Err(e) => {
                    let (message, at) = util::describe_failure(&e);
                    Outcome::Failed { message, at }
                }
            };
            let millis = started.elapsed().as_millis();
            util::with_run(cx, |r| {
                r.results.push(TestResult {
                    path,
                    outcome,
                    millis,
                })
            });
        }
        Ok(())
    }
}
