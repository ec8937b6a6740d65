//! The `foikit` command: a thin layer over the library.
//!
//! Exit codes: 0 success; 1 the letter has errors the validator found
//! (reserved for `check`); 2 the input or the environment is wrong (an
//! invalid case file, an unreadable file, bad arguments).

mod cli;

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        // The reader went away (`| head`): nothing is wrong, stop quietly.
        Err(e) if e.downcast_ref::<cli::StdoutError>().is_some_and(|o| o.0.kind() == ErrorKind::BrokenPipe) => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            cli::write_stderr(format_args!("{}\n", foikit::pipeline::error_message(e)));
            ExitCode::from(2)
        }
    }
}

/// mimalloc keeps the memory a letter freed for the next one. glibc, with
/// its mmap threshold fixed at 128 KiB (without which a 10 000-row mail merge
/// fragmented its heap to 150 MB), mapped, zeroed and unmapped large blocks
/// afresh: 1 053 page faults for one letter (357 with mimalloc), and 10.0 s
/// of CPU for a 10 000-row merge (7.8 s), whose peak stays flat (46 MB).
/// Version 2: version 3 peaked at 54 MB for 1 000 letters against 38 MB
/// (README, "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
