//! The requester's side: a reply read as `foikit check` reads it, and the
//! internal review request `foikit review` would draft from it.

use std::fmt::Write;
use std::path::Path;

use super::html::esc;
use crate::check::report::Reading;
use crate::check::{Diagnostic, Letter};
use crate::compose::Composer;
use crate::doc::Document;
use crate::read::LetterFormat;
use crate::requester::{Reply, RequesterFile};

/// Reads an uploaded or pasted reply (`file` names it; its extension says
/// the format), within the input limits.
pub fn read(file: &str, bytes: &[u8]) -> Result<Letter, String> {
    let format = LetterFormat::from_path(Path::new(file))
        .ok_or_else(|| format!("{file}: upload a DOCX, PDF, text or HTML file"))?;
    if bytes.len() as u64 > crate::limits::LETTER_FILE_BYTES {
        return Err(crate::limits::TooLarge::new(file, crate::limits::LETTER_FILE_BYTES, "bytes").to_string());
    }
    crate::read::letter(file, format, bytes, None).map_err(|e| e.to_string())
}

/// The review request drafted from `letter`, dated today, checked as
/// `foikit review` checks it (marked DRAFT when the validator finds errors).
pub fn draft(composer: &Composer, letter: &Letter, who: &RequesterFile) -> Result<Document, String> {
    let reply = Reply::from_letter(letter);
    let date = crate::requester::today();
    let mut doc = composer.compose_review_request(&reply, who, date).map_err(|e| e.to_string())?;
    let name = format!("review-request for {}", reply.file);
    let checked = Letter {
        received: reply.requested,
        ..Letter::composed(
            &name,
            crate::check::LetterKind::ReviewRequest,
            reply.regime,
            &doc,
            (reply.replied, Some(date)),
        )
    };
    doc.meta.draft = crate::check::check(&checked).iter().any(|d| d.severity == crate::check::Severity::Error);
    Ok(doc)
}

/// What the reply was read as and what the validator found, as HTML.
pub fn describe(letter: &Letter, findings: &[Diagnostic]) -> String {
    let r = Reading::of(letter);
    let mut out = String::from("<dl class=\"facts\" id=\"reading\">\n");
    let mut fact = |k: &str, v: String| {
        if !v.is_empty() {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(&v));
        }
    };
    fact("Read as", format!("{} under the {}", r.kind, r.regime.name()));
    fact("Because of the words", r.evidence.clone().unwrap_or_default());
    fact("Reference", r.reference.clone().unwrap_or_default());
    fact("Authority", r.authority.clone().unwrap_or_default());
    fact("Dated", r.date.map(|d| d.iso()).unwrap_or_default());
    fact("Request received", r.received.map(|d| d.iso()).unwrap_or_default());
    fact("Provisions relied on", r.exemptions.join(", "));
    fact("Appears incomplete", r.incomplete.clone().unwrap_or_default());
    out.push_str("</dl>\n<div id=\"findings\">");
    if findings.is_empty() {
        out.push_str("<p class=\"ok\">foikit found nothing missing from this reply.</p>");
    } else {
        let _ = write!(out, "<h3>What foikit found ({})</h3>", findings.len());
        for d in findings {
            out.push_str(&super::assess::note(d));
        }
    }
    out.push_str("</div>\n");
    out
}
