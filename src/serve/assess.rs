//! What the clerk sees beside the form: the case read as `foikit render`
//! reads it (errors with their field paths), the validator's findings on the
//! chosen letter, and that letter, rendered by the HTML backend.

use std::path::Path;

use serde_json::Value;

use super::fields::{self, Marks};
use super::html::esc;
use super::value;
use crate::case::{self, Case, CaseError, SourceFormat, locate};
use crate::check::{self, Diagnostic, LetterKind, Severity};
use crate::compose::Composer;
use crate::doc::Document;
use crate::pipeline::{self, CaseLetter};

/// The letters of a case's life, as `render --letter` names them.
pub const LETTERS: &[(&str, &str)] = &[
    ("acknowledgement", "Acknowledgement"),
    ("clarification", "Clarification request"),
    ("holding-notice", "Holding notice"),
    ("reply", "Reply"),
    ("review-outcome", "Internal review outcome"),
];

/// The letter `slug` names.
pub fn letter(slug: &str) -> Option<CaseLetter> {
    Some(match slug {
        "acknowledgement" => CaseLetter::Kind(LetterKind::Acknowledgement),
        "clarification" => CaseLetter::Kind(LetterKind::Clarification),
        "holding-notice" => CaseLetter::Kind(LetterKind::HoldingNotice),
        "reply" => CaseLetter::Reply,
        "review-outcome" => CaseLetter::Kind(LetterKind::ReviewOutcome),
        _ => return None,
    })
}

/// The slug of the letter a case's stage calls for.
fn stage_slug(case: &Case) -> &'static str {
    match case.stage_kind() {
        LetterKind::Acknowledgement => "acknowledgement",
        LetterKind::Clarification => "clarification",
        LetterKind::HoldingNotice => "holding-notice",
        LetterKind::ReviewOutcome => "review-outcome",
        _ => "reply",
    }
}

/// The case form's state, checked.
pub struct Assessment {
    /// The case file text the form stands for.
    pub source: String,
    /// Errors and notes by field.
    pub marks: Marks,
    /// Problems no field shows, as text.
    pub general: Vec<String>,
    /// The case, when it reads.
    pub case: Option<Case>,
    /// The letters this case can produce (slug, label), and the one chosen.
    pub letters: Vec<(&'static str, &'static str)>,
    /// The chosen letter's slug.
    pub chosen: Option<&'static str>,
    /// The chosen letter, composed (marked DRAFT when the validator found errors).
    pub document: Option<Document>,
    /// The validator's findings on it.
    pub findings: Vec<Diagnostic>,
}

impl Assessment {
    /// Whether the case file reads (letter findings do not stop a save).
    pub fn readable(&self) -> bool {
        self.case.is_some()
    }
}

/// Reads `value` as a case file named `name` in `dir` would be read, and
/// composes and checks the letter `wanted` (default: the stage's).
pub fn assess(composer: &Composer, value: &Value, source: String, dir: &Path, name: &str, wanted: &str) -> Assessment {
    let paths = fields::field_paths(value);
    let outline = locate::yaml_outline(&source);
    let mut a = Assessment {
        source,
        marks: Marks::default(),
        general: Vec::new(),
        case: None,
        letters: Vec::new(),
        // Kept while the case does not read, so the clerk's choice survives a fix.
        chosen: LETTERS.iter().map(|(s, _)| *s).find(|s| *s == wanted),
        document: None,
        findings: Vec::new(),
    };
    match case::parse_at(&a.source, SourceFormat::Yaml, name, dir) {
        Err(e) => problems(&e, &paths, &outline, &mut a),
        Ok(case) => {
            a.letters = LETTERS
                .iter()
                .copied()
                .filter(|(slug, _)| {
                    letter(slug).and_then(|l| l.kind(&case).ok()).is_some_and(|k| case.letter_date(k).is_some())
                })
                .collect();
            let slug = a.letters.iter().find(|(s, _)| *s == wanted).map_or(stage_slug(&case), |(s, _)| *s);
            a.chosen = Some(slug);
            compose(composer, &case, slug, name, &paths, &outline, &mut a);
            a.case = Some(case);
        }
    }
    a
}

fn compose(
    composer: &Composer,
    case: &Case,
    slug: &'static str,
    name: &str,
    paths: &[String],
    outline: &[locate::Entry],
    a: &mut Assessment,
) {
    let Some(kind) = letter(slug).and_then(|l| l.kind(case).ok()) else { return };
    match pipeline::compose(composer, case, kind, name, (a.source.clone(), SourceFormat::Yaml)) {
        Err(e) => a.general.push(e.to_string()),
        Ok((mut doc, checked)) => {
            let findings = check::check(&checked);
            doc.meta.draft = findings.iter().any(|d| d.severity == Severity::Error);
            for d in &findings {
                let field = d
                    .location
                    .line
                    .and_then(|line| locate::yaml_path_at(outline, line))
                    .and_then(|p| fields::attach(paths, &value::from_case_path(p)));
                if let Some(field) = field {
                    a.marks.notes.entry(field).or_default().push(note(d));
                }
            }
            a.findings = findings;
            a.document = Some(doc);
        }
    }
}

fn problems(e: &CaseError, paths: &[String], outline: &[locate::Entry], a: &mut Assessment) {
    let list = e.problems();
    if list.is_empty() {
        a.general.push(e.to_string());
    }
    for p in list {
        let path = if p.path.is_empty() {
            p.line.and_then(|l| locate::yaml_path_at(outline, l)).unwrap_or_default().to_string()
        } else {
            p.path.clone()
        };
        match fields::attach(paths, &value::from_case_path(&path)) {
            Some(field) if !path.is_empty() => a.marks.errors.entry(field).or_default().push(p.message.clone()),
            _ => a.general.push(if path.is_empty() { p.message.clone() } else { format!("`{path}`: {}", p.message) }),
        }
    }
}

/// A validator finding beside its field, with the rule's explanation.
pub fn note(d: &Diagnostic) -> String {
    let doc = crate::check::rules::find(d.code).map_or("", |r| r.doc);
    format!(
        "<div class=\"note note--{sev}\"><strong>{sev_word} {code}</strong> {msg}<details><summary>Why ({name})</summary><p>{help}</p><pre class=\"explain\">{doc}</pre></details></div>",
        sev = if d.severity == Severity::Error { "error" } else { "warning" },
        sev_word = if d.severity == Severity::Error { "Error" } else { "Warning" },
        code = esc(d.code),
        msg = esc(&d.message),
        name = esc(d.name),
        help = esc(d.help),
        doc = esc(doc),
    )
}
