//! `foikit check PATH...`, `foikit explain RULE`, `foikit rules`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use foikit::case::SourceFormat;
use foikit::check::report::Reading;
use foikit::check::{self, Diagnostic, Letter, LetterKind, Severity, report, rules};
use foikit::compose::Composer;
use foikit::read::{self, LetterFormat};

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

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Case files (.yaml, .yml, .json, .toml) or letters (.docx, .pdf, .txt, .html).
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
    /// Judge letters as this kind instead of the kind recognised from their
    /// wording (release, refusal, holding-notice, review-request, …).
    #[arg(long)]
    kind: Option<LetterKind>,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    let composer = Composer::new(super::template_set(args.templates.as_ref())?)?;
    let mut all = Vec::new();
    let mut readings = Vec::new();
    for path in &args.paths {
        let letter = read_path(path, &composer, args.kind)?;
        all.extend(check::check(&letter));
        readings.push(Reading::of(&letter));
    }
    match args.format {
        ReportFormat::Human => print!("{}", report::human(&readings, &all)),
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report::json(&readings, &all))?),
        ReportFormat::Sarif => println!("{}", serde_json::to_string_pretty(&report::sarif(&readings, &all))?),
    }
    let failing = |d: &Diagnostic| d.severity == Severity::Error || args.deny_warnings;
    Ok(if all.iter().any(failing) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// The letter in one file: a case file is validated and composed; any other
/// file is read as a letter (as `kind`, when given).
fn read_path(path: &Path, composer: &Composer, kind: Option<LetterKind>) -> Result<Letter, Failure> {
    let name = path.display().to_string();
    if SourceFormat::from_path(path).is_some() {
        let case = foikit::case::load(path)?;
        let kind = case.stage_kind();
        let doc = composer.compose_letter(&case, kind)?;
        let source = foikit::redact::read(path).map_err(|e| format!("error: cannot read {name}: {e}"))?;
        let format = SourceFormat::from_path(path).expect("checked above");
        return Ok(Letter::from_case(&name, &case, kind, &doc).with_source(source, format));
    }
    let format = LetterFormat::from_path(path).ok_or_else(|| {
        format!(
            "error: cannot tell what {name} is: use .yaml/.json/.toml for case files, .docx/.pdf/.txt/.html for letters"
        )
    })?;
    let bytes = std::fs::read(path).map_err(|e| format!("error: cannot read {name}: {e}"))?;
    Ok(read::letter(&name, format, &bytes, kind)?)
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A rule code (FOI101) or name (missing-internal-review).
    rule: String,
}

pub fn explain(args: ExplainArgs) -> Result<ExitCode, Failure> {
    let rule = rules::find(&args.rule).ok_or_else(|| format!("error: no rule `{}` (see `foikit rules`)", args.rule))?;
    let kinds: Vec<&str> = rule.kinds.iter().map(|k| k.slug()).collect();
    println!(
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
                println!("{}  {:30} {:8} {}", r.code, r.name, r.severity.to_string(), r.summary);
            }
        }
        super::OutputFormat::Json => {
            let list: Vec<_> = rules::RULES
                .iter()
                .map(|r| serde_json::json!({ "code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary, "help": r.help, "doc": r.doc, "kinds": r.kinds }))
                .collect();
            println!("{}", serde_json::to_string_pretty(&list)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}
