//! FOI102 missing-ico-right

use super::excerpt;
use super::{own_section, review_paragraphs};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::recognise::regulator_paragraphs;
use crate::check::rule::{Finding, Rule};
use crate::doc::Section;
use crate::law::RegimeId;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI102",
    name: "missing-ico-right",
    severity: Severity::Error,
    summary: "the reply does not tell the requester of the right to go to the Commissioner",
    doc: DOC,
    help: "add a paragraph on the right to complain to the Information Commissioner (FOIA s50; EIR reg 18) or, in Scotland, to require a review (s20) and apply to the Scottish Information Commissioner (s47)",
    kinds: &[
        LetterKind::Release,
        LetterKind::PartialRelease,
        LetterKind::Refusal,
        LetterKind::Ncnd,
        LetterKind::NotHeld,
        LetterKind::CostLimit,
        LetterKind::Vexatious,
        LetterKind::Repeated,
        LetterKind::ReviewOutcome,
    ],
    check,
};

const DOC: &str = "\
## What it checks
That the letter tells the requester of the right to complain to the Information Commissioner (FOIA
s50; EIR reg 18), or for a FOISA reply of the rights to require a review (s20) and then to apply to
the Scottish Information Commissioner (s47).

## Why it matters
FOIA s17(7)(b) requires particulars of the s50 right in every refusal notice; EIR reg 14(5)(b) and
FOISA s19(b) do the same. Requesters who are not told often never learn they can appeal, and the
Commissioner treats the omission as a breach.

## Example
A refusal that offers an internal review but never mentions the Commissioner.

## Fix
\"If you remain dissatisfied after an internal review, you have the right to complain to the
Information Commissioner under section 50 of the Freedom of Information Act 2000.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    let law = letter.regime.regime();
    let paras = own_section(letter, Section::IcoComplaint).unwrap_or_else(|| regulator_paragraphs(letter.body()));
    let Some(&first) = paras.first() else {
        return vec![Finding::letter(format!(
            "the letter does not tell the requester of the right to apply to the {} ({})",
            law.regulator.name, law.notice.regulator
        ))];
    };
    if letter.regime != RegimeId::Foisa {
        return Vec::new();
    }
    let mut out = Vec::new();
    if !paras.iter().any(|&i| letter.paragraphs[i].text.contains("Scottish Information Commissioner")) {
        out.push(Finding::at(
            first,
            format!(
                "a FOISA reply must name the Scottish Information Commissioner (FOISA s19(b), s47): \"{}\"",
                excerpt(&letter.paragraphs[first].text)
            ),
        ));
    }
    // A review outcome ends the review stage: only the Commissioner is left.
    if letter.kind != LetterKind::ReviewOutcome && review_paragraphs(letter).is_empty() {
        out.push(Finding::at(
            first,
            "a FOISA reply must also explain the right to require a review (FOISA s19(b), s20)",
        ));
    }
    out
}
