//! Findings, where they are, and how bad they are.

use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Code of Practice or ICO good practice: the letter can go, but should not.
    Warning,
    /// The statute requires it: the letter must not go out like this.
    Error,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Where a finding is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Location {
    /// The file checked.
    pub file: String,
    /// 1-based line, when known (case files; plain-text letters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The passage of the letter concerned, shortened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's code, e.g. "FOI101".
    pub code: &'static str,
    /// The rule's name, e.g. "missing-internal-review".
    pub name: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, citing the law.
    pub message: String,
    /// Where.
    #[serde(flatten)]
    pub location: Location,
    /// How to fix it.
    pub help: &'static str,
}
