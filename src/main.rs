//! The `foikit` command: a thin layer over the library.
//!
//! Exit codes: 0 success; 1 the letter has errors the validator found
//! (reserved for `check`); 2 the input or the environment is wrong (an
//! invalid case file, an unreadable file, bad arguments).

mod cli;

use std::ffi::{c_int, c_long};
use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let code = run();
    exit_without_purging();
    code
}

fn run() -> ExitCode {
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

/// `mi_option_purge_delay` in mimalloc's `mi_option_t` (v2's
/// `include/mimalloc.h`; the `mimalloc` crate does not name it): how long
/// freed memory waits before it is returned to the OS; -1 never.
const MI_OPTION_PURGE_DELAY: c_int = 15;

unsafe extern "C" {
    fn mi_option_set(option: c_int, value: c_long);
    #[cfg(test)]
    fn mi_option_get(option: c_int) -> c_long;
}

/// The command is done: tells mimalloc not to hand memory back on the way
/// out. At exit it purges every freed range (`madvise(MADV_DONTNEED)` of
/// 27 MB for one letter, splitting the huge pages it had asked for), work
/// the kernel then repeats when it unmaps the whole process.
fn exit_without_purging() {
    // SAFETY: mimalloc's options are atomics it reads on each purge; setting
    // one is allowed at any time.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_named() {
        // Defaults (options.c): eager_commit_delay 1, purge_delay 10 ms,
        // use_numa_nodes 0; a renumbered enum shifts these.
        if std::env::vars_os().all(|(name, _)| !name.to_string_lossy().starts_with("MIMALLOC_")) {
            let around: Vec<c_long> =
                (MI_OPTION_PURGE_DELAY - 1..=MI_OPTION_PURGE_DELAY + 1).map(|o| unsafe { mi_option_get(o) }).collect();
            assert_eq!(around, [1, 10, 0]);
        }
    }
}
