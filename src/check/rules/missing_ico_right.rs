//! FOI102 missing-ico-right

use super::{excerpt, lacking, own_section, review_paragraphs};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::doc::Section;
use crate::law::RegimeId;
use crate::read::recognise::regulator_paragraphs;
use crate::read::wording::{any, boundary, starts};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI102",
    name: "missing-ico-right",
    severity: Severity::Error,
    summary: "the reply does not tell the requester of the right to go to the Commissioner",
    doc: DOC,
    help: "add a paragraph on the right to complain to the Information Commissioner (FOIA s50; EIR reg 18) or, in Scotland, to require a review (s20) and apply to the Scottish Information Commissioner (s47)",
    kinds: LetterKind::DECISIONS,
    check,
};

const DOC: &str = "\
## What it checks
That the letter tells the requester of the right to complain to the Information Commissioner (FOIA
s50; EIR reg 18), or for a FOISA reply of the rights to require a review (s20) and then to apply to
the Scottish Information Commissioner (s47).

It is an error where the statute requires it (FOIA s17(7)(b) in refusal notices, EIR reg 14(5)(b),
FOISA s19(b), and FOISA s21(10) in a review outcome, which must also give the s56 appeal to the Court
of Session), and a warning where only a Code of Practice recommends it (a full release; a FOIA or EIR
review outcome).

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
    let duty = crate::law::notices::particulars(letter.regime, letter.kind).regulator;
    findings(letter).into_iter().filter_map(|f| lacking(letter, duty, f)).collect()
}

fn findings(letter: &Letter) -> Vec<Finding> {
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
    if letter.kind == LetterKind::ReviewOutcome {
        // After a review the next steps are the Commissioner and then the court.
        if !names_the_court(&letter.text()) {
            out.push(Finding::at(
                first,
                "a FOISA review outcome must also give the right of appeal to the Court of Session on a point of law (FOISA s21(10), s56)",
            ));
        }
    } else if review_paragraphs(letter).is_empty() {
        out.push(Finding::at(
            first,
            "a FOISA reply must also explain the right to require a review (FOISA s19(b), s20)",
        ));
    }
    out
}

/// Names the appeal to the Court of Session (FOISA s56): `(?i)Court of
/// Session|section 56\b` as `crate::read::pattern::re` compiled it, written
/// out (compiling it took some 1.4 million instructions).
fn names_the_court(text: &str) -> bool {
    any(text, &["court of session"]) || starts(text, "section 56").any(|(_, end)| boundary(text, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_court_is_found_as_the_pattern_found_it() {
        let pattern = crate::read::pattern::re(r"(?i)Court of Session|section 56\b");
        for t in [
            "appeal to the Court of Session on a point of law",
            "COURT OF SESSION",
            "section 56 of FOISA",
            "section 56(b)",
            "section 560",
            "section 56é",
            "Court of  Session",
            "\u{17f}ection 56",
            "",
        ] {
            assert_eq!(names_the_court(t), pattern.is_match(t), "{t:?}");
        }
    }
}
