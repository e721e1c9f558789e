//! Describe: a group of tests (see `util`).

use crate::cmdlets::pester::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::DescribeArgs;

#[derive(Default)]
pub struct Describe;

/// Describe and Context: push a frame, run the block in a new scope, run AfterAll, pop.
pub fn block(
    cx: &mut Cx,
    name: &str,
    fixture: &std::rc::Rc<crate::engine::scriptblock::ScriptBlock>,
    tags: &[String],
    skip: bool,
) -> FlowResult<()> {
    util::with_run(cx, |r| {
        r.frames.push(util::Frame {
            name: name.to_string(),
            tags: tags.to_vec(),
            skip,
            ..Default::default()
        })
    });
    let result = util::in_new_scope(cx, std::slice::from_ref(fixture), &[]);
    let after_all = util::with_run(cx, |r| {
        r.frames
            .last()
            .map(|f| f.after_all.clone())
            .unwrap_or_default()
    });
    let after = util::in_new_scope(cx, &after_all, &[]);
    let path = util::with_run(cx, |r| {
        let path = r
            .frames
            .iter()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
            .join(".");
        r.frames.pop();
        path
    });
    for r in [result, after] {
        if let Err(e) = r {
            // A failure outside any It (in BeforeAll, or the block itself).
            let (msg, at) = util::describe_failure(&e);
            util::with_run(cx, |run| {
                run.block_failures
                    .push((path.clone(), format!("{} {}", msg, at).trim().to_string()))
            });
        }
    }
    Ok(())
}

impl Cmdlet for Describe {
    type Args = DescribeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let Some(f) = &a.fixture else { return Ok(()) };
        block(cx, &a.name, f, &a.tag, a.skip)
    }
}
