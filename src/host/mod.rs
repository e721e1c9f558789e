//! The host: command line, REPL, profile, history, transcripts, exit codes.
