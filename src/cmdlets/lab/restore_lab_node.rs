//! Restore-LabNode: powers a node on / heals it.

use crate::cmdlets::lab::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::RestoreLabNodeArgs;
use crate::model::Op;

#[derive(Default)]
pub struct RestoreLabNode;

impl Cmdlet for RestoreLabNode {
    type Args = RestoreLabNodeArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        for n in &a.name {
            if let Err(e) = util::apply(cx, Op::RestoreNode { node: n.clone() }) {
                cx.write_error(
                    util::model_error(&e)
                        .with_target(crate::engine::value::Value::string(n.clone())),
                )?;
            }
        }
        Ok(())
    }
}
