//! The simulated world: clusters, nodes, groups, resources, servers, services, accounts,
//! the simulated clock and the event log. It knows nothing of the shell: it is a state
//! machine whose only door is [`World::apply`] (see `apply.rs`), and it serializes to lab
//! files (see `labs.rs`). DOMAIN.md is its specification.

pub mod admin;
pub mod apply;
pub mod backup;
pub mod cms_setup;
pub mod diff;
pub mod error;
pub mod evs;
pub mod exchange;
pub mod installers;
pub mod labs;
pub mod query;
pub mod types;

pub use apply::{Actor, Fault, Op, ServiceAction};
pub use error::{ErrorKind, LabError, ModelError};
pub use types::*;
