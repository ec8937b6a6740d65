//! FOI206 ncnd-reveals-holding

use std::sync::LazyLock;

use regex::Regex;

use super::{excerpt, ncnd, re};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::read::recognise::sentences;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI206",
    name: "ncnd-reveals-holding",
    severity: Severity::Error,
    summary: "a neither-confirm-nor-deny reply confirms that the information is held",
    doc: DOC,
    help: "remove the statement that the information is held, or, if holding can be confirmed, do not rely on neither confirm nor deny",
    kinds: &[LetterKind::Ncnd, LetterKind::PartialRelease, LetterKind::Refusal],
    check,
};

const DOC: &str = "\
## What it checks
That a letter which neither confirms nor denies whether information is held does not, elsewhere,
confirm that it is held (\"we can confirm that we hold…\", \"the information is held\"). In a reply
that is wholly neither-confirm-nor-deny, a search that found records, or a plain denial (\"we do not
hold\"), gives the answer away just as surely.

## Why it matters
Neither-confirm-nor-deny provisions (e.g. FOIA s24(2), s31(3), s40(5B)) exclude the s1(1)(a) duty to
confirm or deny because confirming would itself cause harm. A letter that invokes them and then
confirms holding discloses exactly what the exemption protects, and cannot be withdrawn.

## Example
\"We can neither confirm nor deny whether we hold the information. We can confirm that the
information you requested is held by the Department.\"

## Fix
Keep to the neither-confirm-nor-deny wording throughout, or drop it if confirming is harmless.";

fn check(letter: &Letter) -> Vec<Finding> {
    static HELD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)confirms? that (?:the [\w ]{1,40} |we |it )?(?:does |do )?holds?\b|\bholds the information|information (?:you (?:have )?(?:requested|asked for) )?(?:is|was) held|\bwe (?:do )?hold (?:the|this|some|that)\b",
        )
    });
    static NEGATED: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)neither|\bnor\b|whether|\bif we\b|do(?:es)? not hold|don't hold|not held|cannot confirm|can't confirm")
    });
    if !ncnd(letter) {
        return Vec::new();
    }
    // A search that found something, or a plain denial, tells as much as a
    // confirmation; in a letter answering other items too they may be about
    // those, so only a wholly NCND reply is held to them.
    static SEARCH_OR_DENIAL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:found|located|identified|retrieved)\b[^.]{0,40}\b(?:files?|records?|documents?|e-?mails?|information|material|papers)\b|\b(?:we|it|the (?:department|council|authority|force|trust)) (?:do|does) not hold\b|\bno (?:relevant |such )?(?:information|records?|documents?) (?:is|are|was|were) (?:held|found|located)",
        )
    });
    static HYPOTHETICAL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)neither|\bnor\b|whether|\bif\b|is or is not|should not be taken|would\b|\bany information\b[^.]{0,30}\bmight\b",
        )
    });
    let wholly = letter.kind == LetterKind::Ncnd;
    let reveals = |s: &str| {
        (HELD.is_match(s) && !NEGATED.is_match(s))
            || (wholly && SEARCH_OR_DENIAL.is_match(s) && !HYPOTHETICAL.is_match(s))
    };
    let mut out = Vec::new();
    for (i, p) in letter.body() {
        if let Some(s) = sentences(&p.text).find(|s| reveals(s)) {
            out.push(Finding::at(
                i,
                format!("the letter neither confirms nor denies that information is held, yet says \"{}\"", excerpt(s)),
            ));
        }
    }
    out
}
