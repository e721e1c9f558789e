//! Lab commands: the simulated world itself (load, save, checkpoints, clock, events,
//! identity, fault injection).

pub mod checkpoint_lab;
pub mod compare_lab;
pub mod export_lab;
pub mod get_lab;
pub mod get_lab_clock;
pub mod get_lab_event;
pub mod get_lab_node;
pub mod import_lab;
pub mod invoke_lab_fault;
pub mod invoke_runbook;
pub mod reset_lab;
pub mod restore_lab;
pub mod restore_lab_node;
pub mod set_lab_identity;
pub mod util;
