//! `foikit exemptions [--regime R]`: the catalogue.

use std::process::ExitCode;

use foikit::law::{Kind, RegimeId};

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
                let test = match (d.kind, d.absolute, d.absolute_subsections) {
                    (Kind::RefusalGround, _, _) => "refusal ground".to_string(),
                    _ if d.no_public_interest_test.is_some() => "no public interest test".to_string(),
                    (_, true, _) => "absolute".to_string(),
                    (_, false, []) => "qualified".to_string(),
                    (_, false, subs) => format!(
                        "qualified; absolute: {}",
                        subs.iter().map(|s| format!("{}{s}", d.section)).collect::<Vec<_>>().join(", ")
                    ),
                };
                let ncnd = d.ncnd.map(|n| format!("; NCND {n}")).unwrap_or_default();
                outln!(
                    "{:>9}  {}  [{test}; {}{ncnd}]",
                    format!("{} {}", if regime.provision_word == "regulation" { "reg" } else { "s" }, d.section),
                    d.title,
                    harm(d.harm)
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn harm(h: foikit::law::Harm) -> &'static str {
    use foikit::law::Harm::*;
    match h {
        Class => "class-based",
        Prejudice => "prejudice",
        SubstantialPrejudice => "substantial prejudice",
        RequiredFor => "\"required for\"",
        Endangerment => "endangerment",
        AdverselyAffect => "adverse effect",
        Cost => "cost",
        Conduct => "the request's character",
    }
}
