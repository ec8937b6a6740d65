//! FOI201 missing-exemption-reason

use std::sync::LazyLock;

use regex::Regex;

use super::{exemption_set_out, re, resolve};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::law::Kind;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI201",
    name: "missing-exemption-reason",
    severity: Severity::Error,
    summary: "an exemption is cited without saying why it applies",
    doc: DOC,
    help: "explain, for each exemption, why it applies to this information (the harm disclosure would cause, or why the information falls in the class)",
    kinds: KINDS,
    check,
};

const DOC: &str = "\
## What it checks
That each exemption the letter relies on comes with an explanation of why it applies: some words of
reasoning (the harm disclosure would, or would be likely to, cause; why the information is in the
protected class) in the paragraph that cites it or the few that follow.

A reason is not demanded where it is apparent (s17(1)(c): \"if that would not otherwise be
apparent\"), as when the letter says the information is personal data or is published elsewhere, nor
where the letter says that giving reasons would itself disclose exempt information (s17(4)).

## Why it matters
FOIA s17(1)(c) requires a refusal notice to state why the exemption applies, if that would not
otherwise be apparent (EIR reg 14(3)(a), FOISA s16(1)(d)). A bare citation leaves the requester
unable to challenge the decision, and the Commissioner finds a breach.

## Example
\"The information is exempt under section 43(2).\"

## Fix
\"The information is exempt under section 43(2) because disclosing the tender prices would be likely
to prejudice the supplier's position in the re-procurement due next year.\"";

/// The kinds that rely on exemptions and must say why (a refusal notice,
/// including the refused part of a partial release and a holding notice).
const KINDS: &[LetterKind] =
    &[LetterKind::Refusal, LetterKind::PartialRelease, LetterKind::Ncnd, LetterKind::HoldingNotice];

fn check(letter: &Letter) -> Vec<Finding> {
    static REASONING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bbecause\b|\bas a result\b|\bwould\b|\bcould\b|\blikely to\b|provides that|\bsince\b|in order to|\bharm|prejudic|breach|damage|reveal|undermin|endanger|confiden|privacy|\brisk\b",
        )
    });
    // s17(4): no reasons where stating them would disclose exempt information.
    static WITHHOLDS_REASONS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)section 17\(4\)|s\.?\s?17\(4\)|(?:giving|stating|explaining|to give|to state|to explain) (?:the |our |any (?:further )?)?reasons?[^.]{0,80}(?:would|could) (?:itself )?(?:involve the disclosure of|disclose|reveal)",
        )
    });
    if WITHHOLDS_REASONS.is_match(&letter.text()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for cited in &letter.cited {
        let Some(c) = resolve(letter, cited) else { continue };
        if c.def.kind != Kind::Exemption {
            continue;
        }
        // foikit's own letters set each exemption out in its own section;
        // letters written elsewhere give reasons near the citation. s17(1)(c):
        // reasons are owed only "if that would not otherwise be apparent";
        // naming what the exemption protects (personal data, information
        // reasonably accessible elsewhere) makes it apparent.
        let apparent = |text: &str| {
            let lower = text.to_lowercase();
            subject_words(c.def.title).any(|w| lower.contains(&w))
        };
        let reasoned = if letter.from_case {
            exemption_set_out(letter, cited)
        } else {
            let end = (cited.paragraph + 6).min(letter.paragraphs.len());
            letter.paragraphs[cited.paragraph..end].iter().any(|p| REASONING.is_match(&p.text) || apparent(&p.text))
        };
        if !reasoned {
            out.push(
                Finding::at(
                    cited.paragraph,
                    format!(
                        "{} {} is cited without saying why it applies ({})",
                        cited.word,
                        cited.provision,
                        letter.regime.regime().notice.reasons
                    ),
                )
                .on(cited.field.as_deref()),
            );
        }
    }
    out
}

/// The words of an exemption's heading that name what it protects
/// ("Personal information" → "personal"; "Information accessible to
/// applicant by other means" → "accessible").
fn subject_words(title: &str) -> impl Iterator<Item = String> + '_ {
    const COMMON: &[&str] = &[
        "information",
        "exemption",
        "applicant",
        "other",
        "means",
        "public",
        "affairs",
        "effective",
        "conduct",
        "relating",
        "certain",
    ];
    title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.len() >= 6 && !COMMON.contains(&w.as_str()))
}
