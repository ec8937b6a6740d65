//! FOI204 missing-pit-estimate

use super::holding_notice;
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::read::recognise::{dates, month_estimates};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI204",
    name: "missing-pit-estimate",
    severity: Severity::Error,
    summary: "a s17(2) holding notice gives no estimated date for the public interest decision",
    doc: DOC,
    help: "give the date by which you expect to reach the decision, e.g. \"We aim to reply by 24 May 2024.\"",
    kinds: &[LetterKind::HoldingNotice],
    check,
};

const DOC: &str = "\
## What it checks
That a letter saying the public interest decision has not yet been reached (a FOIA s17(2) holding
notice, sent within the 20 working days while more time is taken under s10(3)) gives an estimated
date for the decision: a date later than the letter's own.

## Why it matters
FOIA s17(2) requires the notice to \"contain an estimate of the date by which the authority expects
that such a decision will have been reached\". The ICO expects no more than 20 further working days.
Without a date the extension is open-ended and the requester cannot tell when to complain.

## Example
\"We need more time to consider the public interest and will write again as soon as possible.\"

## Fix
\"We need more time to consider the public interest; we expect to reach a decision by 24 May 2024.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    let Some(provision) = letter.regime.regime().notice.holding else { return Vec::new() };
    if !holding_notice(letter) {
        return Vec::new();
    }
    let text = letter.text();
    let later = dates(&text)
        .into_iter()
        .map(|(d, _)| d)
        .chain(month_estimates(&text))
        .any(|d| letter.sent.is_none_or(|sent| d > sent) && Some(d) != letter.received);
    if later {
        return Vec::new();
    }
    vec![Finding::letter(format!(
        "the letter extends the time to consider the public interest but gives no estimated date for the decision ({provision})"
    ))]
}
