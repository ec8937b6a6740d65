//! FOI103 review-window

use std::sync::LazyLock;

use regex::Regex;

use super::review_paragraphs;
use super::{excerpt, re};
use crate::check::diagnostic::Severity;
use crate::check::letter::Letter;
use crate::check::rule::{Finding, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI103",
    name: "review-window",
    severity: Severity::Warning,
    summary: "the review paragraph gives no time window for asking, or one shorter than the law or Code allows",
    doc: DOC,
    help: "say that a review may be requested within 40 working days (\"two months\" is also at least that)",
    kinds: super::missing_internal_review::KINDS,
    check,
};

const DOC: &str = "\
## What it checks
That the review paragraph says how long the requester has to ask for a review, and that the window
is at least 40 working days: the s45 Code of Practice (2018, para 5.3, for letters dated from 4 July
2018), EIR reg 11(2) and FOISA s20(5). \"Two months\" is at least 40 working days and passes.

## Why it matters
Requesters who are told nothing, or a shorter period, lose a right the Code or statute gives them;
authorities are expected to accept requests made within the window and to say so.

## Example
\"You may ask for an internal review within 20 working days.\"

## Fix
\"You may ask for an internal review within 40 working days of the date of this letter.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    static WINDOW: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)within\s+(\d+|one|two|three|four|five|six|twenty|forty|sixty)\s+(?:\(\d+\)\s+)?(working days|calendar days|days|weeks|calendar months|months)",
        )
    });
    let law = letter.regime.regime();
    if letter.sent.is_some_and(|d| d < law.review.window_from) {
        return Vec::new();
    }
    let Some(&first) = review_paragraphs(letter).first() else { return Vec::new() };
    let text = &letter.paragraphs[first].text;
    let Some(c) = WINDOW.captures(text) else {
        return vec![
            Finding::at(
                first,
                format!("the {} paragraph gives no time window for asking: \"{}\"", law.review.name, excerpt(text)),
            )
            .on("review"),
        ];
    };
    let n: u32 = match c[1].to_ascii_lowercase().as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "twenty" => 20,
        "forty" => 40,
        "sixty" => 60,
        digits => digits.parse().unwrap_or(0),
    };
    let unit = c[2].to_ascii_lowercase();
    let working_days = match unit.as_str() {
        "working days" => n,
        "weeks" => n * 5,
        "months" | "calendar months" => n * 20,
        _ => n * 5 / 7,
    };
    if working_days < law.review.ask_within {
        return vec![
            Finding::at(
                first,
                format!(
                    "\"within {} {}\" is shorter than the {} working days allowed ({})",
                    &c[1], &c[2], law.review.ask_within, law.review.source
                ),
            )
            .on("review.window"),
        ];
    }
    Vec::new()
}
