//! What a rule is. Every rule lives in its own file under `rules/` with its
//! code, name, severity, documentation and tests, and is listed once in
//! [`super::rules::RULES`].

use super::diagnostic::Severity;
use super::letter::{Letter, LetterKind};

/// A finding before it is placed: the message and the passage concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The message, citing the law.
    pub message: String,
    /// Index of the paragraph concerned in [`Letter::paragraphs`], if any.
    pub paragraph: Option<usize>,
    /// The case-file field the finding is about (`review`,
    /// `exemptions[1]`), so a case file's line can be given.
    pub field: Option<String>,
    /// A lower severity than the rule's, where the law only recommends
    /// (a Code of Practice) or the letter appears cut short.
    pub severity: Option<Severity>,
}

impl Finding {
    /// A finding about the letter as a whole.
    pub fn letter(message: impl Into<String>) -> Finding {
        Finding { message: message.into(), paragraph: None, field: None, severity: None }
    }

    /// A finding about one paragraph.
    pub fn at(paragraph: usize, message: impl Into<String>) -> Finding {
        Finding { message: message.into(), paragraph: Some(paragraph), field: None, severity: None }
    }

    /// The same finding, as a warning.
    pub fn warning(mut self) -> Finding {
        self.severity = Some(Severity::Warning);
        self
    }

    /// The same finding, tied to a case-file field (if there is one).
    pub fn on<'a>(mut self, field: impl Into<Option<&'a str>>) -> Finding {
        self.field = field.into().map(str::to_string);
        self
    }
}

/// A check of a letter against one requirement.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. "FOI101". Never reused.
    pub code: &'static str,
    /// Kebab-case name naming the problem, e.g. "missing-internal-review".
    pub name: &'static str,
    /// Error when the statute requires it; warning for Codes and guidance.
    pub severity: Severity,
    /// One line: what it checks.
    pub summary: &'static str,
    /// Markdown documentation with the headings "What it checks", "Why it
    /// matters", "Example" and "Fix".
    pub doc: &'static str,
    /// What to do, printed as the help line.
    pub help: &'static str,
    /// The kinds of letter the rule applies to.
    pub kinds: &'static [LetterKind],
    /// The check.
    pub check: fn(&Letter) -> Vec<Finding>,
}
