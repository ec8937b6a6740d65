//! Every PDF foikit writes is tagged PDF/UA-1 by an independent checker
//! (the `pdfua` package from PyPI, built on pikepdf; `.ci/run` installs
//! it) with no finding at all, and names in any script reach the page and come back out of it.

use std::path::Path;
use std::process::Command;

use foikit::doc::{Block, Document, Inline};
use foikit::render::Format;

use crate::support;

/// Every letter foikit writes, and a letter of names in every script.
fn every_letter() -> Vec<(String, Document)> {
    let mut letters = support::every_letter();
    letters.push(("names".into(), names_letter()));
    letters
}

/// Names in the scripts the PDF must print, one per paragraph.
const NAMES: &[&str] = &[
    "محمد عبد الله",
    "משה כהן",
    "王小明",
    "山田太郎",
    "ＡＢＣ",
    "Αλέξανδρος Παπαδόπουλος",
    "Дмитрий Иванов",
    "Zoë Ñúñez-Øster",
    "Nguyễn Thị Minh Khai",
];

/// The 43342 reply with a paragraph for each of [`NAMES`] at its end.
fn names_letter() -> Document {
    let mut doc = support::document("ho-43342-refusal");
    doc.body.extend(NAMES.iter().map(|name| Block::Paragraph(vec![Inline::Text((*name).to_owned())])));
    doc
}

fn pdfua(checker: &Path, path: &Path) -> (bool, String) {
    let out = Command::new(checker).arg("check").arg(path).output().expect("pdfua runs");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn every_pdf_passes_the_pdf_ua_checker() {
    let Some(checker) = support::python_tool("pdfua") else { return };
    let dir = support::scratch("pdfua");
    for (name, doc) in every_letter() {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, support::render_doc(&doc, Format::Pdf)).unwrap();
        let (clean, report) = pdfua(&checker, &path);
        assert!(clean, "{name}: pdfua check found problems:\n{report}");
    }
}

#[test]
fn every_pdf_is_tagged_with_its_structure_in_reading_order() {
    if !support::tool("pdfinfo") {
        return;
    }
    let dir = support::scratch("struct");
    let path = dir.join("43342.pdf");
    std::fs::write(&path, support::render("ho-43342-refusal", Format::Pdf)).unwrap();
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("Tagged:          yes"));
    let tree = Command::new("pdfinfo").arg("-struct-text").arg(&path).output().unwrap();
    let tree = String::from_utf8_lossy(&tree.stdout);
    let at = |needle: &str| tree.find(needle).unwrap_or_else(|| panic!("no {needle} in\n{tree}"));
    // Headings, the quoted request, the annex in the letter's order; the
    // letterhead and page numbers are artifacts, not content.
    assert!(at("H2 (block)") < at("BlockQuote") && at("BlockQuote") < at("Sect"));
    assert!(!tree.contains("Page 1 of") && !tree.contains("2 Marsham Street, London SW1P 4DF"), "{tree}");
}

#[test]
fn names_in_every_script_are_printed_and_extracted_in_reading_order() {
    if !support::tool("pdftotext") {
        return;
    }
    let dir = support::scratch("names");
    let path = dir.join("names.pdf");
    std::fs::write(&path, support::render_doc(&names_letter(), Format::Pdf)).unwrap();
    // pdftotext marks right-to-left runs with embedding controls.
    let text: String = support::pdftotext(&path)
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'))
        .collect();
    for name in NAMES {
        assert!(text.lines().any(|line| line.trim() == *name), "{name} not extracted as written:\n{text}");
    }
    assert!(!text.contains('?'), "{text}");
}

#[test]
fn a_name_no_font_can_print_is_refused_by_name() {
    let mut doc = support::document("ho-43342-refusal");
    doc.body.push(Block::Paragraph(vec![Inline::Text("Sam 🦀 Smith".into())]));
    let error = foikit::render::render(&doc, Format::Pdf, &foikit::render::RenderOptions::for_document(&doc))
        .expect_err("no bundled font has the crab")
        .to_string();
    assert!(error.contains("🦀") && error.contains("Sam 🦀 Smith"), "{error}");
}
