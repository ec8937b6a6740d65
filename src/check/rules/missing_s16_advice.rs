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
            r"(?i)narrow|refin|reduc|within the (?:cost |appropriate )?limit|advice and assistance|section 16|could (?:provide|supply|answer)|(?:limit|restrict)(?:ing)? (?:your|the) request|smaller|fewer|shorter (?:period|time)|a single|one (?:year|month|directorate|department)|(?:submit|send|make) (?:us )?a (?:new|revised|fresh|further) request|re-?submit|remov(?:e|ing) (?:the|part|some|that|any|one)|(?:would|will|may|might) be able to (?:provide|answer|consider|respond|deal|comply|help)|happy to (?:provide|help|consider)|(?:limited|confined) to\b|focus(?:ed|ing)? (?:your|the|on)",
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

#[cfg(test)]
mod tests {
    use crate::check::{Letter, LetterKind, check};

    /// Advice however an authority words it: a new, narrower request, or
    /// the part of the request to drop.
    #[test]
    fn advice_in_other_words_is_advice() {
        let refusal = |advice: &str| {
            format!(
                "Dear Ms Roe\n\nFreedom of Information request FOI-1\n\nThank you for your request received on 1 March 2024. \
                 We estimate that complying would exceed the appropriate limit of £450 under section 12 of the Freedom of \
                 Information Act 2000, so we are not obliged to comply with it.\n\n{advice}\n\nIf you are unhappy you may \
                 ask for an internal review within 40 working days by writing to foi@example.gov.uk. You may then complain \
                 to the Information Commissioner under section 50.\n\nYours sincerely\n\nA Clerk\n"
            )
        };
        for advice in [
            "We would be happy to provide the figures for one area if you submit a new request limited to that period.",
            "If you were to remove the part of your request about reasons for withdrawal, we would be able to consider the rest.",
        ] {
            let letter = Letter::from_text("advice.txt", &refusal(advice));
            assert_eq!(letter.kind, LetterKind::CostLimit, "{advice}");
            let findings = check(&letter);
            assert!(!findings.iter().any(|f| f.code == "FOI205"), "{advice}: {findings:?}");
        }
        let findings = check(&Letter::from_text("none.txt", &refusal("We are sorry we cannot help further.")));
        assert!(findings.iter().any(|f| f.code == "FOI205"), "{findings:?}");
    }
}
