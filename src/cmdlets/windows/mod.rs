//! Windows commands on the lab's machines: remote sessions, services, restarts,
//! hotfixes, event logs, whoami, net and shutdown.

pub mod enter_pssession;
pub mod exit_pssession;
pub mod get_event_log;
pub mod get_hot_fix;
pub mod get_service;
pub mod net;
pub mod restart_computer;
pub mod restart_service;
pub mod set_service;
pub mod shutdown;
pub mod start_service;
pub mod stop_computer;
pub mod stop_service;
pub mod util;
pub mod whoami;
