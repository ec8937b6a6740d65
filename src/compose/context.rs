//! The view model templates see. It is built here, in one place, so the
//! templates only choose words: every fact (the Act's name, which exemptions
//! are qualified, the statutory wording, how sections are listed) is decided
//! in Rust. `templates/README.md` documents every field; keep them in step.

use serde_json::{Value, json};

use crate::case::{Annex, AnnexKind, Balance, BodyItem, Case, Outcome};
use crate::law::calendar::{Calendar, OutOfRange};
use crate::law::deadline::Clock;
use crate::law::{Citation, Regime};

use super::helpers::join_words;

/// The context for the letter; annex templates get the same with `annex` set.
pub fn letter(case: &Case, calendar: &Calendar) -> Result<Value, OutOfRange> {
    let regime = case.regime.regime();
    let cites: Vec<Citation> = case.exemptions.iter().filter_map(|e| regime.cite(&e.section).ok()).collect();
    let sections: Vec<String> = cites.iter().map(|c| c.cited.to_string()).collect();
    let citation = match sections.len() {
        0 => String::new(),
        1 => format!("{} {}", regime.provision_word, sections[0]),
        _ => format!("{}s {}", regime.provision_word, join_words(&sections, "and")),
    };
    let pi_annex =
        case.annexes.iter().find(|a| a.kind == AnnexKind::PublicInterest).map(|a| json!({ "label": a.label }));
    let r = &case.response;
    let deadlines = deadlines(case, calendar)?;
    Ok(json!({
        "reference": case.reference,
        "date": r.date.iso(),
        "regime": regime,
        "authority": case.authority,
        "requester": {
            "name": case.requester.name,
            "salutation": case.requester.salutation(),
            "email": case.requester.email,
            "address": case.requester.address,
        },
        "request": {
            "received": case.request.received.iso(),
            "channel": case.request.channel,
            "paragraphs": paragraphs(&case.request.text),
        },
        "response": {
            "date": r.date.iso(),
            "held": r.held,
            "outcome": r.outcome,
            "is_release": r.outcome == Outcome::Release,
            "is_partial": r.outcome == Outcome::Partial,
            "is_refusal": r.outcome == Outcome::Refusal,
            "confirm_held": r.held && r.outcome != Outcome::Release,
            "body": body(&r.body),
            "withheld": r.withheld,
            "explanation": r.explanation,
        },
        "exemptions": case.exemptions.iter().zip(&cites).map(|(e, c)| exemption(e, c, regime)).collect::<Vec<_>>(),
        "citation": citation,
        "pi_annex": pi_annex,
        "review": case.review,
        "privacy_notice": case.privacy_notice,
        "sign_off": case.sign_off,
        "deadlines": deadlines,
        "internal_review": case.internal_review.as_ref().map(|r| json!({
            "received": r.received.iso(),
            "date": r.date.iso(),
            "examined": r.examined,
            "conclusion": r.conclusion,
            "upheld": r.conclusion == crate::case::Conclusion::Upheld,
            "upheld_in_part": r.conclusion == crate::case::Conclusion::UpheldInPart,
            "overturned": r.conclusion == crate::case::Conclusion::Overturned,
            "findings": r.findings,
            "released": body(&r.released),
            "signed": r.signed,
        })),
        "annex": Value::Null,
    }))
}

/// The dates a letter may state: when the reply was due and how late it
/// is, and when a review must be asked for.
fn deadlines(case: &Case, calendar: &Calendar) -> Result<Value, OutOfRange> {
    let regime = case.regime.regime();
    let mut clock = Clock::new(calendar, case.regime);
    let received = case.request.received.0;
    let due = clock.deadline(received, regime.time_limit, &[])?.due;
    let taken = clock.working_days_between(received, case.response.date.0, &[])?;
    let review_by = clock.review_window(Some(received), case.response.date.0)?.due;
    Ok(json!({
        "due": due.iso(),
        "working_days": taken,
        "late": taken > regime.time_limit,
        "late_by": taken.saturating_sub(regime.time_limit),
        "review_by": review_by.iso(),
    }))
}

/// `letter` with `annex` set to the given annex.
pub fn annex(mut base: Value, annex: &Annex) -> Value {
    base["annex"] = json!({
        "kind": annex.kind,
        "label": annex.label,
        "decided": annex.decided.map(|d| d.iso()),
        "withhold": annex.balance == Some(Balance::Withhold),
        "to": annex.to,
        "date": annex.date,
        "salutation": annex.salutation,
        "body": body(&annex.body),
        "closing": annex.closing,
        "signatories": annex.signatories,
    });
    base
}

fn exemption(e: &crate::case::Exemption, c: &Citation, regime: &Regime) -> Value {
    let provision = c.provision().map(|(sub, text)| {
        let label = format!("{}{}", c.def.section, sub);
        // The catalogue quotes some subsections with their own "(1)" prefix.
        let text = text.strip_prefix(sub).map_or(text, str::trim_start);
        json!({ "label": label, "text": text })
    });
    json!({
        "section": c.cited,
        "number": c.def.section,
        "name": regime.heading(c.def.section),
        "cited_name": regime.heading(c.cited),
        "title": c.def.title,
        "qualified": c.qualified(),
        "provision": provision,
        "note": c.def.public_interest_note,
        "reasons": e.reasons,
        "for": e.public_interest.for_disclosure,
        "against": e.public_interest.against_disclosure,
        "conclusion": e.public_interest.conclusion,
    })
}

fn body(items: &[BodyItem]) -> Vec<Value> {
    items
        .iter()
        .map(|item| match item {
            BodyItem::Paragraph(p) => json!({ "paragraph": p.trim() }),
            BodyItem::Numbered(items) => json!({ "numbered": items }),
            BodyItem::Bullets(items) => json!({ "bullets": items }),
        })
        .collect()
}

/// Paragraphs of free text: blank lines separate them; single newlines are
/// soft wraps from the case file.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|p| !p.is_empty()).collect()
}
