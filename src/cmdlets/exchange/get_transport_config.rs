//! Get-TransportConfig.

use crate::cmdlets::lab::util as lab;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetTransportConfigArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetTransportConfig;

impl Cmdlet for GetTransportConfig {
    type Args = GetTransportConfigArgs;
    fn process(&mut self, _a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let w = lab::world(cx)?;
        let t = &w.exchange.transport;
        let mut o = PsObject::with_type(
            "Microsoft.Exchange.Data.Directory.SystemConfiguration.TransportConfigContainer",
        );
        o.set(
            "MaxDumpsterSizePerStorageGroup",
            Value::string(format!("{}MB", t.max_dumpster_size_mb)),
        );
        o.set(
            "MaxDumpsterTime",
            Value::TimeSpan(t.max_dumpster_time * 10_000_000),
        );
        o.set("MaxReceiveSize", Value::str("10MB"));
        o.set("MaxSendSize", Value::str("10MB"));
        o.set("MaxRecipientEnvelopeLimit", Value::Int(5000));
        o.set("Identity", Value::str("Transport Settings"));
        cx.write(Value::object(o))
    }
}
