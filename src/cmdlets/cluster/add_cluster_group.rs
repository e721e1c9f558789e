//! Add-ClusterGroup.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::AddClusterGroupArgs;
use crate::model::Op;

#[derive(Default)]
pub struct AddClusterGroup;

impl Cmdlet for AddClusterGroup {
    type Args = AddClusterGroupArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (_, cl) = util::target(cx, &a.cluster, &None)?;
        if cx.should_process(&a.name, "Add-ClusterGroup")?
            && util::apply_or_error(
                cx,
                Op::AddGroup {
                    cluster: cl.clone(),
                    group: a.name.clone(),
                },
                &a.name,
            )?
        {
            let w = lab::world(cx)?;
            if let Some(c) = w.cluster(&cl) {
                cx.write(util::group_object(c, &a.name))?;
            }
        }
        Ok(())
    }
}
