//! Get-ClusterGroup: by name, or the groups a piped node owns.

use crate::cmdlets::cluster::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetClusterGroupArgs;

#[derive(Default)]
pub struct GetClusterGroup;

impl Cmdlet for GetClusterGroup {
    type Args = GetClusterGroupArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(c) = w.cluster(&cl) else {
            return Ok(());
        };
        let mut names = a.name.clone();
        let mut owner: Option<String> = None;
        if let Some(input) = &a.input_object {
            match util::kind_of(input).as_deref() {
                Some(util::NODE) => owner = Some(lab::name_of(input)),
                _ => names.push(lab::name_of(input)),
            }
        }
        let list = util::matching(c.groups.iter().map(|g| g.name.as_str()), &names)
            .map_err(|e| cx.fail(e))?;
        for p in &names {
            if !p.contains(['*', '?']) && c.group(p).is_none() {
                cx.write_error(util::not_found("group", p))?;
            }
        }
        for g in list {
            if owner
                .as_ref()
                .is_some_and(|o| c.group(&g).is_none_or(|x| !x.owner.eq_ignore_ascii_case(o)))
            {
                continue;
            }
            cx.write(util::group_object(c, &g))?;
        }
        Ok(())
    }
}
