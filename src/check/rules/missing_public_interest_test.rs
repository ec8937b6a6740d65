//! FOI203 missing-public-interest-test

use std::sync::LazyLock;

use regex::Regex;

use super::{holding_notice, re, resolve};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI203",
    name: "missing-public-interest-test",
    severity: Severity::Error,
    summary: "a qualified exemption is relied on without public interest reasons",
    doc: DOC,
    help: "set out the public interest factors for and against disclosure and why the balance favours withholding",
    kinds: &[LetterKind::Refusal, LetterKind::PartialRelease, LetterKind::Ncnd],
    check,
};

const DOC: &str = "\
## What it checks
That a letter relying on a qualified exemption (or any EIR exception) gives the reasons for
concluding that the public interest in maintaining it outweighs the public interest in disclosure:
the words \"public interest\" with a weighing (balance, outweigh, in favour of). A holding notice
under FOIA s17(2), which says the decision is not yet made, is exempt from this rule (see
`missing-pit-estimate`).

## Why it matters
FOIA s17(3) requires the public interest reasons (EIR reg 14(3)(b) with reg 12(1)(b); FOISA
s16(2)). Without them the requester cannot tell whether the test was applied at all.

## Example
\"The information is exempt under section 43(2) because disclosure would harm the supplier.\"

## Fix
Add the factors for and against disclosure and the conclusion, e.g. \"We recognise the public
interest in transparency about spending; however, it is outweighed by the public interest in fair
competition for the contract.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    static WEIGHED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)public interest[^.]{0,200}(?:outweigh|balance|favou?r|weigh|maintain)|(?:outweigh|balance|favou?r|weigh)[^.]{0,200}public interest",
        )
    });
    if holding_notice(letter) {
        return Vec::new();
    }
    let weighed = WEIGHED.is_match(&letter.text());
    let mut out = Vec::new();
    for c in &letter.cited {
        let Some(r) = resolve(letter, c).filter(|r| r.qualified()) else { continue };
        // "Section 40" alone: some limbs are absolute, so whether a test is
        // owed depends on the limb, and citing it is the fix.
        let message = if r.subsection.is_empty() && !r.def.absolute_subsections.is_empty() {
            let absolute: Vec<String> =
                r.def.absolute_subsections.iter().map(|s| format!("{}{s}", r.def.section)).collect();
            format!(
                "{} {} is cited without its subsection: {} {} absolute and the other limbs are qualified, so cite the limb relied on ({})",
                c.word,
                c.provision,
                absolute.join(", "),
                if absolute.len() == 1 { "is" } else { "are" },
                letter.regime.regime().notice.reasons
            )
        } else if !weighed {
            format!(
                "{} {} is a qualified exemption but the letter gives no public interest reasons ({})",
                c.word,
                c.provision,
                letter.regime.regime().notice.public_interest
            )
        } else {
            continue;
        };
        out.push(Finding::at(c.paragraph, message).on(c.field.as_deref()));
    }
    out
}
