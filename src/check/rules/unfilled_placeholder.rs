//! FOI402 unfilled-placeholder

use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::read::recognise::placeholders;

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI402",
    name: "unfilled-placeholder",
    severity: Severity::Error,
    summary: "template placeholders or bracketed drafting instructions are left in the text",
    doc: DOC,
    help: "replace the placeholder with the text it stands for, or delete it",
    // Everything but text that is not FOI correspondence (an article quoting a template).
    kinds: &[
        LetterKind::Acknowledgement,
        LetterKind::Clarification,
        LetterKind::HoldingNotice,
        LetterKind::Release,
        LetterKind::PartialRelease,
        LetterKind::Refusal,
        LetterKind::Ncnd,
        LetterKind::NotHeld,
        LetterKind::CostLimit,
        LetterKind::Vexatious,
        LetterKind::Repeated,
        LetterKind::ReviewOutcome,
        LetterKind::ReviewRequest,
        LetterKind::Complaint,
        LetterKind::DecisionNotice,
        LetterKind::ReleasePage,
    ],
    check,
};

const DOC: &str = "\
## What it checks
That no template placeholder survives in the letter: `{{name}}`, `<<date>>`, bracketed capitals such
as `[DATE]` or `[ GIVE DETAILS ABOUT YOUR COMPLAINT HERE ]`, bracketed instructions (`[insert
date]`), `<name>` or `XX/XX/XXXX`. Brackets around ordinary text (`[Mr Smith]`) are not flagged, nor
is a hosting site's masking (WhatDoTheyKnow's `xxxxx@example.gov.uk`, `[email address]`) or a
redaction marker (`[REDACTED]`): nobody is meant to fill those in.

## Why it matters
A letter that goes out with its drafting instructions in it has not been read; real review requests
and replies have gone out like this (see `../shared/reference-letters/10_…`), and the reader cannot
tell what was meant.

## Example
\"I am writing to request an internal review. [ GIVE DETAILS ABOUT YOUR COMPLAINT HERE ]\"

## Fix
Write the text the placeholder asks for.";

fn check(letter: &Letter) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, p) in letter.paragraphs.iter().enumerate() {
        for found in placeholders(&p.text) {
            out.push(Finding::at(i, format!("unfilled placeholder `{found}`")));
        }
    }
    out
}
