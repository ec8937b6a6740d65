//! Stage 3: the validator.
//!
//! Rules (one per file in `rules/`, listed in [`rules::RULES`]) check a
//! [`Letter`]: the composed document of a case file, or the text of a
//! letter drafted elsewhere (DOCX, PDF, plain text). Rules read the letter's
//! wording, not just the case data, so a template that drops a paragraph the
//! law requires is caught, and so is a real authority's letter that words it
//! differently from ours.

pub mod diagnostic;
pub mod letter;
pub mod report;
pub mod rule;
pub mod rules;

pub use diagnostic::{Diagnostic, Location, Severity};
pub use letter::{Letter, LetterKind};
pub use rule::Rule;

/// Runs `rules` on `letter`, in rule order.
pub fn check_with(letter: &Letter, rules: &[&'static Rule]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules.iter().filter(|r| r.kinds.contains(&letter.kind)) {
        for finding in (rule.check)(letter) {
            let paragraph = finding.paragraph.and_then(|i| letter.paragraphs.get(i));
            let in_case = match (&letter.source, &finding.field) {
                (Some((source, format)), Some(field)) => crate::case::position(source, *format, field),
                _ => None,
            };
            let line = in_case.map(|p| p.0).or(paragraph.and_then(|p| p.line));
            let column = in_case.map(|p| p.1).or(paragraph.and_then(|p| p.line).map(|_| 1));
            out.push(Diagnostic {
                code: rule.code,
                name: rule.name,
                severity: finding.severity.unwrap_or(rule.severity),
                message: finding.message,
                location: Location {
                    file: letter.file.clone(),
                    line,
                    column,
                    quote: paragraph.map(|p| quote(&p.text)),
                },
                help: rule.help,
            });
        }
    }
    out
}

/// Runs every rule on `letter`.
pub fn check(letter: &Letter) -> Vec<Diagnostic> {
    check_with(letter, rules::RULES)
}

fn quote(text: &str) -> String {
    let short: String = text.chars().take(100).collect();
    if short.len() < text.len() { format!("{short}…") } else { short }
}
