//! foikit: UK Freedom of Information correspondence.
//!
//! # Steps
//!
//! 1. **Read** a case file into a validated [`case::Case`] ([`case::load`]):
//!    every problem is reported with file, line, column and field path.
//! 2. **Compose** the case with a [`compose::TemplateSet`] into one
//!    [`doc::Document`] ([`compose::Composer::compose`]): Handlebars templates
//!    in strict mode produce a small markup, parsed into the document model.
//! 3. **Render** the document with a backend ([`render::render`]): DOCX, PDF,
//!    plain text or HTML. Backends render the model; they never go back to
//!    the case.
//!
//! Legal facts (Acts, sections, commissioners) live in [`law`], as data with
//! their sources.
//!
//! ```
//! use foikit::{case, compose::Composer, render};
//! let case = case::parse(include_str!("../fixtures/cases/ho-78814-release.yaml"),
//!                        case::SourceFormat::Yaml, "78814.yaml").unwrap();
//! let doc = Composer::builtin().compose(&case).unwrap();
//! let text = render::text::text(&doc);
//! assert!(text.contains("Freedom of Information Request reference: 78814"));
//! ```

pub mod case;
pub mod cases;
pub mod check;
pub mod compose;
pub mod doc;
pub mod golden;
pub mod image;
pub mod kind;
pub mod law;
pub mod limits;
pub mod output;
pub mod pipeline;
pub mod read;
pub mod redact;
pub mod render;
pub mod requester;
pub mod serve;
pub mod starter;
