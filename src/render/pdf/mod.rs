//! PDF backend: A4 letters in Liberation Sans, with fallback faces for the
//! scripts it lacks, fonts subset and embedded; tagged PDF/UA-1 and
//! PDF/A-2u.
//!
//! Split in two so the typography can be tested without decoding PDFs:
//! `layout` turns the [`Document`] into pages of positioned lines and
//! rules (own line breaking, shaping, bidi and pagination, pure) tagged
//! with a structure tree, and `encode` builds those pages as lopdf
//! objects (fonts subset by `subset`), which `writer` writes as
//! reproducible bytes.

pub(super) mod archival;
mod content;
mod coverage;
mod deflate;
mod dehint;
mod embed;
mod encode;
mod flow;
mod fonts;
mod glyph_table;
mod lang;
mod layout;
mod linebreak;
mod logo;
mod memo;
mod object;
mod paginate;
mod sfnt;
mod shape;
mod standard;
mod structure;
mod style;
mod subset;
mod table;
mod tagged;
mod to_unicode;
mod win_ansi;
mod wrap;
mod writer;

#[cfg(test)]
mod house_tests;
#[cfg(test)]
mod tests;

use super::{Format, RenderError, RenderOptions};
use crate::doc::Document;

/// Renders `doc` as an A4 PDF. The same document and options always give
/// the same bytes, in one process or across processes.
///
/// # Errors
///
/// If the letter holds a character no bundled font can print (the error
/// names it and the text it occurs in), or if the bundled fonts cannot be
/// loaded or subset, or a stream cannot be deflated, which no document
/// content can cause. Oversized words, rows and blocks are broken rather than
/// rejected.
pub fn pdf(doc: &Document, opts: &RenderOptions) -> Result<Vec<u8>, RenderError> {
    let error = |message: String| RenderError { format: Format::Pdf, message, unprintable: None };
    let fonts = fonts::fonts_for(doc.house.font.as_ref()).map_err(error)?;
    coverage::check(doc, fonts).map_err(|(c, message)| RenderError {
        format: Format::Pdf,
        message,
        unprintable: Some(c),
    })?;
    let layout = layout::layout(doc, fonts);
    encode::encode(&layout, doc, opts, fonts).map_err(error)
}
