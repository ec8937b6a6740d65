//! PDF backend (being written).
use super::{RenderError, RenderOptions};
use crate::doc::Document;

/// Renders `doc` as an A4 PDF.
pub fn pdf(_doc: &Document, _opts: &RenderOptions) -> Result<Vec<u8>, RenderError> {
    Err(RenderError { format: super::Format::Pdf, message: "not yet implemented".into() })
}
