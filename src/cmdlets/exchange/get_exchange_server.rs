//! Get-ExchangeServer: the CMSs under their own names, and the Exchange servers that are
//! not cluster nodes.

use crate::cmdlets::exchange::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::ops;
use crate::engine::registry::GetExchangeServerArgs;

#[derive(Default)]
pub struct GetExchangeServer;

impl Cmdlet for GetExchangeServer {
    type Args = GetExchangeServerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = lab::world(cx)?;
        let mut list: Vec<(String, String, String, bool)> = Vec::new();
        for s in &w.servers {
            let (Some(v), None) = (&s.exchange_version, &s.cluster) else {
                continue;
            };
            // Exchange 2000/2003 servers have no Exchange 2007 server role: `None`.
            let roles = if v.starts_with('8') {
                s.roles.join(", ")
            } else {
                "None".to_string()
            };
            list.push((s.name.clone(), roles, v.clone(), false));
        }
        for c in &w.exchange.clustered_mailbox_servers {
            list.push((c.name.clone(), "Mailbox".into(), c.version.clone(), true));
        }
        for e in &w.exchange.virtual_servers {
            list.push((e.name.clone(), "None".into(), e.version.clone(), false));
        }
        list.sort_by_key(|x| x.0.to_lowercase());
        let pattern = a.identity.clone().unwrap_or_else(|| "*".into());
        let re = ops::wildcard_regex(&pattern, false).map_err(|e| cx.fail(e))?;
        let mut any = false;
        for (n, roles, v, cms) in list {
            if re.is_match(&n) {
                any = true;
                cx.write(util::server_object(&w, &n, &roles, &v, cms))?;
            }
        }
        if !any && !pattern.contains(['*', '?']) {
            let e = lab::model_error(&crate::model::ModelError::other(
                format!("The operation could not be performed because object '{}' could not be found on domain controller.", pattern),
                crate::model::ErrorKind::NotFound,
            ));
            cx.write_error(e)?;
        }
        Ok(())
    }
}
