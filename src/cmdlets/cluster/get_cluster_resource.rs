//! Get-ClusterResource: by name, or the resources of a piped group or node.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetClusterResourceArgs;

#[derive(Default)]
pub struct GetClusterResource;

impl Cmdlet for GetClusterResource {
    type Args = GetClusterResourceArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(c) = w.cluster(&cl) else {
            return Ok(());
        };
        let mut names = a.name.clone();
        let (mut group, mut node) = (None, None);
        if let Some(input) = &a.input_object {
            match util::kind_of(input).as_deref() {
                Some(util::GROUP) => group = Some(lab::name_of(input)),
                Some(util::NODE) => node = Some(lab::name_of(input)),
                _ => names.push(lab::name_of(input)),
            }
        }
        let list = util::matching(c.resources.iter().map(|r| r.name.as_str()), &names)
            .map_err(|e| cx.fail(e))?;
        for p in &names {
            if !p.contains(['*', '?']) && c.resource(p).is_none() {
                cx.write_error(util::not_found("resource", p))?;
            }
        }
        for r in list {
            let Some(res) = c.resource(&r) else { continue };
            if group
                .as_ref()
                .is_some_and(|g| !res.group.eq_ignore_ascii_case(g))
            {
                continue;
            }
            if node
                .as_ref()
                .is_some_and(|n| !c.resource_owner(res).eq_ignore_ascii_case(n))
            {
                continue;
            }
            cx.write(util::resource_object(c, &r))?;
        }
        Ok(())
    }
}
