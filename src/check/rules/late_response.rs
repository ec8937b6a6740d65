//! FOI301 late-response

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
    kinds: LetterKind::NOTICES,
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
days the ICO's guidance accepts).

## Why it matters
Lateness is the most common breach the Commissioners find. A late reply is still a reply, so this is
a warning, but it should say sorry and the authority should record it.

## Example
A request received on 21 September 2023 answered on 9 January 2024.

## Fix
Reply within the limit; if more time is needed for the public interest test, send a s17(2) notice
within it with an estimated date.";

fn check(letter: &Letter) -> Vec<Finding> {
    let (Some(received), Some(sent)) = (letter.received, letter.sent) else { return Vec::new() };
    let law = letter.regime.regime();
    let calendar = Calendar::builtin();
    // A holding notice is itself due within the time limit (FOIA s17(1),
    // EIR reg 7(2)); a reply after one may take the extended time.
    let extended = (letter.extended && letter.kind != LetterKind::HoldingNotice)
        .then(|| law.extension.extended_limit(law.time_limit))
        .flatten();
    let limit = extended.unwrap_or(law.time_limit);
    let mut clock = Clock::new(&calendar, letter.regime);
    let (Ok(deadline), Ok(taken)) =
        (clock.deadline(received.0, limit, &[]), clock.working_days_between(received.0, sent.0, &[]))
    else {
        return Vec::new();
    };
    if taken <= limit {
        return Vec::new();
    }
    let (what, basis) = match (letter.kind, extended) {
        (LetterKind::HoldingNotice, _) => ("notice extending the time", law.notice.time.to_string()),
        (_, Some(_)) => ("reply", format!("{}, as extended", law.notice.time)),
        _ => ("reply", law.notice.time.to_string()),
    };
    vec![Finding::letter(format!(
        "the {what} is dated {}, {taken} working days after the request was received on {}: it was due by {} ({basis}), so it is {} working days late",
        format_date(sent, DateStyle::Long),
        format_date(received, DateStyle::Long),
        format_date(deadline.due, DateStyle::Long),
        taken - limit
    ))
    .on("response.date")]
}
