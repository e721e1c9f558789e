//! The host: command line, REPL, profile, history, transcripts, exit codes. The only
//! layer that touches the terminal, files of the user, and the process exit code.

pub mod cli;
pub mod complete;
pub mod profile;
pub mod repl;
pub mod report;
pub mod runbook;
pub mod session;
