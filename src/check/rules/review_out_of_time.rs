//! FOI502 review-out-of-time

use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::compose::helpers::{DateStyle, format_date};
use crate::law::calendar::Calendar;
use crate::law::deadline::Clock;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI502",
    name: "review-out-of-time",
    severity: Severity::Warning,
    summary: "the review is requested after the window for asking has closed",
    doc: DOC,
    help: "explain why the request is late and ask the authority to accept it anyway",
    check,
    kinds: &[LetterKind::ReviewRequest],
};

const DOC: &str = "\
## What it checks
That a request for internal review is dated within the window for asking: 40 working days from the
date of the reply under the s45 Code of Practice (para 5.3) and EIR reg 11(2); under FOISA s20(5),
40 working days from the end of the authority's 20 working days to comply, or from the reply if it
came later.

## Why it matters
Under FOIA an authority need not accept a late request; under the EIR and FOISA the statute sets the
limit, and a late requirement for review may be refused, which closes the route to the Commissioner.

## Example
A reply dated 26 April 2017 and a review request dated 1 September 2017.

## Fix
Ask as soon as possible; if late, say why and ask the authority to exercise its discretion.";

fn check(letter: &Letter) -> Vec<Finding> {
    let (Some(reply), Some(sent)) = (letter.reply_date, letter.sent) else { return Vec::new() };
    let law = letter.regime.regime();
    let calendar = Calendar::builtin();
    let requested = letter.received.map(|d| d.0);
    let Ok(window) = Clock::new(&calendar, letter.regime).review_window(requested, reply.0) else {
        return Vec::new();
    };
    if sent <= window.due {
        return Vec::new();
    }
    vec![Finding::letter(format!(
        "the {} is requested on {}, after the {} working days allowed from {} ended on {} ({})",
        law.review.name,
        format_date(sent, DateStyle::Long),
        law.review.ask_within,
        if window.from.0 == reply.0 {
            format!("the reply of {}", format_date(reply, DateStyle::Long))
        } else {
            format!("the end of the time to reply, {},", format_date(window.from, DateStyle::Long))
        },
        format_date(window.due, DateStyle::Long),
        window.provision
    ))]
}
