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
