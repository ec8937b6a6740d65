//! One letter's snapshot: the reviewable text files made from its
//! renderings.

use std::io::Read;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Error, layout, model};
use crate::doc::Document;
use crate::read::extract;
use crate::render::{self, Format, RenderOptions};

/// One file of a letter's snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The plain-text letter.
    Text,
    /// Pages and where they break.
    Layout,
    /// The document model.
    Model,
    /// The DOCX package as normalised XML.
    DocxXml,
    /// The PDF's extracted text.
    PdfText,
    /// The HTML page.
    Html,
    /// Hashes of the bytes of every format.
    Hashes,
}

impl Part {
    /// Every part, most readable first: the order reports show them in.
    pub const ALL: [Part; 7] =
        [Part::Text, Part::Layout, Part::Model, Part::DocxXml, Part::PdfText, Part::Html, Part::Hashes];

    /// What follows `<letter>.` in the file name.
    pub fn suffix(self) -> &'static str {
        match self {
            Part::Text => "txt",
            Part::Layout => "layout.txt",
            Part::Model => "model.txt",
            Part::DocxXml => "docx.xml",
            Part::PdfText => "pdf.txt",
            Part::Html => "html",
            Part::Hashes => "sha256",
        }
    }

    /// The letter and part a snapshot file name stands for: `reply.pdf.txt`
    /// is the reply's PDF text. Letter names have no dots, so the first dot
    /// ends the letter's name; other files (a README) are not snapshots.
    pub fn parse(file_name: &str) -> Option<(&str, Part)> {
        let (letter, suffix) = file_name.split_once('.')?;
        let part = Part::ALL.into_iter().find(|p| p.suffix() == suffix)?;
        (!letter.is_empty()).then_some((letter, part))
    }
}

/// A letter's snapshot: each part's text, in [`Part::ALL`] order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// (part, contents).
    pub parts: Vec<(Part, String)>,
}

/// Renders `doc` in every format and makes its snapshot. `letter` names the
/// rendered files in the hashes part.
pub fn take(letter: &str, doc: &Document, opts: &RenderOptions) -> Result<Snapshot, Error> {
    let render = |format| render::render(doc, format, opts).map_err(|e| Error(format!("error: {letter}: {e}")));
    let docx = render(Format::Docx)?;
    let pdf = render(Format::Pdf)?;
    let txt = render(Format::Txt)?;
    let html = render(Format::Html)?;
    let pages = extract::pdf_pages(letter, &pdf).map_err(|e| Error(e.to_string()))?;
    let mut hashes = format!(
        "# timestamp in the files: {} (unix seconds; SOURCE_DATE_EPOCH, or the letter's date)\n",
        opts.timestamp.unix_timestamp()
    );
    for (format, bytes) in [(Format::Docx, &docx), (Format::Pdf, &pdf), (Format::Txt, &txt), (Format::Html, &html)] {
        hashes.push_str(&format!("{}  {letter}.{}\n", sha256(bytes), format.extension()));
    }
    let parts = vec![
        (Part::Text, String::from_utf8_lossy(&txt).into_owned()),
        (Part::Layout, layout::summary(&pages)),
        (Part::Model, model::dump(doc)),
        (Part::DocxXml, docx_xml(&docx).map_err(|e| Error(format!("error: {letter}: cannot read its DOCX: {e}")))?),
        (Part::PdfText, pages.iter().flat_map(|p| [p.as_str(), "\n\n"]).collect()),
        (Part::Html, String::from_utf8_lossy(&html).into_owned()),
        (Part::Hashes, hashes),
    ];
    Ok(Snapshot { parts })
}

/// Lower-case hex SHA-256, as `sha256sum` prints it.
fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Every part of a DOCX package in name order, one tag per line, so a
/// changed word or style shows as a one-line diff.
fn docx_xml(bytes: &[u8]) -> Result<String, zip::result::ZipError> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut names: Vec<String> = zip.file_names().map(str::to_string).collect();
    names.sort();
    let mut out = String::new();
    for name in names {
        let mut raw = Vec::new();
        zip.by_name(&name)?.read_to_end(&mut raw)?;
        out.push_str(&format!("=== {name} ===\n"));
        match std::str::from_utf8(&raw) {
            Ok(xml) => {
                out.push_str(&xml.replace("><", ">\n<"));
                out.push('\n');
            }
            Err(_) => out.push_str(&format!("({} bytes, sha256 {})\n", raw.len(), sha256(&raw))),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_name_a_letter_and_a_part() {
        assert_eq!(Part::parse("reply.txt"), Some(("reply", Part::Text)));
        assert_eq!(Part::parse("reply.pdf.txt"), Some(("reply", Part::PdfText)));
        assert_eq!(Part::parse("review-outcome.layout.txt"), Some(("review-outcome", Part::Layout)));
        assert_eq!(Part::parse("README.md"), None);
        assert_eq!(Part::parse(".txt"), None);
        for part in Part::ALL {
            assert_eq!(Part::parse(&format!("x.{}", part.suffix())), Some(("x", part)));
        }
    }

    #[test]
    fn sha256_matches_the_standard_test_vector() {
        assert_eq!(sha256(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
