//! FOI205 missing-s16-advice

use std::sync::LazyLock;

use regex::Regex;

use super::{cost_refusal, own_section, re};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::doc::Section;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI205",
    name: "missing-s16-advice",
    severity: Severity::Error,
    summary: "a cost-limit refusal gives no advice on narrowing the request",
    doc: DOC,
    help: "say what could be provided within the cost limit, or how the request could be narrowed (a shorter period, fewer records)",
    kinds: &[LetterKind::CostLimit, LetterKind::PartialRelease],
    check,
};

const DOC: &str = "\
## What it checks
That a refusal because compliance would exceed the cost limit (FOIA s12, FOISA s12) also advises the
requester how to bring the request within the limit, or what could be provided.

## Why it matters
FOIA s16 imposes a duty to provide advice and assistance; the ICO has found s16(1) breaches where a
correct s12 refusal gave no help (e.g. North East Lincolnshire Council, 10 January 2012). The s45
Code (para 6.9-6.10) asks authorities to say what could be provided within the limit.

## Example
\"Your request would exceed the appropriate limit of £600, so we are refusing it under section 12.\"

## Fix
\"If you were to narrow your request to the last twelve months, or to one directorate, we may be
able to answer it within the limit.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    static ADVICE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)narrow|refin|reduc|within the (?:cost |appropriate )?limit|advice and assistance|section 16|could (?:provide|supply|answer)|(?:limit|restrict)(?:ing)? (?:your|the) request|smaller|fewer|shorter (?:period|time)|a single|one (?:year|month|directorate|department)",
        )
    });
    let advised = match own_section(letter, Section::Advice) {
        Some(paragraphs) => paragraphs.len() >= 2,
        None => ADVICE.is_match(&letter.text()),
    };
    if !cost_refusal(letter) || advised {
        return Vec::new();
    }
    vec![Finding::letter(format!(
        "the letter refuses on cost but gives no advice on narrowing the request ({})",
        letter.regime.regime().notice.advice
    ))]
}
