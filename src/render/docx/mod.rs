//! DOCX backend: a [`Document`] as a Word letter a clerk can edit and send.
//!
//! The work is split three ways:
//! - `body` turns the model into docx-rs paragraphs and tables that name
//!   styles rather than carry formatting;
//! - `styles` defines those styles and the list numbering;
//! - `package` writes every other part and the zip, so that the same
//!   letter and options always give the same bytes, small ones.
//!
//! docx-rs is used for what it does well, the XML of the document body,
//! header and footer (it escapes all text itself).

use super::{Format, RenderError, RenderOptions};
use crate::doc::Document;

mod body;
mod package;
mod styles;

/// Renders `doc` as a Word document (`.docx`).
///
/// Output depends only on `doc` and `opts`: rendering twice, in one process
/// or two, gives identical bytes, so case files can be rebuilt and diffed.
///
/// # Errors
///
/// Only when `opts.timestamp` cannot be written into the document
/// properties (a year before 0), or the zip cannot be written.
pub fn docx(doc: &Document, opts: &RenderOptions) -> Result<Vec<u8>, RenderError> {
    let error = |message: String| RenderError { format: Format::Docx, message };
    let stamp = package::Stamp::new(opts.timestamp).map_err(error)?;
    let layout = body::layout(doc);
    let numbering = (!layout.lists.is_empty()).then(|| styles::numbering_xml(&layout.lists));
    let parts = package::Parts {
        document: &layout.document,
        header: layout.header.as_deref(),
        footer: &layout.footer,
        numbering: numbering.as_deref(),
        links: &layout.links,
        meta: &doc.meta,
    };
    package::package(&parts, &stamp).map_err(|e| error(format!("cannot write the zip: {e}")))
}

#[cfg(test)]
mod tests;
