//! FOI209 unfinished-material-estimate

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::law::notices::unfinished_material;
use crate::read::recognise::dates;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI209",
    name: "unfinished-material-estimate",
    severity: Severity::Warning,
    summary: "a refusal for material still in the course of completion gives no estimate of when it will be finished",
    doc: DOC,
    help: "say when the material is expected to be finished (and who is preparing it, if another authority is)",
    kinds: &[LetterKind::Refusal, LetterKind::PartialRelease],
    check,
};

const DOC: &str = "\
## What it checks
That an EIR refusal relying on regulation 12(4)(d) (material still in the course of completion,
unfinished documents or incomplete data), or an EISR refusal relying on regulation 10(4)(d), says
when the material is expected to be finished, and by whom it is being prepared.

## Why it matters
EIR reg 14(4) and EISR reg 13(d) require the refusal to specify, if known, the name of any other
public authority preparing the information and the estimated time in which it will be finished or
completed, so the requester knows when to ask again. The duty turns on what the authority knows,
so this is a warning: a letter that says the time is not known passes.

## Example
\"The report is still in draft, so we are withholding it under regulation 12(4)(d).\"

## Fix
\"The report is being finalised by the Environment Agency and is expected to be published in
September 2024.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    // A month, a season, a quarter or a year, or an admission that no one knows.
    static WHEN: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:by|in|during|before|around|until|early|late|end of|from) (?:the )?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer|autumn|winter|Q[1-4]|the (?:first|second|third|fourth) quarter)\b|(?:19|20)\d\d\b|(?:the )?(?:next|coming) (?:few )?(?:weeks?|months?|year))|\bwithin (?:the next )?\w+ (?:weeks?|months?)|(?:not (?:yet )?known|cannot (?:yet )?say|no (?:date|timetable) (?:has been|is) (?:set|known|fixed))",
        )
    });
    let Some(unfinished) = unfinished_material(letter.regime) else { return Vec::new() };
    let Some(cited) = letter.cited.iter().find(|c| c.provision.replace(' ', "") == unfinished.exception) else {
        return Vec::new();
    };
    let text = letter.text();
    if WHEN.is_match(&text) || dates(&text).iter().any(|(d, _)| letter.sent.is_none_or(|sent| *d > sent)) {
        return Vec::new();
    }
    vec![
        Finding::at(
            cited.paragraph,
            format!(
                "the letter relies on regulation {} but gives no estimated time for the material to be finished ({})",
                unfinished.exception, unfinished.duty
            ),
        )
        .on(cited.field.as_deref()),
    ]
}
