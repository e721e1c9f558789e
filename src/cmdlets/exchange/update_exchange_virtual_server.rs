//! Update-ExchangeVirtualServer: Cluster Administrator's "Upgrade Exchange Virtual
//! Server" (E6), run on the console's node.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::UpdateExchangeVirtualServerArgs;
use crate::engine::value::Value;
use crate::model::Op;

#[derive(Default)]
pub struct UpdateExchangeVirtualServer;

impl Cmdlet for UpdateExchangeVirtualServer {
    type Args = UpdateExchangeVirtualServerArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        lab::require_current_node_up(cx)?;
        if !cx.should_process(&a.identity, "Upgrade Exchange Virtual Server")? {
            return Ok(());
        }
        let op = Op::UpgradeEvs {
            evs: a.identity.clone(),
        };
        lab::apply(cx, op).map_err(|e| cx.fail(lab::model_error(&e)))?;
        cx.write(Value::str(
            "The Exchange Virtual Server has been upgraded successfully.",
        ))
    }
}
