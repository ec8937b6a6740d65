//! Backends: [`Document`] → bytes.
//!
//! Each backend is one function of the same shape, `fn(&Document,
//! &RenderOptions) -> Result<Vec<u8>, RenderError>`; none of them looks at
//! the case file, so what a letter says is decided once, in composition.

use std::fmt;
use std::str::FromStr;

use time::OffsetDateTime;

use crate::doc::Document;

pub mod docx;
pub mod html;
pub mod pdf;
pub mod text;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// Word document (Office Open XML).
    Docx,
    /// PDF, A4, fonts embedded.
    Pdf,
    /// Plain UTF-8 text: the golden format for diffs.
    Txt,
    /// A standalone HTML page for previewing in a browser.
    Html,
}

impl Format {
    /// Every format, in the order outputs are written.
    pub const ALL: [Format; 4] = [Format::Docx, Format::Pdf, Format::Txt, Format::Html];

    /// The file extension (also the name used on the command line).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Txt => "txt",
            Format::Html => "html",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(s.trim()) || (s.trim() == "text" && *f == Format::Txt))
            .ok_or_else(|| format!("unknown format `{s}` (expected one of: docx, pdf, txt, html)"))
    }
}

/// Settings shared by all backends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// The timestamp written into file metadata (DOCX core properties and
    /// zip entries, PDF document info). Never the wall clock: see
    /// [`RenderOptions::for_document`].
    pub timestamp: OffsetDateTime,
}

impl RenderOptions {
    /// Options for `doc`: the timestamp is `SOURCE_DATE_EPOCH` when that is
    /// set to a valid number of seconds, otherwise midnight UTC of the date
    /// the letter bears, so the same case always gives the same bytes.
    pub fn for_document(doc: &Document) -> RenderOptions {
        let from_env = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|secs| OffsetDateTime::from_unix_timestamp(secs).ok());
        RenderOptions { timestamp: from_env.unwrap_or_else(|| doc.meta.date.midnight().assume_utc()) }
    }
}

/// A backend failed to produce its file.
#[derive(Debug)]
pub struct RenderError {
    /// Which backend.
    pub format: Format,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot render {}: {}", self.format, self.message)
    }
}

impl std::error::Error for RenderError {}

/// Renders `doc` in `format`.
pub fn render(doc: &Document, format: Format, opts: &RenderOptions) -> Result<Vec<u8>, RenderError> {
    match format {
        Format::Docx => docx::docx(doc, opts),
        Format::Pdf => pdf::pdf(doc, opts),
        Format::Txt => Ok(text::text(doc).into_bytes()),
        Format::Html => Ok(html::html(doc).into_bytes()),
    }
}
