//! Stop-ClusterGroup.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StopClusterGroupArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StopClusterGroup;

impl Cmdlet for StopClusterGroup {
    type Args = StopClusterGroupArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(name) = util::one_name(&a.name, &a.input_object) else { return Ok(()) };
        let Some(c) = w.cluster(&cl) else { return Ok(()) };
        let Some(obj) = c.group(&name) else {
            return cx.write_error(util::not_found("group", &name));
        };
        let name = obj.name.clone();
        if !cx.should_process(&name, "Stop-ClusterGroup")? {
            return Ok(());
        }
        let op = Op::OfflineGroup { cluster: cl.clone(), group: name.clone() };
        if util::apply_or_error(cx, op, &name)? {
            let w = lab::world(cx)?;
            if let Some(c) = w.cluster(&cl) {
                cx.write(util::group_object(c, &name))?;
            }
        }
        Ok(())
    }
}
