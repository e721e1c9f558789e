//! Get-ClusterQuorum.

use crate::cmdlets::cluster::get_cluster::quorum_type;
use crate::cmdlets::cluster::util;
use crate::engine::command::{Cmdlet, Cx};
use crate::engine::error::FlowResult;
use crate::engine::registry::GetClusterQuorumArgs;
use crate::engine::value::{PsObject, Value};

#[derive(Default)]
pub struct GetClusterQuorum;

impl Cmdlet for GetClusterQuorum {
    type Args = GetClusterQuorumArgs;
    fn process(&mut self, a: &Self::Args, cx: &mut Cx) -> FlowResult<()> {
        let (w, cl) = util::target(cx, &a.cluster, &a.input_object)?;
        let Some(c) = w.cluster(&cl) else {
            return Ok(());
        };
        let resource = match (&c.quorum.resource, &c.quorum.witness) {
            (Some(r), Some(wt)) => format!("{} ({})", r, wt),
            (Some(r), None) => r.clone(),
            (None, Some(wt)) => format!("File Share Witness ({})", wt),
            (None, None) => String::new(),
        };
        let mut o =
            PsObject::with_type("Microsoft.FailoverClusters.PowerShell.ClusterQuorumSettings");
        o.set("Cluster", Value::string(c.name.clone()));
        o.set("QuorumResource", Value::string(resource));
        o.set("QuorumType", Value::str(quorum_type(c.quorum.kind)));
        cx.write(Value::object(o))
    }
}
