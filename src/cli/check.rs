//! `foikit check PATH...`, `foikit explain RULE`, `foikit rules`.

use std::path::PathBuf;
use std::process::ExitCode;

use foikit::check::{Diagnostic, LetterKind, Severity, report, rules};
use foikit::compose::Composer;
use foikit::pipeline;

use super::Failure;

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// For people, rustc style.
    Human,
    /// A JSON object with a `diagnostics` array.
    Json,
    /// SARIF 2.1.0, for code-scanning in CI.
    Sarif,
}

/// The input limits, shown at the end of `foikit check --help`.
const LIMITS: &str = "Input limits (over one is bad input, exit status 2): case files 4 MiB, 1 000 items per list; letter files 32 MiB; \
a DOCX part 16 MiB and all parts 32 MiB decompressed; a PDF 2 000 pages, 8 MiB and 200 000 operators per page, \
16 MiB per object stream; 4 MiB of text per letter.";

#[derive(Debug, clap::Args)]
#[command(after_help = LIMITS)]
pub struct Args {
    /// Case files (.yaml, .yml, .json, .toml), letters (.docx, .pdf, .txt, .html), folders (searched recursively) or glob patterns.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "human")]
    format: ReportFormat,
    /// Exit 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// A folder of templates overriding the built-ins (for case files).
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Files checked at once (default: one per core).
    #[arg(short, long, default_value_t = 0)]
    jobs: usize,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    /// Judge letters as this kind instead of the kind recognised from their
    /// wording (release, refusal, holding-notice, review-request, …).
    #[arg(long)]
    kind: Option<LetterKind>,
    /// Mail merge: check the case of every row of this CSV or JSON Lines
    /// file, set over the one case file given (see `foikit render --help`).
    #[arg(long, value_name = "ROWS")]
    merge: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let composer = Composer::new(super::template_set(args.templates.as_ref())?)?;
    let (inputs, mut unreadable) = pipeline::inputs(&args.paths, pipeline::is_checkable);
    // Only a person reading the human report wants a bar.
    let quiet = args.quiet || args.format != ReportFormat::Human;
    let bar = super::progress(args.merge.is_none().then_some(inputs.len()), quiet);
    let tick = || bar.inc(1);
    let workers = pipeline::Workers::new(args.jobs, args.merge.is_none().then_some(inputs.len()))?;
    let checked = match &args.merge {
        Some(rows) => {
            let rows = super::merge_rows(&inputs, rows)?;
            let check = |row: &foikit::merge::Row| pipeline::check_case(&composer, row);
            workers.run(|| pipeline::check_batch(rows, check, &tick))
        }
        None => {
            let check = |path: &PathBuf| pipeline::check_file(&composer, path, args.kind);
            workers.run(|| pipeline::check_batch(inputs.iter().cloned().map(Ok), check, &tick))
        }
    };
    bar.finish_and_clear();
    let (readings, all) = (checked.readings, checked.findings);
    unreadable.extend(checked.failed);
    // Findings for every readable file are printed whatever else failed; an
    // unreadable file is reported on stderr and, in JSON and SARIF, in the
    // report itself, so the report stays one valid document.
    let problems: Vec<report::Unreadable> = unreadable
        .iter()
        .map(|f| report::Unreadable { file: f.file.display().to_string(), message: f.message.clone() })
        .collect();
    match args.format {
        ReportFormat::Human => out!("{}", report::human(&readings, &all)),
        ReportFormat::Json => outln!("{}", serde_json::to_string_pretty(&report::json(&readings, &all, &problems))?),
        ReportFormat::Sarif => {
            outln!("{}", serde_json::to_string_pretty(&report::sarif(&readings, &all, &problems))?)
        }
    }
    for failed in &unreadable {
        diagln!("{}", failed.message);
    }
    if !unreadable.is_empty() {
        return Ok(ExitCode::from(pipeline::exit_status(&unreadable)));
    }
    let failing = |d: &Diagnostic| d.severity == Severity::Error || args.deny_warnings;
    Ok(if all.iter().any(failing) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A rule code (FOI101) or name (missing-internal-review).
    rule: String,
}

pub fn explain(args: ExplainArgs) -> Result<ExitCode, Failure> {
    let rule = rules::find(&args.rule).ok_or_else(|| format!("error: no rule `{}` (see `foikit rules`)", args.rule))?;
    let kinds: Vec<&str> = rule.kinds.iter().map(|k| k.slug()).collect();
    outln!(
        "# {} {} ({})\n\n{}.\n\nApplies to: {}.\n\n{}\n",
        rule.code,
        rule.name,
        rule.severity,
        rule.summary,
        kinds.join(", "),
        rule.doc
    );
    Ok(ExitCode::SUCCESS)
}

pub fn list(format: super::OutputFormat) -> Result<ExitCode, Failure> {
    match format {
        super::OutputFormat::Text => {
            for r in rules::RULES {
                outln!("{}  {:30} {:8} {}", r.code, r.name, r.severity.to_string(), r.summary);
            }
        }
        super::OutputFormat::Json => {
            let list: Vec<_> = rules::RULES
                .iter()
                .map(|r| serde_json::json!({ "code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary, "help": r.help, "doc": r.doc, "kinds": r.kinds }))
                .collect();
            outln!("{}", serde_json::to_string_pretty(&list)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
