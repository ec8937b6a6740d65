//! `foikit cases DIR`: every case in a folder, what is due and what is late.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use foikit::case::Date;
use foikit::cases::{self, Filter};

use super::Failure;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder of case files (subfolders included).
    dir: PathBuf,
    /// Only open cases due within this many working days (today counts as 0).
    #[arg(long, value_name = "N")]
    due_within: Option<u32>,
    /// Only open cases past their due date (with --due-within: either).
    #[arg(long)]
    overdue: bool,
    /// The day to report as at (YYYY-MM-DD); default today
    /// (SOURCE_DATE_EPOCH when set, else the clock). Letters dated later
    /// count as not yet sent.
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// A YAML file of bank holidays proclaimed after this release (as for `foikit deadline`).
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Output format: a table for people, or JSON or CSV for programs.
    #[arg(long, default_value = "human")]
    format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
    Csv,
}

/// Exit 0, or 2 once everything is listed if any case file was broken.
pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let calendar = super::calendar(args.holidays.as_ref())?;
    let today = match &args.today {
        Some(s) => Date::parse_iso(s)?,
        None => foikit::requester::today(),
    };
    let register = cases::register(&args.dir, &calendar, today)
        .map_err(|e| format!("cannot read the folder {}: {e}", args.dir.display()))?;
    let summary = register.summary();
    let register = register.filtered(Filter { due_within: args.due_within, overdue: args.overdue });
    let text = match args.format {
        Format::Human => cases::human(&register, &summary),
        Format::Json => {
            let json = serde_json::json!({
                "today": register.today,
                "cases": register.cases,
                "broken": register.broken,
                "summary": summary,
            });
            format!("{}\n", serde_json::to_string_pretty(&json)?)
        }
        Format::Csv => {
            for b in &register.broken {
                diagln!("broken: {}: {}", b.file, b.message);
            }
            cases::csv(&register)
        }
    };
    // A register is often piped into `head` or `less`: a reader that stops
    // early is not an error.
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(if register.broken.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
}
