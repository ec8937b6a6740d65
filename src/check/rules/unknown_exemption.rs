//! FOI202 unknown-exemption

use std::sync::LazyLock;

use regex::Regex;

use super::{re, resolve};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI202",
    name: "unknown-exemption",
    severity: Severity::Error,
    summary: "the reply relies on a section that is not an exemption in its regime",
    doc: DOC,
    help: "check the citation against `foikit exemptions --regime …`",
    kinds: &[
        LetterKind::Refusal,
        LetterKind::PartialRelease,
        LetterKind::Ncnd,
        LetterKind::HoldingNotice,
        LetterKind::ReviewOutcome,
    ],
    check,
};

const DOC: &str = "\
## What it checks
That every section (or regulation) the letter relies on to withhold information exists as an
exemption, exception or refusal ground in the regime the letter is under, down to the subsections
foikit knows (`foikit exemptions` lists them); that a refusal calling information exempt names
the provision at all; and that a FOIA reply neither confirming nor denying relies on a provision
that excludes that duty (s21, for one, has none).

## Why it matters
A refusal must specify the exemption relied on (FOIA s17(1)(b), EIR reg 14(3)(a), FOISA s16(1)(c)).
A wrong or non-existent section is a defective notice, and usually a sign of a copied template.

## Example
\"The information is exempt under section 25 of the Freedom of Information Act 2000.\" (Section 25
is about certificates, not an exemption.)

## Fix
Cite the exemption actually relied on, e.g. section 24(1).";

/// Whether the paragraph citing `cited` calls it an exemption: "exempt"
/// (or "exemption") shortly before the citation in one sentence, with no
/// other provision between ("exempt from disclosure under section 46").
fn called_exempt(letter: &Letter, cited: &crate::check::letter::Cited) -> bool {
    let Some(paragraph) = letter.paragraphs.get(cited.paragraph) else { return false };
    let forms =
        [format!("section {}", cited.provision), format!("s.{}", cited.provision), format!("s{}", cited.provision)];
    crate::read::recognise::sentences(&paragraph.text).any(|sentence| {
        let lower = sentence.to_ascii_lowercase();
        forms
            .iter()
            .filter_map(|form| lower.find(form.as_str()))
            .any(|at| lower[..at].rfind("exempt").is_some_and(|e| at - e <= 60 && !lower[e..at].contains("section")))
    })
}

fn check(letter: &Letter) -> Vec<Finding> {
    let mut out = unknown(letter);
    out.extend(unspecified(letter));
    out.extend(ncnd_without_exclusion(letter));
    out
}

/// A refusal that says information is exempt (or excepted) but names no
/// provision at all: s17(1)(b), reg 14(3)(a) and s16(1)(b) ask for the
/// exemption to be specified.
fn unspecified(letter: &Letter) -> Option<Finding> {
    static EXEMPT: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bexempt(?:ion)?\b|\bexcept(?:ed|ion)\b"));
    let law = letter.regime.regime();
    let refuses = matches!(letter.kind, LetterKind::Refusal | LetterKind::PartialRelease);
    // Any provision cited, even another regime's (a mismatch FOI104
    // reports), is a specification; a letter cut short may specify it in
    // the missing part.
    let incomplete = letter.recognised.as_ref().is_some_and(|r| r.incomplete.is_some());
    if !refuses || letter.from_case || incomplete || !letter.cited.is_empty() {
        return None;
    }
    let (at, _) = letter.body().find(|(_, p)| EXEMPT.is_match(&p.text))?;
    Some(Finding::at(
        at,
        format!(
            "the letter withholds information as exempt but does not specify the {} it relies on ({})",
            letter.regime.kinds().exemption_word,
            law.notice.specify
        ),
    ))
}

/// A neither-confirm-nor-deny reply whose every exemption has no provision
/// excluding the duty to confirm or deny (FOIA s21 has none): the notice
/// must specify the provision that excludes it (s17(1)(b)).
fn ncnd_without_exclusion(letter: &Letter) -> Option<Finding> {
    if letter.kind != LetterKind::Ncnd || letter.from_case {
        return None;
    }
    let law = letter.regime.regime();
    let resolved: Vec<_> = letter.cited.iter().filter_map(|c| resolve(letter, c).map(|r| (c, r))).collect();
    // FOISA and the EIR exclude the duty by one general provision (s18,
    // reg 12(6)), not provision by provision.
    if !law.exemptions.iter().any(|d| d.ncnd.is_some()) || resolved.iter().any(|(_, r)| r.def.ncnd.is_some()) {
        return None;
    }
    let (cited, _) = resolved.first()?;
    Some(Finding::at(
        cited.paragraph,
        format!(
            "{} {} has no provision excluding the duty to confirm or deny, so it cannot ground a reply that neither confirms nor denies ({})",
            cited.word, cited.provision, law.notice.specify
        ),
    ))
}

fn unknown(letter: &Letter) -> Vec<Finding> {
    let law = letter.regime.regime();
    let number = |s: &str| s.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u32>().ok();
    let numbers: Vec<u32> = law.exemptions.iter().filter_map(|d| number(d.section)).collect();
    let (lo, hi) = (numbers.iter().min().copied().unwrap_or(0), numbers.iter().max().copied().unwrap_or(0));
    let mut out = Vec::new();
    for cited in &letter.cited {
        let compact: String = cited.provision.chars().filter(|c| !c.is_whitespace()).collect();
        let passing = crate::law::notices::cited_in_passing(letter.regime).iter().any(|p| compact.starts_with(p));
        if resolve(letter, cited).is_some() || cited.word != law.provision_word || passing {
            continue;
        }
        // Other provisions of the Act (s1, s10, s50…) are cited in passing.
        let n = number(&cited.provision);
        let whole: String = cited.provision.chars().filter(|c| !c.is_whitespace()).collect();
        let procedural = n.is_some_and(|n| law.procedural.contains(&n.to_string().as_str()))
            || law.procedural.iter().any(|p| whole.starts_with(p) && p.contains('('));
        let in_range = n.is_some_and(|n| (lo..=hi).contains(&n)) && !procedural;
        // Past the last exemption (FOIA s46, the records management code;
        // s50, complaints) nothing exempts, so a letter calling such a
        // provision an exemption is wrong however it cites the rest.
        let beyond = n.is_some_and(|n| n > hi) && !procedural && called_exempt(letter, cited);
        if !in_range && !beyond && !letter.from_case {
            continue;
        }
        // Another subsection of an exemption the letter does rely on, named
        // for what it says ("the bodies listed in section 23(3)"), unless
        // the letter calls it an exemption itself.
        let sibling = letter.cited.iter().any(|other| {
            !std::ptr::eq(other, cited) && number(&other.provision) == n && resolve(letter, other).is_some()
        });
        if sibling && !letter.from_case && !called_exempt(letter, cited) {
            continue;
        }
        let hint = match law.cite(&cited.provision) {
            Err(Some(near)) => format!("; did you mean {} {near}?", law.provision_word),
            _ => String::new(),
        };
        out.push(
            Finding::at(
                cited.paragraph,
                format!("{} {} is not an exemption in the {}{hint}", law.provision_word, cited.provision, law.act),
            )
            .on(cited.field.as_deref()),
        );
    }
    out
}
