//! Backends: [`Document`] → bytes.
//!
//! Each backend is one function of the same shape, `fn(&Document,
//! &RenderOptions) -> Result<Vec<u8>, RenderError>`; none of them looks at
//! the case file, so what a letter says is decided once, in composition.

use std::fmt;
use std::str::FromStr;

use time::OffsetDateTime;

use crate::doc::Document;

pub(crate) mod deflate;
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
    /// The organisation's Word file whose styles, page, headers and footers
    /// the DOCX takes (`--reference-doc`); `None`: foikit's own style.
    pub reference_doc: Option<std::sync::Arc<docx::ReferenceDoc>>,
}

impl RenderOptions {
    /// Options for `doc`: the timestamp is `SOURCE_DATE_EPOCH` when that is
    /// set to a valid number of seconds, otherwise midnight UTC of the date
    /// the letter bears, so the same case always gives the same bytes.
    /// Commands call [`source_date_epoch`] first, so an invalid value is
    /// reported rather than ignored here.
    pub fn for_document(doc: &Document) -> RenderOptions {
        let from_env = source_date_epoch().ok().flatten();
        RenderOptions {
            timestamp: from_env.unwrap_or_else(|| doc.meta.date.midnight().assume_utc()),
            reference_doc: None,
        }
    }
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): unset is `None`; a value
/// that is not a whole number of seconds between 1970 and 9999 is an error,
/// since silently ignoring it would break the reproducibility asked for.
pub fn source_date_epoch() -> Result<Option<OffsetDateTime>, String> {
    let Some(raw) = std::env::var_os("SOURCE_DATE_EPOCH") else { return Ok(None) };
    let text = raw.to_string_lossy();
    let bad = || format!("SOURCE_DATE_EPOCH=`{text}` is not a number of seconds since 1970-01-01 (e.g. 1700000000)");
    let secs = text.trim().parse::<i64>().map_err(|_| bad())?;
    if secs < 0 {
        return Err(bad());
    }
    OffsetDateTime::from_unix_timestamp(secs).map(Some).map_err(|_| bad())
}

/// A backend failed to produce its file.
#[derive(Debug)]
pub struct RenderError {
    /// Which backend.
    pub format: Format,
    /// What went wrong.
    pub message: String,
    /// The character no font could print, when that is what went wrong:
    /// the document does not know where its text came from, its caller may
    /// (the line of the case file that holds it).
    pub unprintable: Option<char>,
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
