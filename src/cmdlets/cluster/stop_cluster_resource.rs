//! Stop-ClusterResource.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::StopClusterResourceArgs;
use crate::model::Op;

#[derive(Default)]
pub struct StopClusterResource;

impl Cmdlet for StopClusterResource {
    type Args = StopClusterResourceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(name) = util::one_name(&a.name, &a.input_object) else { return Ok(()) };
        let Some(c) = w.cluster(&cl) else { return Ok(()) };
        let Some(obj) = c.resource(&name) else {
            return cx.write_error(util::not_found("resource", &name));
        };
        let name = obj.name.clone();
        if !cx.should_process(&name, "Stop-ClusterResource")? {
            return Ok(());
        }
        let op = Op::OfflineResource { cluster: cl.clone(), resource: name.clone() };
        if util::apply_or_error(cx, op, &name)? {
            let w = lab::world(cx)?;
            if let Some(c) = w.cluster(&cl) {
                cx.write(util::resource_object(c, &name))?;
            }
        }
        Ok(())
    }
}
