//! The `exsh` binary: hands the command line to the host.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = exsh::host::cli::main(args);
    std::process::exit(code);
}
