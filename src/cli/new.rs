//! `foikit new --kind K --regime R`: a commented starter case file for
//! every kind of letter a case produces, in every regime that has it.

use std::process::ExitCode;

use foikit::kind::LetterKind;
use foikit::law::RegimeId;

use super::Failure;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which letter to start from: acknowledgement, clarification, holding,
    /// release, partial, refusal, ncnd, not-held, cost-limit, vexatious,
    /// repeated, review-outcome.
    #[arg(long, default_value = "refusal")]
    kind: String,
    /// The regime: foia, eir, foisa or eisr.
    #[arg(long, default_value = "foia")]
    regime: RegimeId,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let kind = kind(&args.kind)?;
    out!("{}", foikit::starter::starter(kind, args.regime)?);
    Ok(ExitCode::SUCCESS)
}

/// The kind named on the command line; "partial" and "holding" are short
/// for partial-release and holding-notice.
fn kind(name: &str) -> Result<LetterKind, Failure> {
    let full = match name {
        "partial" => "partial-release",
        "holding" => "holding-notice",
        other => other,
    };
    Ok(full.parse::<LetterKind>()?)
}
