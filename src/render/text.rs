//! Plain-text backend.
use crate::doc::Document;
/// Renders `doc` as plain text.
pub fn text(_doc: &Document) -> String { String::new() }
