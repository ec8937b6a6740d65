//! `foikit review REPLY` and `foikit complain REPLY`: the requester's letters.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use foikit::case::Date;
use foikit::check::{self, Letter, LetterKind, Severity, report};
use foikit::compose::Composer;
use foikit::doc::Document;
use foikit::pipeline;
use foikit::render::Format;
use foikit::requester::{self, Reply, RequesterFile};

use super::Failure;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The authority's reply: a foikit case file, or the letter as DOCX, PDF, text or HTML.
    #[arg(required_unless_present = "new")]
    reply: Option<PathBuf>,
    /// Your requester file (YAML, JSON or TOML): name, contact, your own arguments.
    #[arg(long)]
    requester: Option<PathBuf>,
    /// Print a commented starter requester file and exit.
    #[arg(long)]
    new: bool,
    /// Output folder.
    #[arg(short, long, default_value = "out")]
    output: PathBuf,
    /// Formats to write, comma-separated: docx, pdf, txt, html.
    #[arg(short, long, value_delimiter = ',', default_value = "docx,pdf,txt")]
    format: Vec<Format>,
    /// The date of your letter (YYYY-MM-DD); default: the requester file's, or today.
    #[arg(long)]
    date: Option<String>,
    /// A folder of templates overriding the built-ins (including the grounds library).
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Write the letter even if the validator finds errors, marked DRAFT.
    #[arg(long)]
    draft: bool,
}

/// Which letter to draft.
#[derive(Debug, Clone, Copy)]
pub enum Which {
    /// A request for internal review.
    Review,
    /// A complaint to the Commissioner.
    Complaint,
}

pub fn run(args: Args, which: Which) -> Result<ExitCode, Failure> {
    foikit::render::source_date_epoch()?;
    if args.new {
        out!("{}", requester::STARTER);
        return Ok(ExitCode::SUCCESS);
    }
    let composer = Composer::new(super::template_set(args.templates.as_ref())?)?;
    let reply_path = args.reply.as_ref().ok_or("error: give the reply to respond to")?;
    let reply = load_reply(reply_path, &composer)?;
    let who = match &args.requester {
        Some(path) => foikit::case::load_as::<RequesterFile>(path, requester::facts)?,
        None => RequesterFile::default(),
    };
    let date = match (&args.date, who.date) {
        (Some(d), _) => Date::parse_iso(d)?,
        (None, Some(d)) => d,
        (None, None) => requester::today(),
    };
    let (mut doc, kind, stem, warnings) = match which {
        Which::Review => (
            composer.compose_review_request(&reply, &who, date)?,
            LetterKind::ReviewRequest,
            "review-request",
            Vec::new(),
        ),
        Which::Complaint => {
            let (doc, warnings) = composer.compose_complaint(&reply, &who, date)?;
            (doc, LetterKind::Complaint, "complaint", warnings)
        }
    };
    let warnings: Vec<String> = requester::uncited_sections(&reply, &who).into_iter().chain(warnings).collect();
    for w in &warnings {
        diagln!("warning: {w}");
    }
    let name = format!("{stem} for {}", reply.file);
    // The request's date too: FOISA s20(5) counts the review window from
    // the end of the time to reply.
    let letter = Letter {
        received: reply.requested,
        ..Letter::composed(&name, kind, reply.regime, &doc, (reply.replied, Some(date)))
    };
    let findings = check::check(&letter);
    if !findings.is_empty() {
        diag!("{}", report::human(&[], &findings));
    }
    if args.draft {
        doc.meta.draft = true;
    } else if findings.iter().any(|d| d.severity == Severity::Error) {
        diagln!("error: the validator found errors, so nothing was written; fix them, or pass --draft");
        return Ok(ExitCode::from(1));
    }
    write(&doc, &args.output, stem, &args.format)?;
    Ok(ExitCode::SUCCESS)
}

/// The reply as facts: from a case file (composed and checked) or from a letter's text.
fn load_reply(path: &Path, composer: &Composer) -> Result<Reply, Failure> {
    let name = path.display().to_string();
    if pipeline::is_case_file(path) {
        let case = foikit::case::load(path)?;
        let doc = composer.compose_reply(&case)?;
        return Ok(Reply::from_case(&name, &case, &doc));
    }
    let letter = pipeline::read_letter(path, None).map_err(|f| f.message)?;
    // Challenging a letter that decided nothing (an acknowledgement, a
    // clarification) is rarely what the requester means.
    if !letter.kind.is_reply() && letter.kind != LetterKind::ReviewOutcome {
        diagln!(
            "warning: {name} reads as a {} rather than a reply to the request; the letter drafted treats it as one",
            letter.kind
        );
    }
    Ok(Reply::from_letter(&letter))
}

/// Renders and writes every format together: all files or none are replaced.
fn write(doc: &Document, dir: &Path, stem: &str, formats: &[Format]) -> Result<(), Failure> {
    let reference = pipeline::file_stem(&doc.meta.reference);
    let name = if reference.is_empty() { stem.to_string() } else { format!("{stem}-{reference}") };
    let staged = pipeline::stage_document(doc, dir, &name, formats, None).map_err(|e| e.message)?;
    let sizes: Vec<_> = staged.iter().map(|s| (s.target().to_path_buf(), s.len())).collect();
    foikit::output::commit(staged).map_err(pipeline::error_message)?;
    for (file, size) in sizes {
        outln!("wrote {} ({size} bytes)", file.display());
    }
    Ok(())
}
