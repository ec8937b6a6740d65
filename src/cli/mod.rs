//! Command-line arguments (clap derive: the doc comments are the help) and
//! dispatch. Nothing here is needed to use foikit as a library.

/// `print!` to stdout, returning [`StdoutError`] from the enclosing
/// function instead of panicking when stdout is closed (`| head`) or full.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::write_stdout(format_args!($($arg)*))?
    };
}

/// `println!` with the same handling as [`out!`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::cli::write_stdout(format_args!("{}\n", format_args!($($arg)*)))?
    };
}

mod cases;
mod check;
mod deadline;
mod exemptions;
mod golden;
mod holidays;
mod new;
mod render;
mod requester;
mod serve;
mod templates;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

/// foikit: UK Freedom of Information letters from structured case files.
#[derive(Debug, Parser)]
#[command(version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render a case file to a letter (DOCX and PDF by default).
    Render(render::Args),
    /// Print a commented starter case file.
    New(new::Args),
    /// Draft a request for internal review of a reply (case file, DOCX, PDF or text).
    Review(requester::Args),
    /// Draft a complaint to the Commissioner about a reply.
    Complain(requester::Args),
    /// Check case files or letters (DOCX, PDF, text) against what the law requires.
    Check(check::Args),
    /// Print a rule's documentation.
    Explain(check::ExplainArgs),
    /// List the validator's rules.
    Rules {
        /// Output format.
        #[arg(long, default_value = "text")]
        format: OutputFormat,
    },
    /// Every case in a folder: status, due date, days left or late, and the
    /// share answered in time (exit 2 after listing if a case file is broken).
    Cases(cases::Args),
    /// When a reply (or another step) is due, counting working days.
    Deadline(deadline::Args),
    /// List the exemptions of a regime.
    Exemptions(exemptions::Args),
    /// Golden snapshots of letters for CI: `update` writes them, `check` compares.
    Golden {
        #[command(subcommand)]
        command: golden::Command,
    },
    /// List the bank holidays of a year, by jurisdiction, with their source.
    Holidays(holidays::Args),
    /// A local web app for the case folder: the case list, a form for each case
    /// with live checking and letter previews, downloads, and the requester's page.
    Serve(serve::Args),
    /// Work with the letter templates.
    Templates {
        #[command(subcommand)]
        command: templates::Command,
    },
    /// Print a shell completion script (e.g. `foikit completions bash > /etc/bash_completion.d/foikit`).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `foikit man | man -l -`).
    Man,
}

/// Human-readable or machine-readable output.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum OutputFormat {
    /// For people.
    Text,
    /// For programs.
    Json,
}

/// A failure to report on stderr (exit code 2).
pub type Failure = Box<dyn std::error::Error>;

/// Standard output could not be written: the one place a closed pipe or a
/// full disk is turned from a panic into an orderly exit (see `main`).
#[derive(Debug)]
pub struct StdoutError(pub std::io::Error);

impl std::fmt::Display for StdoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error: cannot write to standard output: {}", self.0)
    }
}

impl std::error::Error for StdoutError {}

/// Writes to stdout, reporting failure rather than panicking as `print!` does.
pub fn write_stdout(args: std::fmt::Arguments) -> Result<(), StdoutError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_fmt(args).and_then(|()| out.flush()).map_err(StdoutError)
}

/// Whether colour may be used on stderr: a terminal, and `NO_COLOR`
/// (no-color.org) unset or empty.
fn colour() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Render(args) => render::run(args),
        Command::New(args) => new::run(args),
        Command::Review(args) => requester::run(args, requester::Which::Review),
        Command::Complain(args) => requester::run(args, requester::Which::Complaint),
        Command::Check(args) => check::run(args),
        Command::Explain(args) => check::explain(args),
        Command::Rules { format } => check::list(format),
        Command::Cases(args) => cases::run(args),
        Command::Deadline(args) => deadline::run(args),
        Command::Exemptions(args) => exemptions::run(args),
        Command::Golden { command } => golden::run(command),
        Command::Holidays(args) => holidays::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Templates { command } => templates::run(command),
        Command::Completions { shell } => {
            let mut buffer = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "foikit", &mut buffer);
            out!("{}", String::from_utf8_lossy(&buffer));
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let mut buffer = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buffer)?;
            out!("{}", String::from_utf8_lossy(&buffer));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Loads the template set for `--templates DIR`, warning about files that
/// override nothing.
fn template_set(dir: Option<&PathBuf>) -> Result<foikit::compose::TemplateSet, Failure> {
    let Some(dir) = dir else { return Ok(foikit::compose::TemplateSet::builtin()) };
    let set = foikit::compose::TemplateSet::with_overlay(dir)?;
    for unknown in &set.unknown {
        eprintln!(
            "warning: {} matches no built-in template and is ignored (see `foikit templates list`)",
            unknown.display()
        );
    }
    Ok(set)
}

/// A progress bar on stderr when it is a terminal and `quiet` is off;
/// otherwise one that draws nothing.
fn progress(len: usize, quiet: bool) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    let template = if colour() {
        "{bar:40.cyan/blue} {pos}/{len} letters, {per_sec}, {eta} left"
    } else {
        "{bar:40} {pos}/{len} letters, {per_sec}, {eta} left"
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// The bank holiday calendar, updated from `--holidays FILE`: gov.uk's
/// `bank-holidays.json`, or a YAML list of newly proclaimed days.
fn calendar(file: Option<&PathBuf>) -> Result<foikit::law::calendar::Calendar, Failure> {
    use foikit::law::calendar::Calendar;
    let Some(path) = file else { return Ok(Calendar::builtin()) };
    let text = std::fs::read_to_string(path).map_err(|e| format!("error: cannot read {}: {e}", path.display()))?;
    Ok(Calendar::from_file_text(&text).map_err(|e| format!("error: {}: {e}", path.display()))?)
}
