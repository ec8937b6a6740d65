//! FOI101 missing-internal-review

use std::sync::LazyLock;

use regex::Regex;

use super::{excerpt, lacking, re, review_block};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::read::recognise::has_contact;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI101",
    name: "missing-internal-review",
    severity: Severity::Error,
    summary: "the reply gives no particulars of the review procedure, or omits where to send a request",
    doc: DOC,
    help: "add a paragraph saying how to ask for a review and where to send it (e-mail or postal address)",
    kinds: KINDS,
    check,
};

const DOC: &str = "\
## What it checks
That the letter tells the requester how to ask for an internal review (FOIA), a reconsideration (EIR
reg 11) or a review (FOISA s20): a paragraph about the review procedure, which says where to send the
request (an e-mail or postal address). Whether it asks for the reference to be quoted is not
checked: no statute or Code requires it. A FOIA letter that states the authority has no such procedure
also passes (s17(7)(a) allows it); an EIR or FOISA one does not, as reg 11 and s20 give a review. The statutory wording \"make representations under
regulation 11\" counts as EIR review particulars.

It is an error in the notices the statutes name (FOIA s17(1), (3), (5), including a s17(2) holding
notice; EIR reg 14 refusals, including not held; FOISA notices under ss9, 16 and 17), a warning in a
full release (or a FOIA \"not held\" reply), where only the Codes of Practice ask for it, and not
checked in a review outcome, which ends the review. When the letter appears cut short before its
sign-off, it says so instead of asserting the paragraph is missing.

## Why it matters
FOIA s17(7)(a) requires a refusal notice to contain particulars of the authority's complaints
procedure or to say it has none; EIR reg 14(5)(a) and FOISA s19(a) say the same for their regimes.
The s45 Code of Practice (2018, para 5.3) expects every response to explain it. Without an address,
a requester's review request goes astray.

## Example
A reply that ends \"If you have any questions, please contact us.\" and nothing more.

## Fix
\"If you are dissatisfied with this response you may request an internal review within 40 working
days by writing to foi@example.gov.uk, quoting reference FOI-1234.\"";

/// The kinds that can owe review particulars (see [`crate::law::notices`]).
pub(super) const KINDS: &[LetterKind] = LetterKind::NOTICES;

fn check(letter: &Letter) -> Vec<Finding> {
    let duty = crate::law::notices::particulars(letter.regime, letter.kind).review;
    findings(letter).into_iter().filter_map(|f| lacking(letter, duty, f)).collect()
}

fn findings(letter: &Letter) -> Vec<Finding> {
    static NO_PROCEDURE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)(?:\bno|not (?:have|operate|run) an?) (?:formal )?(?:internal review|review|complaints?|appeals?) (?:procedure|process)",
        )
    });
    let law = letter.regime.regime();
    // Only where the review is not statutory may a notice say instead that
    // there is none (FOIA s17(7)(a)); EIR reg 11 and FOISA s20 give one.
    let has_none = |text: &str| !law.review.statutory && NO_PROCEDURE.is_match(text);
    let Some((first, around)) = review_block(letter) else {
        if letter.paragraphs.iter().any(|p| has_none(&p.text)) {
            return Vec::new();
        }
        return vec![
            Finding::letter(format!(
                "the letter gives no particulars of the {} procedure ({})",
                law.review.name, law.notice.review
            ))
            .on("review"),
        ];
    };
    // A letter that says it has no procedure owes none of the particulars.
    if has_contact(&around) || has_none(&letter.paragraphs[first].text) {
        return Vec::new();
    }
    vec![Finding::at(
        first,
        format!(
            "the {} paragraph does not say where to send a request ({}): \"{}\"",
            law.review.name,
            law.notice.review,
            excerpt(&letter.paragraphs[first].text)
        ),
    )]
}
