//! Command-line arguments (clap derive: the doc comments are the help) and
//! dispatch. Nothing here is needed to use foikit as a library.

mod cases;
mod check;
mod deadline;
mod exemptions;
mod holidays;
mod new;
mod render;
mod requester;
mod templates;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    /// List the bank holidays of a year, by jurisdiction, with their source.
    Holidays(holidays::Args),
    /// Work with the letter templates.
    Templates {
        #[command(subcommand)]
        command: templates::Command,
    },
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
        Command::Holidays(args) => holidays::run(args),
        Command::Templates { command } => templates::run(command),
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

/// The bank holiday calendar, updated from `--holidays FILE`: gov.uk's
/// `bank-holidays.json`, or a YAML list of newly proclaimed days.
fn calendar(file: Option<&PathBuf>) -> Result<foikit::law::calendar::Calendar, Failure> {
    use foikit::law::calendar::Calendar;
    let Some(path) = file else { return Ok(Calendar::builtin()) };
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(Calendar::from_file_text(&text).map_err(|e| format!("{}: {e}", path.display()))?)
}
