//! Exchange Management Shell commands on the lab's Exchange (DOMAIN.md §4).

pub mod get_clustered_mailbox_server_status;
pub mod get_exchange_server;
pub mod move_clustered_mailbox_server;
pub mod start_clustered_mailbox_server;
pub mod stop_clustered_mailbox_server;
pub mod util;
