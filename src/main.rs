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

/// mimalloc keeps the memory a letter freed for the next one instead of
/// handing it back to the kernel. glibc, whose mmap threshold had to be
/// fixed at 128 KiB to keep a mail merge's resident memory flat, mapped and
/// unmapped every compressor state (~380 KB, about 13 a letter) afresh and
/// took a page fault for each of its pages: 2 080 faults and 14 ms of CPU for
/// one letter, and in a 10 000-row mail merge 15 s of system time (page
/// faults, munmap's TLB shootdowns) against 2 s with mimalloc, whose peak
/// stays flat (README, "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
