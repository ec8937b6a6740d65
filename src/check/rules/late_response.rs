//! FOI301 late-response

use crate::case::Date;
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::compose::helpers::{DateStyle, format_date};
use crate::law::calendar::Calendar;
use crate::law::deadline::Clock;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI301",
    name: "late-response",
    severity: Severity::Warning,
    summary: "the reply is dated after the statutory time limit",
    doc: DOC,
    help: "apologise for the delay in the letter, and record the breach; if the public interest test needs more time, send a holding notice within the limit",
    kinds: LetterKind::DECISIONS,
    check,
};

const DOC: &str = "\
## What it checks
That the letter's date is within the time limit counted from the date the request was received:
20 working days (FOIA s10(1), EIR reg 5(2), FOISA s10(1)), counting working days as each regime
defines them (bank holidays in any part of the UK for FOIA and EIR; in Scotland for FOISA). The
finding says how many working days late the reply is. The date of receipt is taken from the case
file, or from wording such as \"your email of 21 September 2023\". A notice extending the time
(FOIA s17(2), EIR reg 7(2)) is itself due within the limit; a reply after such a notice is held to
the extended limit (40 working days under EIR reg 7(1); under FOIA s10(3), the further 20 working
days the ICO's guidance accepts). A review outcome read from a letter is held to the time for
answering a review, from the day the review was asked for: 20 working days under FOISA s21(1) and
EISR reg 16(4), 40 under EIR reg 11(4), and under FOIA the 40 working days at most that the s45
Code of Practice allows.

## Why it matters
Lateness is the most common breach the Commissioners find. A late reply is still a reply, so this is
a warning, but it should say sorry and the authority should record it.

## Example
A request received on 21 September 2023 answered on 9 January 2024.

## Fix
Reply within the limit; if more time is needed for the public interest test, send a s17(2) notice
within it with an estimated date.";

fn check(letter: &Letter) -> Vec<Finding> {
    if letter.kind == LetterKind::ReviewOutcome {
        return review_outcome(letter);
    }
    let (Some(received), Some(sent)) = (letter.received, letter.sent) else { return Vec::new() };
    let law = letter.regime.regime();
    // A holding notice is itself due within the time limit (FOIA s17(1),
    // EIR reg 7(2)); a reply after one may take the extended time.
    let extended = (letter.extended && letter.kind != LetterKind::HoldingNotice)
        .then(|| law.extension.extended_limit(law.time_limit))
        .flatten();
    let limit = extended.unwrap_or(law.time_limit);
    let (what, basis) = match (letter.kind, extended) {
        (LetterKind::HoldingNotice, _) => ("notice extending the time", law.notice.time.to_string()),
        (_, Some(_)) => ("reply", format!("{}, as extended", law.notice.time)),
        _ => ("reply", law.notice.time.to_string()),
    };
    late(letter, received, sent, limit, &format!("the {what}"), "the request was received", &basis)
}

/// A review outcome read from a letter, against the time to answer counted
/// from the requester's asking for the review (FOISA s21(1), EIR reg
/// 11(4); under FOIA the Code's 40 working days at most).
fn review_outcome(letter: &Letter) -> Vec<Finding> {
    if letter.from_case {
        return Vec::new();
    }
    let Some(sent) = letter.sent else { return Vec::new() };
    let Some(asked) = crate::read::recognise::review_requested(&letter.text()) else { return Vec::new() };
    let review = letter.regime.regime().review;
    late(
        letter,
        asked,
        sent,
        review.answer_max,
        "the review outcome",
        "the review was asked for",
        review.answer_provision,
    )
}

/// A finding if `sent` is more than `limit` working days after `from`.
fn late(letter: &Letter, from: Date, sent: Date, limit: u32, what: &str, since: &str, basis: &str) -> Vec<Finding> {
    let calendar = Calendar::builtin();
    let mut clock = Clock::new(&calendar, letter.regime);
    let (Ok(deadline), Ok(taken)) =
        (clock.deadline(from.0, limit, &[]), clock.working_days_between(from.0, sent.0, &[]))
    else {
        return Vec::new();
    };
    // A letter dated on a weekend or holiday after the due day is late
    // although no further working day has passed.
    if sent <= deadline.due {
        return Vec::new();
    }
    let by = match taken.saturating_sub(limit) {
        0 => "dated after that day".to_string(),
        1 => "1 working day late".to_string(),
        n => format!("{n} working days late"),
    };
    vec![
        Finding::letter(format!(
            "{what} is dated {}, {taken} working days after {since} on {}: it was due by {} ({basis}), so it is {by}",
            format_date(sent, DateStyle::Long),
            format_date(from, DateStyle::Long),
            format_date(deadline.due, DateStyle::Long),
        ))
        .on("response.date"),
    ]
}
