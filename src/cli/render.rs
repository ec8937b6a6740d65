//! `foikit render CASE|FOLDER|GLOB... -o DIR`

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use foikit::check::LetterKind;
use foikit::compose::Composer;
use foikit::doc::BodyFont;
use foikit::pipeline::{self, CaseLetter, RenderSettings};
use foikit::render::Format;

use super::Failure;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Case files (.yaml, .yml, .json or .toml), folders (searched recursively) or glob patterns.
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
    /// The organisation's Word file (.docx or .dotx) whose styles, page size, margins,
    /// headers and footers the DOCX letters take, as pandoc's option of this name does;
    /// overrides a `reference_doc` in the authority profile.
    #[arg(long, value_name = "FILE")]
    reference_doc: Option<PathBuf>,
    /// Render even if the validator finds errors, marking every page DRAFT.
    #[arg(long)]
    draft: bool,
    /// Which letter of the case to render; default: the one its stage calls
    /// for (acknowledgement → clarification → holding notice → reply → review outcome).
    #[arg(long, value_enum)]
    letter: Option<Which>,
    /// Letters rendered at once (default: one per core).
    #[arg(short, long, default_value_t = 0)]
    jobs: usize,
    /// Stop at the first bad case and write nothing (by default every good letter is written).
    #[arg(long)]
    fail_fast: bool,
    /// The PDF body font: a TrueType font file (.ttf, or an OpenType file
    /// with TrueType outlines), subset and embedded; overrides `house.font`.
    #[arg(long, value_name = "FILE")]
    font: Option<PathBuf>,
    /// The bold face for `--font` (default: bold text in the regular face).
    #[arg(long, value_name = "FILE", requires = "font")]
    font_bold: Option<PathBuf>,
    /// Print only errors: no progress bar, no list of files written, no summary.
    #[arg(short, long)]
    quiet: bool,
    /// Mail merge: one letter per row of this CSV or JSON Lines file, its
    /// fields set over the one case file given (the base). CSV headers are
    /// field paths such as `requester.name`, `request.received` or
    /// `requester.address.0`; a JSON Lines row is part of a case. See the
    /// README's "Mail merge".
    #[arg(long, value_name = "ROWS")]
    merge: Option<PathBuf>,
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
    /// The letter this selects from each case.
    fn letter(self) -> CaseLetter {
        match self {
            Which::Acknowledgement => CaseLetter::Kind(LetterKind::Acknowledgement),
            Which::Clarification => CaseLetter::Kind(LetterKind::Clarification),
            Which::HoldingNotice => CaseLetter::Kind(LetterKind::HoldingNotice),
            Which::Reply => CaseLetter::Reply,
            Which::ReviewOutcome => CaseLetter::Kind(LetterKind::ReviewOutcome),
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let started = Instant::now();
    foikit::render::source_date_epoch()?;
    let composer = Composer::new(super::template_set(args.templates.as_ref())?)?
        .with_calendar(super::calendar(args.holidays.as_ref())?);
    let reference_doc = args.reference_doc.as_deref().map(foikit::render::docx::ReferenceDoc::load).transpose()?;
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    let settings = RenderSettings {
        output: args.output.clone(),
        formats,
        letter: args.letter.map_or(CaseLetter::Stage, Which::letter),
        draft: args.draft,
        fail_fast: args.fail_fast,
        reference_doc: reference_doc.map(std::sync::Arc::new),
        font: args.font.clone().map(|regular| BodyFont { regular, bold: args.font_bold.clone(), italic: None }),
    };
    foikit::output::clean_stale(&args.output);
    let (inputs, mut unreadable) = pipeline::inputs(&args.cases, pipeline::is_case_file);
    let workers = pipeline::Workers::new(args.jobs, args.merge.is_none().then_some(inputs.len()))?;
    let bar = super::progress(args.merge.is_none().then_some(inputs.len()), args.quiet);
    let tick = || bar.inc(1);
    let report = match &args.merge {
        Some(rows) => {
            let rows = super::merge_rows(&inputs, rows)?;
            workers.run(|| pipeline::render_batch(&composer, rows, &settings, &tick))
        }
        None => workers.run(|| pipeline::render_batch(&composer, inputs.iter().cloned().map(Ok), &settings, &tick)),
    };
    bar.finish_and_clear();

    for (_, findings) in &report.findings {
        diag!("{findings}");
    }
    unreadable.extend(report.failed.iter().cloned());
    for failed in &unreadable {
        diagln!("{}", failed.message);
    }
    if let Some(why) = &report.held_back {
        diagln!("error: {why}");
    }
    if !args.quiet {
        // One write for the whole list: 20 000 lines in a 10 000-row merge.
        let wrote: String =
            report.written.iter().map(|(file, size)| format!("wrote {} ({size} bytes)\n", file.display())).collect();
        out!("{wrote}");
        let refused = unreadable.iter().filter(|f| f.kind == pipeline::FailKind::Refused).count();
        diagln!(
            "{} letter{} rendered as {}; {} file{} written; {} input{} failed{}; {:.2} s",
            report.letters,
            plural(report.letters),
            settings.formats.iter().map(|f| f.extension()).collect::<Vec<_>>().join("+"),
            report.written.len(),
            plural(report.written.len()),
            unreadable.len(),
            plural(unreadable.len()),
            if refused > 0 {
                format!(" ({refused} refused by the validator: fix them, or pass --draft)")
            } else {
                String::new()
            },
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(ExitCode::from(pipeline::exit_status(&unreadable)))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
