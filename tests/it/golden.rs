//! Golden outputs for every fixture in every format: text and HTML exactly;
//! DOCX as normalised XML and as bytes; PDF as extracted text and as bytes.

use foikit::render::Format;

use crate::support::{self, CASES};

#[test]
fn text_matches_golden() {
    for case in CASES {
        support::golden(&format!("{case}.txt"), &support::render(case, Format::Txt));
    }
}

#[test]
fn html_matches_golden() {
    for case in CASES {
        support::golden(&format!("{case}.html"), &support::render(case, Format::Html));
    }
}

/// Every part of the package, tags on their own lines, so a change shows
/// up as a readable diff.
fn normalised_xml(docx: &[u8]) -> String {
    let mut parts = support::docx_parts(docx);
    parts.sort();
    parts.iter().map(|(name, xml)| format!("=== {name} ===\n{}\n", xml.replace("><", ">\n<"))).collect()
}

#[test]
fn docx_matches_golden() {
    for case in CASES {
        let bytes = support::render(case, Format::Docx);
        support::golden(&format!("{case}.docx.xml"), normalised_xml(&bytes).as_bytes());
        support::golden(&format!("{case}.docx"), &bytes);
    }
}

#[test]
fn pdf_matches_golden() {
    let dir = support::scratch("golden-pdf");
    for case in CASES {
        let bytes = support::render(case, Format::Pdf);
        if support::tool("pdftotext") {
            let path = dir.join(format!("{case}.pdf"));
            std::fs::write(&path, &bytes).unwrap();
            support::golden(&format!("{case}.pdf.txt"), support::pdftotext(&path).as_bytes());
        }
        support::golden(&format!("{case}.pdf"), &bytes);
    }
}

#[test]
fn every_format_is_deterministic_within_a_process() {
    for case in CASES {
        for format in Format::ALL {
            assert_eq!(support::render(case, format), support::render(case, format), "{case} {format}");
        }
    }
}
