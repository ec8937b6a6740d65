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
    kinds: LetterKind::REPLIES,
    check,
};

const DOC: &str = "\
## What it checks
That the letter's date is within the time limit counted from the date the request was received:
20 working days (FOIA s10(1), EIR reg 5(2), FOISA s10(1)), counting working days as each regime
defines them (bank holidays in any part of the UK for FOIA and EIR; in Scotland for FOISA). The
finding says how many working days late the reply is. The date of receipt is taken from the case
file, or from wording such as \"your email of 21 September 2023\".

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
    let mut clock = Clock::new(&calendar, letter.regime);
    let (Ok(deadline), Ok(taken)) =
        (clock.deadline(received.0, law.time_limit, &[]), clock.working_days_between(received.0, sent.0, &[]))
    else {
        return Vec::new();
    };
    if taken <= law.time_limit {
        return Vec::new();
    }
    vec![Finding::letter(format!(
        "the reply is dated {}, {taken} working days after the request was received on {}: it was due by {} ({}), so it is {} working days late",
        format_date(sent, DateStyle::Long),
        format_date(received, DateStyle::Long),
        format_date(deadline.due, DateStyle::Long),
        law.notice.time,
        taken - law.time_limit
    ))
    .on("response.date")]
}
