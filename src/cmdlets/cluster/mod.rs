//! The FailoverClusters commands and cluster.exe, on the lab's clusters.

pub mod add_cluster_group;
pub mod add_cluster_resource;
pub mod add_cluster_resource_dependency;
pub mod cluster_exe;
pub mod get_cluster;
pub mod get_cluster_group;
pub mod get_cluster_node;
pub mod get_cluster_owner_node;
pub mod get_cluster_quorum;
pub mod get_cluster_resource;
pub mod get_cluster_resource_dependency;
pub mod move_cluster_group;
pub mod move_cluster_resource;
pub mod remove_cluster_node;
pub mod remove_cluster_resource;
pub mod remove_cluster_resource_dependency;
pub mod resume_cluster_node;
pub mod set_cluster_owner_node;
pub mod start_cluster_group;
pub mod start_cluster_resource;
pub mod stop_cluster_group;
pub mod stop_cluster_resource;
pub mod suspend_cluster_node;
pub mod test_cluster_resource_failure;
pub mod util;
