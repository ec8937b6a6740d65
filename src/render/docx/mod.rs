//! DOCX backend: a [`Document`] as a Word letter a clerk can edit and send.
//!
//! The work is split this way:
//! - `body` turns the model into the XML of the body, header and footer,
//!   paragraphs and tables that name styles rather than carry formatting;
//! - `props` writes their property elements in the order ECMA-376
//!   requires, which Word enforces (checked in tests by `schema`, and in
//!   the integration tests by the independent validator `openxml-audit`);
//! - `styles` defines those styles and the list numbering, `theme` the
//!   Office theme;
//! - `package` writes every other part and the zip, so that the same
//!   letter and options always give the same bytes, small ones;
//! - `xml` escapes text.
//!
//! All XML is written directly: docx-rs 0.4, used before, wrote property
//! children out of schema order, which Word repairs or silently drops.

use super::{Format, RenderError, RenderOptions};
use crate::doc::Document;

mod body;
mod house;
mod package;
mod props;
#[cfg(test)]
mod schema;
mod styles;
mod theme;
mod xml;

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
        first_header: layout.first_header.as_deref(),
        logo: doc.house.logo.as_ref().map(|logo| (house::logo_part(logo), logo)),
        footer: &layout.footer,
        numbering: numbering.as_deref(),
        links: &layout.links,
        meta: &doc.meta,
    };
    package::package(&parts, &stamp).map_err(|e| error(format!("cannot write the zip: {e}")))
}

#[cfg(test)]
mod tests;
