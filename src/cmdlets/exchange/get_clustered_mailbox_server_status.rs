//! Get-ClusteredMailboxServerStatus (X4).

use crate::cmdlets::exchange::util;
use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetClusteredMailboxServerStatusArgs;

#[derive(Default)]
pub struct GetClusteredMailboxServerStatus;

impl Cmdlet for GetClusteredMailboxServerStatus {
    type Args = GetClusteredMailboxServerStatusArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = lab::world(cx)?;
        let list: Vec<_> = w
            .exchange
            .clustered_mailbox_servers
            .iter()
            .filter(|c| {
                a.identity
                    .as_ref()
                    .is_none_or(|i| c.name.eq_ignore_ascii_case(i))
            })
            .cloned()
            .collect();
        if list.is_empty() {
            if let Some(i) = &a.identity {
                let e = lab::model_error(&crate::model::ModelError::other(
                    format!("The operation could not be performed because object '{}' could not be found on domain controller.", i),
                    crate::model::ErrorKind::NotFound,
                ));
                return Err(cx.fail(e));
            }
        }
        for c in &list {
            cx.write(util::status_object(&w, c))?;
        }
        Ok(())
    }
}
