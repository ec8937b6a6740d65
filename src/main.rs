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
    fixed_mmap_threshold();
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

/// glibc raises its mmap threshold each time a large block is freed; after
/// that, the ~380 KB compressor state each DOCX and PDF allocates comes from
/// the heap and fragments it, so a 10 000-row mail merge grew to 150 MB
/// resident (2.4 GB with one malloc arena) while its live heap stayed under
/// 1 MB. A fixed threshold keeps such blocks mapped and returned on free
/// (26 MB measured). Other platforms' allocators do not need this.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fixed_mmap_threshold() {
    // SAFETY: mallopt only tunes the allocator; it runs before any other
    // thread exists, and glibc accepts any threshold up to 32 MiB.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fixed_mmap_threshold() {}
