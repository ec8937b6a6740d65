//! FOI501 missing-grounds

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI501",
    name: "missing-grounds",
    severity: Severity::Error,
    summary: "a FOISA requirement for review does not say what the requester is dissatisfied with",
    doc: DOC,
    help: "say what you are dissatisfied with and why: the exemptions you dispute, the delay, the missing paragraphs",
    check,
    kinds: KINDS,
};

const DOC: &str = "\
## What it checks
That a requirement for review under FOISA (s20(3)(c)), and an application to the Scottish Information
Commissioner (s47(3)(c)), states the matter the requester is dissatisfied with: some grounds, not just
a request for a review. FOIA and EIR review requests and ICO complaints are not checked: the law asks
for no grounds there.

## Why it matters
FOISA s20(3)(c) makes a requirement for review valid only if it specifies the matter which gives
rise to the dissatisfaction; the Scottish Information Commissioner has declined applications where
no reason was given. (FOIA and EIR do not require grounds, but an authority cannot answer points it
has not been told.)

## Example
\"I am writing to request an internal review of your handling of my request. [ GIVE DETAILS ABOUT
YOUR COMPLAINT HERE ]\"

## Fix
\"I am dissatisfied because section 30 was applied to the whole report, although much of it
describes the project's budget, which is not part of any investigation.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    static REASONS: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)dissatisfied[^.]{0,80}\b(?:because|as|since|that)\b|\b(?:do not|don't|cannot) (?:accept|agree)|\bnot (?:engaged|exempt)|the reply (?:does not|fails)|was (?:late|not)|\bgrounds?\b",
        )
    });
    let Some(provision) = crate::law::notices::grounds_required(letter.regime, letter.kind) else {
        return Vec::new();
    };
    let has_grounds = letter.paragraphs.iter().any(|p| p.section == Some(crate::doc::Section::Grounds))
        || REASONS.is_match(&letter.text());
    if has_grounds {
        return Vec::new();
    }
    let what = if letter.kind == LetterKind::Complaint { "an application" } else { "a review" };
    vec![Finding::letter(format!(
        "the letter does not say what the requester is dissatisfied with ({provision}); {what} is not valid without it"
    ))]
}

const KINDS: &[LetterKind] = &[LetterKind::ReviewRequest, LetterKind::Complaint];
