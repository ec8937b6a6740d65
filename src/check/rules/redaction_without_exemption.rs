//! FOI207 redaction-without-exemption

use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI207",
    name: "redaction-without-exemption",
    severity: Severity::Error,
    summary: "text is redacted under a provision the letter does not rely on for it",
    doc: DOC,
    help: "cite and explain the exemption for that part of the request, or correct the redaction's provision",
    kinds: LetterKind::REPLIES,
    check,
};

const DOC: &str = "\
## What it checks
That every redaction (`[[redact 40(2): …]]`, printed as \"[Redacted – section 40(2)]\") names a
provision the letter relies on: for a redaction in the answer to one part of the request, an
exemption cited for that part; elsewhere (an annex), an exemption the letter cites. Each cited
exemption must also be explained (`missing-exemption-reason`).

## Why it matters
Withholding part of the information is a refusal of that part: the letter must say which exemption
applies and why (FOIA s17(1), EIR reg 14(3), FOISA s16(1)). A redaction marked with a provision the
letter never explains leaves the requester unable to challenge it, and usually means the wrong
provision was typed.

## Example
Part 1 releases a report with \"[Redacted – section 40(2)]\" in it, but the letter only relies on
section 43(2) for part 1.

## Fix
Cite section 40(2) for part 1, with its reasons, or mark the redaction with the provision the
letter does rely on.";

/// "40(2)" covers "40(2)" and "40(2)(a)", and "40" covers "40(2)": one is
/// the other or a subsection of it.
fn covers(cited: &str, redacted: &str) -> bool {
    let compact = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    let (a, b) = (compact(cited), compact(redacted));
    let within =
        |outer: &str, inner: &str| inner.strip_prefix(outer).is_some_and(|r| r.is_empty() || r.starts_with('('));
    within(&a, &b) || within(&b, &a)
}

fn check(letter: &Letter) -> Vec<Finding> {
    let law = letter.regime.regime();
    let mut out = Vec::new();
    for r in &letter.redactions {
        let prefix = r.item.map(|i| format!("response.items[{i}]."));
        let for_item: Vec<_> = letter
            .cited
            .iter()
            .filter(|c| match (&prefix, &c.field) {
                (Some(p), Some(f)) => f.starts_with(p.as_str()),
                _ => true,
            })
            .collect();
        if for_item.iter().any(|c| covers(&c.provision, &r.provision)) {
            continue;
        }
        let part = r.item.map_or_else(String::new, |i| format!(" for part {} of the request", i + 1));
        out.push(Finding::at(
            r.paragraph,
            format!(
                "text is redacted under {} {}, which the letter does not rely on{part}",
                law.provision_word, r.provision
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::covers;

    #[test]
    fn subsections_are_covered_both_ways() {
        assert!(covers("40(2)", "40(2)"));
        assert!(covers("40", "40(2)"));
        assert!(covers("40(2)", "40"));
        assert!(covers("40 (2)", "40(2)(a)"));
        assert!(!covers("40(2)", "43(2)"));
        assert!(!covers("4", "40(2)"));
    }
}
