//! `foikit golden update|check CASES... --dir GOLDEN`: golden snapshots of
//! letters for CI (the library's [`foikit::golden`] does the work).

use std::path::PathBuf;
use std::process::ExitCode;

use foikit::compose::Composer;
use foikit::golden::{self, CaseFile, Produced, Settings, Which, report, source};
use foikit::render::RenderOptions;

use super::Failure;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Render every case and write its letters' snapshots (stale ones are removed).
    Update(Common),
    /// Render every case in memory and compare with the snapshots: exit 0
    /// unchanged, 1 changed (or new/stale without --allow-new), 2 bad input.
    Check {
        #[command(flatten)]
        common: Common,
        /// Letters without a snapshot and snapshots without a case do not fail the check.
        #[arg(long)]
        allow_new: bool,
        /// Report format.
        #[arg(long, default_value = "human")]
        format: Format,
    },
}

/// How a golden check is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Word-marked diffs grouped by case, with the validator's findings.
    Human,
    /// Every letter's status, its parts' diffs, changed words and findings.
    Json,
    /// SARIF 2.1.0: each change annotated on its case-file or template line.
    Sarif,
}

#[derive(Debug, clap::Args)]
pub struct Common {
    /// Case files, folders of case files (searched recursively), or quoted globs.
    #[arg(required = true)]
    cases: Vec<PathBuf>,
    /// The golden folder: one folder per case, plain-text files per letter.
    #[arg(long)]
    dir: PathBuf,
    /// A folder of templates overriding the built-ins file by file.
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Which letters, comma-separated: reply, review-outcome (default: every
    /// letter each case produces).
    #[arg(long, value_delimiter = ',')]
    letter: Vec<Which>,
    /// A YAML file of bank holidays proclaimed after this release.
    #[arg(long)]
    holidays: Option<PathBuf>,
}

pub fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Update(common) => {
            let (cases, composer, which, settings) = prepare(&common)?;
            let done = golden::update(&common.dir, produce(&cases, &composer, &which), &settings)?;
            print!("{}", report::updated(&done));
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { common, allow_new, format } => {
            let (cases, composer, which, settings) = prepare(&common)?;
            let outcome = golden::check(&common.dir, produce(&cases, &composer, &which), &settings)?;
            match format {
                Format::Human => print!("{}", report::human(&outcome, allow_new)),
                Format::Json => println!("{}", serde_json::to_string_pretty(&report::json(&outcome, allow_new))?),
                Format::Sarif => {
                    println!("{}", serde_json::to_string_pretty(&report::sarif(&outcome, allow_new))?)
                }
            }
            Ok(if outcome.passed(allow_new) { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
    }
}

fn prepare(common: &Common) -> Result<(Vec<CaseFile>, Composer, Vec<Which>, Settings), Failure> {
    let composer = Composer::new(super::template_set(common.templates.as_ref())?)?
        .with_calendar(super::calendar(common.holidays.as_ref())?);
    let cases = source::discover(&common.cases)?;
    let which = common.letter.clone();
    let settings = Settings {
        options: RenderOptions::for_document,
        letters: (!which.is_empty()).then(|| which.iter().map(|w| w.slug().to_string()).collect()),
        templates: common.templates.clone(),
    };
    Ok((cases, composer, which, settings))
}

/// Every letter of every case, composed one case at a time as the run asks.
fn produce<'a>(
    cases: &'a [CaseFile],
    composer: &'a Composer,
    which: &'a [Which],
) -> impl Iterator<Item = Result<Produced, golden::Error>> + 'a {
    cases.iter().flat_map(move |case| match source::letters(case, composer, which) {
        Ok(letters) => letters.into_iter().map(Ok).collect::<Vec<_>>(),
        Err(e) => vec![Err(e)],
    })
}
