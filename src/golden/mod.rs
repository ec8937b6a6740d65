//! Golden snapshots of letters: `foikit golden update|check`, and
//! foikit's own golden tests, in one format.
//!
//! A template edit, a foikit upgrade or a changed case file can alter a
//! letter; CI should fail when it does and show what changed in words a
//! reviewer can read. Binary DOCX and PDF files diff badly, so every letter
//! is kept as a few plain-text files under `GOLDEN/<case>/`:
//!
//! | file | what it holds |
//! |---|---|
//! | `<letter>.txt` | the plain-text letter |
//! | `<letter>.layout.txt` | the PDF's pages: how many, and the first and last words of each |
//! | `<letter>.model.txt` | the document model, block by block (sections, lists, tables, runs) |
//! | `<letter>.docx.xml` | every part of the DOCX package, parts sorted, one tag per line |
//! | `<letter>.pdf.txt` | the PDF's text, as foikit's own extractor reads it |
//! | `<letter>.html` | the HTML page |
//! | `<letter>.sha256` | a SHA-256 of the bytes of each format, and the timestamp they carry |
//!
//! `<case>` is the case file's path below the folder given (or its stem, for
//! a file given by name); `<letter>` is `reply`, `review-outcome`, … .
//! Snapshots are deterministic: the same case, templates and foikit give the
//! same files on every machine (timestamps come from `SOURCE_DATE_EPOCH` or
//! the letter's date, never the clock).

mod diff;
mod layout;
mod model;
pub mod report;
mod snapshot;
pub mod source;
mod store;
mod trace;

pub use diff::Diff;
pub use snapshot::Part;
pub use source::{CaseFile, Produced, Which};
pub use store::{LetterOutcome, Outcome, PartDiff, Settings, Stale, Status, Updated, check, update};
pub use trace::Trace;

/// Golden snapshots could not be made, read or written: bad input (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl Error {
    /// An I/O failure on `path`.
    fn io(path: &std::path::Path, e: std::io::Error) -> Error {
        Error(format!("error: {}: {e}", path.display()))
    }
}
