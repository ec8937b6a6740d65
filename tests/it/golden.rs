//! Golden outputs for every fixture case in `fixtures/cases/` (discovered)
//! and the requester letters, in every format: text and HTML exactly; DOCX
//! as normalised XML; PDF as extracted text; DOCX and PDF bytes for the seed
//! letters (`support::BYTE_GOLDENS`). Update with
//! `UPDATE_GOLDEN=1 cargo test --test it golden` and review `git diff`;
//! a golden no letter produces any more fails `no_stale_goldens`.

use foikit::render::Format;

use crate::support;

#[test]
fn text_matches_golden() {
    for (name, doc) in support::letters() {
        support::golden(&format!("{name}.txt"), &support::render_doc(&doc, Format::Txt));
    }
}

#[test]
fn html_matches_golden() {
    for (name, doc) in support::letters() {
        support::golden(&format!("{name}.html"), &support::render_doc(&doc, Format::Html));
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
    for (name, doc) in support::letters() {
        let bytes = support::render_doc(&doc, Format::Docx);
        support::golden(&format!("{name}.docx.xml"), normalised_xml(&bytes).as_bytes());
        if support::BYTE_GOLDENS.contains(&name.as_str()) {
            support::golden(&format!("{name}.docx"), &bytes);
        }
    }
}

#[test]
fn pdf_matches_golden() {
    let dir = support::scratch("golden-pdf");
    for (name, doc) in support::letters() {
        let bytes = support::render_doc(&doc, Format::Pdf);
        if support::tool("pdftotext") {
            let path = dir.join(format!("{name}.pdf"));
            std::fs::write(&path, &bytes).unwrap();
            support::golden(&format!("{name}.pdf.txt"), support::pdftotext(&path).as_bytes());
        }
        if support::BYTE_GOLDENS.contains(&name.as_str()) {
            support::golden(&format!("{name}.pdf"), &bytes);
        }
    }
}

#[test]
fn every_format_is_deterministic_within_a_process() {
    let again = support::letters();
    for ((name, a), (_, b)) in support::letters().iter().zip(&again) {
        for format in Format::ALL {
            assert_eq!(support::render_doc(a, format), support::render_doc(b, format), "{name} {format}");
        }
    }
}

#[test]
fn no_stale_goldens() {
    let names: Vec<String> = support::letters().into_iter().map(|(n, _)| n).collect();
    for entry in std::fs::read_dir(support::root().join("fixtures/golden")).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let stem = file.split('.').next().unwrap_or("");
        assert!(names.iter().any(|n| n == stem), "fixtures/golden/{file} belongs to no letter: delete it");
    }
}
