//! foikit: UK Freedom of Information correspondence.
pub mod doc;
pub mod render;
