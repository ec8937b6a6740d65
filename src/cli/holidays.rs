//! `foikit holidays [--year Y] [--jurisdiction J]`: the bank holidays the
//! working-day clock uses, with the provision or proclamation behind each.

use std::path::PathBuf;
use std::process::ExitCode;

use foikit::case::Date;
use foikit::law::calendar::{Holiday, Jurisdiction, YEARS};

use super::{Failure, OutputFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The year (default: every year foikit covers).
    #[arg(long)]
    year: Option<i32>,
    /// Only this jurisdiction: england-and-wales, scotland or northern-ireland.
    #[arg(long)]
    jurisdiction: Option<Jurisdiction>,
    /// gov.uk's bank-holidays.json, or a YAML list of newly proclaimed days
    /// (see `foikit deadline --help`).
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "text")]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let calendar = super::calendar(args.holidays.as_ref())?;
    let years = match args.year {
        Some(y) => y..=y,
        None => YEARS,
    };
    let mut days: Vec<Holiday> = Vec::new();
    for y in years {
        days.extend(calendar.holidays(y)?);
    }
    if let Some(j) = args.jurisdiction {
        days.retain(|h| h.jurisdictions.contains(&j));
    }
    match args.format {
        OutputFormat::Json => outln!("{}", serde_json::to_string_pretty(&days)?),
        OutputFormat::Text => {
            for h in &days {
                let date = Date(h.date);
                let places: Vec<&str> = h.jurisdictions.iter().map(|j| j.name()).collect();
                let places = if h.jurisdictions.len() == Jurisdiction::ALL.len() {
                    "United Kingdom".to_string()
                } else {
                    places.join(", ")
                };
                outln!("{}  {:<9} {}  [{places}]", date, h.date.weekday(), h.name);
                outln!("            source: {}", h.source);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
