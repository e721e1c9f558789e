//! Exchange Management Shell commands on the lab's Exchange (DOMAIN.md §4).

pub mod dismount_database;
pub mod get_clustered_mailbox_server_status;
pub mod get_downtime_report;
pub mod get_exchange_server;
pub mod get_mailbox_database;
pub mod get_mailbox_server;
pub mod get_storage_group;
pub mod get_storage_group_copy_status;
pub mod get_transport_config;
pub mod mount_database;
pub mod move_clustered_mailbox_server;
pub mod restore_exchange_backup;
pub mod restore_storage_group_copy;
pub mod resume_storage_group_copy;
pub mod set_mailbox_server;
pub mod set_transport_config;
pub mod start_clustered_mailbox_server;
pub mod stop_clustered_mailbox_server;
pub mod suspend_storage_group_copy;
pub mod test_replication_health;
pub mod update_exchange_virtual_server;
pub mod update_storage_group_copy;
pub mod util;
