//! The facts of the reply a requester is challenging.

use crate::case::{Case, Date};
use crate::check::{self, Diagnostic, Letter, LetterKind};
use crate::doc::Document;
use crate::law::RegimeId;

/// What a review request or complaint needs to know about the reply.
#[derive(Debug, Clone)]
pub struct Reply {
    /// Where the reply came from, as named to the user.
    pub file: String,
    /// The regime the reply was under.
    pub regime: RegimeId,
    /// The authority (from the letterhead or the case).
    pub authority: Option<String>,
    /// The reply's reference.
    pub reference: Option<String>,
    /// When the request was received (or sent, as the requester knows it).
    pub requested: Option<Date>,
    /// The reply's date.
    pub replied: Option<Date>,
    /// Where review requests go: e-mail.
    pub review_email: Option<String>,
    /// Where review requests go: postal address lines.
    pub review_address: Vec<String>,
    /// The requester as the reply names them ("Dear …").
    pub requester: Option<String>,
    /// The requester's e-mail address as the reply gives it.
    pub requester_email: Option<String>,
    /// The provisions the reply relies on, as cited.
    pub exemptions: Vec<String>,
    /// What the validator found wrong with the reply.
    pub findings: Vec<Diagnostic>,
}

impl Reply {
    /// From a foikit case and the letter composed from it: the letter's
    /// facts, with the parties and review address exact from the case.
    pub fn from_case(file: &str, case: &Case, doc: &Document) -> Reply {
        let letter = Letter::from_case(file, case, case.reply_kind().unwrap_or(LetterKind::Release), doc);
        Reply {
            authority: Some(case.authority.name.clone()),
            reference: Some(case.reference.clone()),
            requested: Some(case.request.received),
            replied: case.response.as_ref().map(|r| r.date),
            review_email: case.review.email.clone(),
            review_address: case.review.address.clone(),
            requester: Some(case.requester.name.clone()),
            requester_email: case.requester.email.clone(),
            exemptions: case.relied_on(),
            ..Reply::from_letter(&letter)
        }
    }

    /// From a letter as the reader read it (see [`crate::read`]).
    pub fn from_letter(letter: &Letter) -> Reply {
        let review = crate::read::recognise::review_paragraphs(letter.body()).first().copied();
        let (review_email, review_address) = review.map(|i| review_contact(letter, i)).unwrap_or_default();
        let recognised = letter.recognised.as_ref();
        let exemptions =
            letter.exemptions().iter().map(|c| c.provision.chars().filter(|c| !c.is_whitespace()).collect()).collect();
        Reply {
            file: letter.file.clone(),
            regime: letter.regime,
            authority: recognised.and_then(|r| r.authority.clone()),
            reference: letter.reference.clone(),
            requested: letter.received,
            replied: letter.sent,
            review_email,
            review_address,
            requester: recognised.and_then(|r| r.requester.clone()),
            requester_email: None,
            exemptions,
            findings: check::check(letter),
        }
    }
}

/// The e-mail address and postal lines given for review requests: in the
/// review paragraph, or in the address block that follows it (one
/// paragraph per line in a DOCX, one paragraph in plain text).
fn review_contact(letter: &Letter, at: usize) -> (Option<String>, Vec<String>) {
    let review = &letter.paragraphs[at].text;
    // Look only after the words about the review: a letter extracted as one
    // line has every address in it.
    let from = crate::read::recognise::review_mention(review).unwrap_or(0);
    let mut email = crate::read::recognise::email(&review[from..]);
    let block: Vec<&str> = letter.paragraphs[at + 1..]
        .iter()
        .take(8)
        .map(|p| p.text.as_str())
        .take_while(|t| t.chars().count() <= 120 && !t.contains("Commissioner"))
        .collect();
    if email.is_none() {
        email = block.iter().find_map(|t| crate::read::recognise::email(t));
    }
    let mut address = Vec::new();
    if block.iter().any(|t| crate::read::recognise::has_postcode(t)) {
        for line in &block {
            let line = email.as_deref().map_or(line.to_string(), |e| line.replace(e, ""));
            let line = line.trim().trim_end_matches("e-mail:").trim_end_matches("email:").trim();
            if !line.is_empty() {
                address.push(line.to_string());
            }
        }
    }
    (email, address)
}

/// Today's date for letters a requester drafts now: SOURCE_DATE_EPOCH when
/// set (reproducible builds and tests), otherwise the clock.
pub fn today() -> Date {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|s| time::OffsetDateTime::from_unix_timestamp(s).ok())
        .unwrap_or_else(time::OffsetDateTime::now_utc);
    Date(now.date())
}
