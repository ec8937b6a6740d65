//! DOCX backend (being written).
use super::{RenderError, RenderOptions};
use crate::doc::Document;

/// Renders `doc` as a Word document.
pub fn docx(_doc: &Document, _opts: &RenderOptions) -> Result<Vec<u8>, RenderError> {
    Err(RenderError { format: super::Format::Docx, message: "not yet implemented".into() })
}
