//! `foikit render CASE... -o DIR`

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use foikit::check::{self, Letter, LetterKind, Severity, report};
use foikit::compose::Composer;
use foikit::render::{self, Format, RenderOptions};

use super::Failure;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Case files (.yaml, .yml, .json or .toml).
    #[arg(required = true)]
    cases: Vec<PathBuf>,
    /// Output folder; files are named after the case reference.
    #[arg(short, long, default_value = "out")]
    output: PathBuf,
    /// Formats to write, comma-separated: docx, pdf, txt, html.
    #[arg(short, long, value_delimiter = ',', default_value = "docx,pdf")]
    format: Vec<Format>,
    /// A folder of templates overriding the built-ins file by file.
    #[arg(long)]
    templates: Option<PathBuf>,
    /// A YAML file of bank holidays proclaimed after this release (see `foikit deadline --help`).
    #[arg(long)]
    holidays: Option<PathBuf>,
    /// Render even if the validator finds errors, marking every page DRAFT.
    #[arg(long)]
    draft: bool,
    /// Which letter of the case to render; default: the one its stage calls
    /// for (acknowledgement → clarification → holding notice → reply → review outcome).
    #[arg(long, value_enum)]
    letter: Option<Which>,
}

/// The authority's letters a case file can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Which {
    /// The acknowledgement, with the due date.
    Acknowledgement,
    /// A request for clarification (the case needs `clarification`).
    Clarification,
    /// A holding notice (the case needs `extension`).
    HoldingNotice,
    /// The reply to the request (the case needs `response`).
    Reply,
    /// The internal review outcome (the case needs `internal_review`).
    ReviewOutcome,
}

impl Which {
    /// The kind of letter this selects for `case`.
    fn kind(self, case: &foikit::case::Case) -> Result<LetterKind, Failure> {
        Ok(match self {
            Which::Acknowledgement => LetterKind::Acknowledgement,
            Which::Clarification => LetterKind::Clarification,
            Which::HoldingNotice => LetterKind::HoldingNotice,
            Which::Reply => case.reply_kind().ok_or("the case has no `response` yet: add the decision")?,
            Which::ReviewOutcome => LetterKind::ReviewOutcome,
        })
    }
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let composer = Composer::new(super::template_set(args.templates.as_ref())?)?
        .with_calendar(super::calendar(args.holidays.as_ref())?);
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    // Everything is read, validated and rendered in memory first: a bad case
    // anywhere in the batch means no file is written or replaced.
    let mut outputs = Vec::new();
    let mut refused = false;
    for path in &args.cases {
        let case = foikit::case::load(path)?;
        let name = path.display().to_string();
        let kind = match args.letter {
            Some(which) => which.kind(&case)?,
            None => case.stage_kind(),
        };
        let mut doc = composer.compose_letter(&case, kind)?;
        let source = foikit::redact::read(path).unwrap_or_default();
        let format = foikit::case::SourceFormat::from_path(path).unwrap_or(foikit::case::SourceFormat::Yaml);
        let letter = Letter::from_case(&name, &case, kind, &doc).with_source(source, format);
        let findings = check::check(&letter);
        if !findings.is_empty() {
            eprint!("{}", report::human(&[], &findings));
        }
        if args.draft {
            doc.meta.draft = true;
        } else if findings.iter().any(|d| d.severity == Severity::Error) {
            refused = true;
            continue;
        }
        let opts = RenderOptions::for_document(&doc);
        for &format in &formats {
            let bytes = render::render(&doc, format, &opts)?;
            let prefix = kind.written().map_or("", |w| w.prefix);
            let file = args.output.join(format!("{prefix}{}.{}", file_stem(&doc.meta.reference), format.extension()));
            outputs.push((file, bytes));
        }
    }
    if refused {
        eprintln!(
            "error: the validator found errors, so nothing was written; fix them, or pass --draft to render a marked draft"
        );
        return Ok(ExitCode::from(1));
    }
    fs::create_dir_all(&args.output).map_err(|e| format!("cannot create {}: {e}", args.output.display()))?;
    for (file, bytes) in &outputs {
        foikit::output::write_atomic(file, bytes).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        println!("wrote {} ({} bytes)", file.display(), bytes.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// References may contain `/`; a file name may not.
fn file_stem(reference: &str) -> String {
    reference.replace(['/', '\\'], "-")
}
