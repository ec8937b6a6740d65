//! `foikit new [--kind refusal|release]`: a commented starter case file.

use std::process::ExitCode;

use super::Failure;

const REFUSAL: &str = include_str!("../../templates/starter/refusal.yaml");
const RELEASE: &str = include_str!("../../templates/starter/release.yaml");

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Kind {
    /// Information withheld under one or more exemptions.
    Refusal,
    /// Information released in full.
    Release,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which kind of reply to start from.
    #[arg(long, value_enum, default_value = "refusal")]
    kind: Kind,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    out!(
        "{}",
        match args.kind {
            Kind::Refusal => REFUSAL,
            Kind::Release => RELEASE,
        }
    );
    Ok(ExitCode::SUCCESS)
}
