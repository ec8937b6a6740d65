//! `foikit exemptions [--regime R]`: the catalogue.

use std::process::ExitCode;

use foikit::law::RegimeId;

use super::{Failure, OutputFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The access regime.
    #[arg(long, default_value = "foia")]
    regime: RegimeId,
    /// Output format.
    #[arg(long, default_value = "text")]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let regime = args.regime.regime();
    match args.format {
        OutputFormat::Json => outln!("{}", serde_json::to_string_pretty(regime.exemptions)?),
        OutputFormat::Text => {
            outln!("{} ({})", regime.act, regime.source);
            for d in regime.exemptions {
                let test = d.test();
                let ncnd = d.ncnd.map(|n| format!("; NCND {n}")).unwrap_or_default();
                outln!(
                    "{:>9}  {}  [{test}; {}{ncnd}]",
                    format!("{} {}", if regime.provision_word == "regulation" { "reg" } else { "s" }, d.section),
                    d.title,
                    d.harm.describe()
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
