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
//! - `reference` reads an organisation's own Word file (`--reference-doc`)
//!   and gives its styles, page, headers and footers to the letter;
//! - `xml` escapes text.
//!
//! All XML is written directly: docx-rs 0.4, used before, wrote property
//! children out of schema order, which Word repairs or silently drops.

use super::{Format, RenderError, RenderOptions};
use crate::doc::Document;

pub use reference::{ReferenceDoc, ReferenceError};

mod body;
pub(super) mod fixed;
mod house;
mod package;
mod props;
mod reference;
#[cfg(test)]
mod schema;
mod styles;
pub(super) mod theme;
mod xml;
mod zip_writer;

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
    let error = |message: String| RenderError { format: Format::Docx, message, unprintable: None };
    let stamp = package::Stamp::new(opts.timestamp).map_err(error)?;
    let mark = doc.meta.draft.then(house::draft_mark);
    let house = opts.reference_doc.as_deref().map(|r| r.letter(mark.as_deref()));
    let page = house.as_ref().zip(opts.reference_doc.as_deref()).map(|(h, r)| body::HousePage {
        section: &h.section,
        text_width: r.text_width(),
        first_num_id: r.first_num_id(),
    });
    let layout = body::layout(doc, page.as_ref());
    let numbering = opts
        .reference_doc
        .as_deref()
        .and_then(|reference| reference.numbering(&layout.lists))
        .or_else(|| (!layout.lists.is_empty()).then(|| styles::numbering_xml(&layout.lists)));
    let parts = package::Parts {
        document: &layout.document,
        header: layout.header.as_deref().filter(|_| house.as_ref().is_none_or(|h| h.our_header)),
        first_header: layout.first_header.as_deref(),
        logo: doc.house.logo.as_ref().map(|logo| (house::logo_part(logo), logo)),
        footer: Some(layout.footer.as_str()).filter(|_| house.as_ref().is_none_or(|h| h.our_footer)),
        numbering: numbering.as_deref(),
        links: &layout.links,
        meta: &doc.meta,
        house: house.as_ref(),
    };
    package::package(&parts, &stamp).map_err(|e| error(format!("cannot write the zip: {e}")))
}

#[cfg(test)]
mod tests;
