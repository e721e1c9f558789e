//! exsh: a PowerShell-style shell whose commands act on a simulated Windows failover
//! cluster running Exchange. See `src/README.md` for the map of modules.

pub mod cmdlets;
pub mod engine;
pub mod format;
pub mod host;
pub mod lang;
pub mod model;
pub mod testing;
