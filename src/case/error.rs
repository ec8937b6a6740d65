//! Errors in case files: every problem with its file, line, column and
//! field path, rendered rustc-style with the offending line shown.

use std::fmt;
use std::path::PathBuf;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// One thing wrong with a case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Field path, e.g. `exemptions[1].section`; empty for the whole document.
    pub path: String,
    /// What is wrong, and where possible how to fix it.
    pub message: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
}

/// Why a case file could not be turned into a [`Case`](super::Case).
#[derive(Debug)]
pub enum CaseError {
    /// The file could not be read.
    Io {
        /// The file.
        file: PathBuf,
        /// The operating system's reason.
        message: String,
    },
    /// The extension does not say which format the file is in.
    UnknownFormat {
        /// The file.
        file: PathBuf,
    },
    /// The file was read but is not a valid case.
    Invalid {
        /// The file, as the user named it.
        file: String,
        /// Its text, for the snippets.
        source: String,
        /// Every problem found, in source order.
        problems: Vec<Problem>,
    },
}

impl CaseError {
    /// The problems, if the file was readable.
    pub fn problems(&self) -> &[Problem] {
        match self {
            CaseError::Invalid { problems, .. } => problems,
            _ => &[],
        }
    }
}

impl std::error::Error for CaseError {}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaseError::Io { file, message } => write!(f, "error: cannot read {}: {message}", file.display()),
            CaseError::UnknownFormat { file } => write!(
                f,
                "error: cannot tell the format of {}: use the extension .yaml, .yml, .json or .toml",
                file.display()
            ),
            CaseError::Invalid { file, source, problems } => {
                let renderer = Renderer::plain();
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    let title =
                        if p.path.is_empty() { p.message.clone() } else { format!("`{}`: {}", p.path, p.message) };
                    match p.line.and_then(|l| span(source, l, p.column.unwrap_or(1))) {
                        Some(range) => {
                            let report = [Level::ERROR.primary_title(&title).element(
                                Snippet::source(source.as_str())
                                    .path(file.as_str())
                                    .line_start(1)
                                    .fold(true)
                                    .annotation(AnnotationKind::Primary.span(range)),
                            )];
                            writeln!(f, "{}", renderer.render(&report))?;
                        }
                        None => writeln!(f, "error: {title}\n  --> {file}")?,
                    }
                }
                let n = problems.len();
                write!(f, "error: {file}: {n} problem{} found", if n == 1 { "" } else { "s" })
            }
        }
    }
}

/// The byte range from (line, column) to the end of that line's text.
fn span(source: &str, line: usize, column: usize) -> Option<std::ops::Range<usize>> {
    let before = line.checked_sub(1)?;
    if before > source.split_inclusive('\n').count() {
        return None;
    }
    let start_of_line: usize = source.split_inclusive('\n').take(before).map(str::len).sum();
    let text = source[start_of_line..].split('\n').next()?.trim_end_matches('\r');
    let col_byte = text.char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| i);
    let end = text.trim_end().len().max(col_byte + 1).min(text.len().max(col_byte));
    Some(start_of_line + col_byte..start_of_line + end.max(col_byte))
}

/// Adds "did you mean `x`?" to serde's unknown-field and unknown-variant
/// messages, which list the expected names in backticks.
pub fn with_hint(message: &str) -> String {
    let known = message.starts_with("unknown field") || message.starts_with("unknown variant");
    let (Some(got), Some((_, expected)), true) = (message.split('`').nth(1), message.split_once("expected "), known)
    else {
        return message.to_string();
    };
    // serde lists candidates in backticks; some deserializers drop them.
    let expected = expected.trim_start_matches("one of ");
    let candidates =
        expected.split([',', ' ']).map(|c| c.trim_matches(['`', ' '])).filter(|c| !c.is_empty() && *c != "or");
    let best = candidates.map(|c| (distance(got, c), c)).min();
    match best {
        Some((d, c)) if d <= got.len().max(2) / 2 + 1 => format!("{message}; did you mean `{c}`?"),
        _ => message.to_string(),
    }
}

/// Levenshtein distance, for hints.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_the_nearest_field() {
        let m = with_hint("unknown field `naem`, expected one of `name`, `salutation`, `email`");
        assert!(m.ends_with("did you mean `name`?"), "{m}");
        let m = with_hint("unknown field `naem`, expected one of name, salutation, email");
        assert!(m.ends_with("did you mean `name`?"), "{m}");
        let m = with_hint("unknown field `zzzzzz`, expected `name` or `email`");
        assert!(!m.contains("did you mean"));
    }

    #[test]
    fn spans_stay_inside_the_line() {
        let src = "a: 1\nbb: hello\n";
        assert_eq!(span(src, 2, 5), Some(9..14));
        assert_eq!(span(src, 3, 1), Some(15..15));
        assert_eq!(span(src, 9, 1), None);
    }
}
