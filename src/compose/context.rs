//! The view model templates see. It is built here, in one place, so the
//! templates only choose words: every fact (the Act's name, which exemptions
//! are qualified, the statutory wording, how sections are listed) is decided
//! in Rust. `templates/README.md` documents every field; keep them in step.

use serde_json::{Value, json};

use crate::case::{
    Annex, AnnexKind, Balance, BodyItem, Case, Decision, Exemption, Ground, Item, Outcome, Refusal, Response, Style,
};
use crate::kind::LetterKind;
use crate::law::calendar::{Calendar, OutOfRange};
use crate::law::cost_limit;
use crate::law::deadline::Clock;
use crate::law::{Citation, Extension, Regime};

use super::helpers::join_words;

/// The context for the letter of `kind`; annex templates get the same with `annex` set.
pub fn letter(case: &Case, kind: LetterKind, calendar: &Calendar) -> Result<Value, OutOfRange> {
    let regime = case.regime.regime();
    let law = case.regime.kinds();
    let exemptions: Vec<(&Exemption, Citation)> =
        case.all_exemptions().into_iter().filter_map(|(_, e)| regime.cite(&e.section).ok().map(|c| (e, c))).collect();
    let citation = citation(regime, exemptions.iter().map(|(_, c)| c.cited.to_string()).collect());
    let pi_annex =
        case.annexes.iter().find(|a| a.kind == AnnexKind::PublicInterest).map(|a| json!({ "label": a.label }));
    let deadlines = deadlines(case, calendar)?;
    let date = case.letter_date(kind).unwrap_or(case.request.received);
    let called = case.authority.called.clone().unwrap_or_else(|| format!("the {}", case.authority.name));
    Ok(json!({
        "reference": case.reference,
        "date": date.iso(),
        "kind": kind,
        "reply": kind.is_reply(),
        "regime": regime,
        "law": law,
        "authority": case.authority,
        "called": called,
        "home_office": case.authority.style == Style::HomeOffice,
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
        "response": case.response.as_ref().map(|r| response(case, r)),
        "decision": case.response.as_ref().map(|r| decision_partial(r, kind)),
        "exemptions": exemptions.iter().map(|(e, c)| exemption(e, c, case)).collect::<Vec<_>>(),
        "citation": citation,
        "pi_annex": pi_annex,
        "review": case.review,
        "privacy_notice": case.privacy_notice,
        "sign_off": case.sign_off,
        "deadlines": deadlines,
        "acknowledged": case.acknowledged.unwrap_or(case.request.received).iso(),
        "clarification": case.clarification.as_ref().map(|c| json!({ "date": c.date.iso(), "questions": c.questions })),
        "extension": case.extension.as_ref().map(|e| extension(case, e, calendar)).transpose()?,
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

/// "section 24(1)", "sections 24(1) and 41".
fn citation(regime: &Regime, sections: Vec<String>) -> String {
    match sections.len() {
        0 => String::new(),
        1 => format!("{} {}", regime.provision_word, sections[0]),
        _ => format!("{}s {}", regime.provision_word, join_words(&sections, "and")),
    }
}

/// The partial that states the decision: one per whole-request ground,
/// one for decisions item by item, one for the single-decision form.
fn decision_partial(r: &Response, kind: LetterKind) -> &'static str {
    match kind.written().and_then(|w| w.decision) {
        Some(partial) => partial,
        None if !r.items.is_empty() => "decisions/items",
        None => "decisions/single",
    }
}

fn response(case: &Case, r: &Response) -> Value {
    let outcome = r.outcome;
    json!({
        "date": r.date.iso(),
        "held": r.held.unwrap_or(true),
        "outcome": outcome,
        "confirm_held": r.held.unwrap_or(true) && outcome.is_some_and(|o| o != Outcome::Release),
        "not_held": r.held == Some(false),
        "body": body(&r.body),
        "withheld": r.withheld,
        "explanation": r.explanation,
        "items": r.items.iter().enumerate().map(|(n, i)| item(case, n + 1, i)).collect::<Vec<_>>(),
        // A request of one item is answered as a whole, not as "Part 1".
        "several_items": r.items.len() > 1,
        "refusal": r.refusal.as_ref().map(|f| refusal(case, f)),
    })
}

fn item(case: &Case, number: usize, item: &Item) -> Value {
    let regime = case.regime.regime();
    let sections: Vec<String> = item
        .exemptions
        .iter()
        .map(|e| match item.decision {
            Decision::Ncnd => case.regime.ncnd(&e.section).map_or_else(|_| e.section.clone(), str::to_string),
            _ => regime.cite(&e.section).map_or_else(|_| e.section.clone(), |c| c.cited.to_string()),
        })
        .collect();
    // Information accessible elsewhere cites its exemption (FOIA s21, FOISA
    // s25) without the clerk naming it: the location is the reason.
    let sections = match (item.decision, case.regime.kinds().accessible) {
        (Decision::Accessible, Some(s)) if sections.is_empty() => vec![s.to_string()],
        _ => sections,
    };
    json!({
        "number": number,
        "asked": item.asked,
        "decision": item.decision,
        "released": item.decision == Decision::Released,
        "part_released": item.decision == Decision::PartReleased,
        "withheld_all": item.decision == Decision::Withheld,
        "not_held": item.decision == Decision::NotHeld,
        "ncnd": item.decision == Decision::Ncnd,
        "accessible": item.decision == Decision::Accessible,
        "future_publication": item.decision == Decision::FuturePublication,
        "body": body(&item.body),
        "annex": item.annex,
        "withheld": item.withheld,
        "citation": citation(regime, sections),
        "search": item.search,
        "holder": item.holder,
        "location": item.location,
        "publication": item.publication,
        "reasons": item.reasons,
    })
}

fn refusal(case: &Case, r: &Refusal) -> Value {
    let law = case.regime.kinds();
    let limit = cost_limit::limit(case.regime, case.authority.limit);
    let hours: f64 = r.estimate.iter().map(|a| a.hours).sum();
    let provision = match r.ground {
        Ground::CostLimit => limit.map(|l| l.provision.to_string()),
        Ground::Vexatious => law.vexatious.map(|s| format!("section {s}")),
        Ground::Repeated => law.repeated.map(|s| format!("section {s}")),
    }
    .unwrap_or_default();
    let mut capital = provision.clone();
    if let Some(first) = capital.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    json!({
        "provision": provision,
        "provision_title": capital,
        "notice": match r.ground {
            Ground::CostLimit => law.cost_notice,
            _ => law.conduct_notice,
        },
        "limit": limit.map(|l| json!({
            "pounds": l.pounds,
            "pounds_text": pounds(u64::from(l.pounds) * 100),
            "rate": l.rate,
            "rate_is_ceiling": l.rate_is_ceiling,
            "hours": hours_text(l.hours()),
            "regulations": l.regulations,
            "regulation": l.limit_regulation,
            "activities": l.activities,
            "excluded": l.excluded,
            "cost": pounds(l.cost_pence(hours)),
        })),
        "estimate": r.estimate.iter().map(|a| json!({ "activity": a.activity, "hours": hours_text(a.hours) })).collect::<Vec<_>>(),
        "hours": hours_text(hours),
        "advice": r.advice,
        "reasons": r.reasons,
        "previous": r.previous.as_ref().map(|p| json!({
            "received": p.received.iso(),
            "answered": p.answered.iso(),
            "reference": p.reference,
        })),
    })
}

/// The holding notice's facts: the new due date (EIR reg 7: 40 working
/// days from receipt) or the estimate (FOIA s17(2): as given, or 20 more
/// working days, the ICO's guidance).
fn extension(case: &Case, e: &crate::case::Extension, calendar: &Calendar) -> Result<Value, OutOfRange> {
    let regime = case.regime.regime();
    let until = Clock::new(calendar, case.regime).extended_due(case.request.received.0, e.until, &[])?;
    let considering: Vec<String> = e
        .considering
        .iter()
        .map(|s| {
            regime.cite(s).map_or_else(|_| s.clone(), |c| format!("{} – {}", regime.heading(c.cited), c.def.title))
        })
        .collect();
    Ok(json!({
        "date": e.date.iso(),
        "until": until.iso(),
        "considering": considering,
        "reason": e.reason,
        "total": match regime.extension { Extension::Complexity { total } => total, _ => 0 },
    }))
}

/// "18", "18.5", "20.25".
fn hours_text(h: f64) -> String {
    let s = format!("{h:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// "£450", "£1,875", "£512.50": grouped in thousands as a letter prints money.
fn pounds(pence: u64) -> String {
    let whole = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if pence.is_multiple_of(100) { format!("£{grouped}") } else { format!("£{grouped}.{:02}", pence % 100) }
}

/// The dates a letter may state: when the reply was due and how late it
/// is, and when a review must be asked for.
fn deadlines(case: &Case, calendar: &Calendar) -> Result<Value, OutOfRange> {
    let regime = case.regime.regime();
    let mut clock = Clock::new(calendar, case.regime);
    let received = case.request.received.0;
    let due = clock.deadline(received, regime.time_limit, &[])?.due;
    let replied = case.response.as_ref().map_or(received, |r| r.date.0);
    let taken = clock.working_days_between(received, replied, &[])?;
    let review_by = clock.review_window(Some(received), replied)?.due;
    Ok(json!({
        "due": due.iso(),
        "working_days": taken,
        "late": taken > regime.time_limit,
        "late_by": taken.saturating_sub(regime.time_limit),
        "review_by": review_by.iso(),
    }))
}

/// The `annex` field of an annex template's context (the letter's context
/// otherwise): the annex being composed.
pub fn annex(annex: &Annex) -> Value {
    json!({
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
    })
}

fn exemption(e: &Exemption, c: &Citation, case: &Case) -> Value {
    let regime = case.regime.regime();
    // An exemption relied on to neither confirm nor deny is headed by the
    // provision that removes the duty, e.g. "Section 31(3)".
    let ncnd = case
        .response
        .iter()
        .flat_map(|r| &r.items)
        .any(|i| i.decision == Decision::Ncnd && i.exemptions.iter().any(|x| std::ptr::eq(x, e)));
    // FOISA's s18 is one provision for many exemptions: the heading keeps the exemption.
    let ncnd_provision =
        if ncnd && case.regime != crate::law::RegimeId::Foisa { case.regime.ncnd(&e.section).ok() } else { None };
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
        "cited_name": regime.heading(ncnd_provision.unwrap_or(c.cited)),
        "ncnd": ncnd_provision,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_hours_read_as_a_clerk_writes_them() {
        assert_eq!(hours_text(18.0), "18");
        assert_eq!(hours_text(18.5), "18.5");
        assert_eq!(hours_text(0.25), "0.25");
        assert_eq!(pounds(45_000), "£450");
        assert_eq!(pounds(51_250), "£512.50");
        assert_eq!(pounds(5), "£0.05");
        assert_eq!(pounds(187_500), "£1,875");
        assert_eq!(pounds(123_456_789), "£1,234,567.89");
    }
}
