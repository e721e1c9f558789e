//! The `exsh` binary: hands the command line to the host.
fn main() {}
