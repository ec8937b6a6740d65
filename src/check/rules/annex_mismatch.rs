//! FOI401 annex-mismatch

use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::read::recognise::annex_references;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI401",
    name: "annex-mismatch",
    severity: Severity::Error,
    summary: "the letter refers to an annex that is not there, or has an annex it never mentions",
    doc: DOC,
    help: "make every \"Annex X\" the letter mentions exist, and mention every annex the letter has",
    kinds: LetterKind::DECISIONS,
    check,
};

const DOC: &str = "\
## What it checks
That every annex the letter refers to (\"set out in Annex A\", \"the attached Annex\") is present, and
that every labelled annex present is referred to in the letter.

## Why it matters
Released information and public interest reasons are often in annexes. A reference to a missing
annex means information the requester was told they would get, or reasons s17 requires, are not in
the letter; an annex never mentioned is often one attached to the wrong letter.

## Example
\"The information is set out in Annex B.\" in a letter whose only annex is Annex A.

## Fix
Correct the reference, or attach the annex.";

fn check(letter: &Letter) -> Vec<Finding> {
    let body: Vec<_> = letter.body().collect();
    let refs = annex_references(&body);
    let mut out = Vec::new();
    for (i, label) in &refs {
        let present = if label == "Annex" || label == "Appendix" {
            letter.annexes > 0
        } else {
            letter.annex_labels.contains(label)
        };
        if !present {
            out.push(Finding::at(*i, format!("the letter refers to {label}, but there is no such annex")));
        }
    }
    // "The annex below" refers to the one annex there is, whatever its label.
    let generic = refs.iter().any(|(_, l)| l == "Annex" || l == "Appendix");
    let mut seen: Vec<&String> = Vec::new();
    for label in &letter.annex_labels {
        if seen.contains(&label) {
            continue;
        }
        seen.push(label);
        let referred = refs.iter().any(|(_, l)| l == label) || (generic && letter.annexes == 1);
        if !referred {
            out.push(Finding::letter(format!("{label} is attached but the letter never refers to it")).on("annexes"));
        }
    }
    out
}
