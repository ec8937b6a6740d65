//! FOI210 missing-qualified-person

use std::sync::LazyLock;

use regex::Regex;

use super::{re, resolve};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI210",
    name: "missing-qualified-person",
    severity: Severity::Warning,
    summary: "section 36 is relied on without saying that a qualified person gave the reasonable opinion it needs",
    doc: DOC,
    help: "say who the qualified person is, that they gave their opinion, and when",
    kinds: &[LetterKind::Refusal, LetterKind::PartialRelease, LetterKind::Ncnd, LetterKind::ReviewOutcome],
    check,
};

const DOC: &str = "\
## What it checks
That a letter relying on FOIA section 36 (prejudice to the effective conduct of public affairs) says
that the qualified person gave their opinion: the catalogue marks the provisions whose harm is a
matter of someone's judgement, and the letter must speak of that person's opinion.

## Why it matters
Section 36(2) is engaged only \"in the reasonable opinion of a qualified person\" (s36(5) says who
that is: a Minister for a department, the authority's chief officer elsewhere). Without that
opinion the exemption does not apply at all, and the ICO's guidance on section 36 expects the
refusal to record that the opinion was obtained, from whom and when.

## Example
\"We are withholding the minutes under section 36(2)(b)(ii), as disclosure would inhibit the free
and frank exchange of views.\"

## Fix
\"The Council's qualified person, the Monitoring Officer, gave their opinion on 4 March 2024 that
disclosure would be likely to inhibit the free and frank exchange of views.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    static OPINION: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)qualified person|\bQP\b|(?:reasonable )?opinion of the (?:Minister|Secretary of State|chief|accounting officer|monitoring officer)",
        )
    });
    let regime = letter.regime.regime();
    let mut out = Vec::new();
    let mut text = None;
    for cited in &letter.cited {
        let Some(who) = resolve(letter, cited).and_then(|c| c.def.opinion_of) else { continue };
        let text = text.get_or_insert_with(|| letter.text());
        if OPINION.is_match(text) || out.iter().any(|f: &Finding| f.paragraph == Some(cited.paragraph)) {
            continue;
        }
        out.push(
            Finding::at(
                cited.paragraph,
                format!(
                    "{} {} is engaged only in the reasonable opinion of {who}, but the letter does not say that such an opinion was given",
                    regime.provision_word, cited.provision
                ),
            )
            .on(cited.field.as_deref()),
        );
    }
    out
}
