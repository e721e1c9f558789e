//! Cmdlet handlers: each turns bound, typed parameters into work and emits objects.

pub mod cluster;
pub mod core;
pub mod exchange;
pub mod installers;
pub mod lab;
pub mod pester;
pub mod windows;
