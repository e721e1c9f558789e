//! The `exsh` binary: hands the command line to the host.

/// Deeply nested scripts recurse in the evaluator; the parser bounds nesting, and this
/// stack is large enough for what it accepts.
const STACK: usize = 256 * 1024 * 1024;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = std::thread::Builder::new()
        .name("exsh".into())
        .stack_size(STACK)
        .spawn(move || exsh::host::cli::main(args))
        .map(|h| h.join().unwrap_or(1));
    let code = code.unwrap_or_else(|_| exsh::host::cli::main(std::env::args().skip(1).collect()));
    std::process::exit(code);
}

/// mimalloc: the interpreter allocates many small short-lived values, where it is
/// markedly faster than the system allocator (see scripts/bench).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
