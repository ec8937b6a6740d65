//! Real readers accept our files: qpdf checks every PDF's structure,
//! pdftotext extracts the letter, LibreOffice converts every DOCX.

use std::process::Command;

use foikit::render::Format;

use crate::support::{self, CASES};

#[test]
fn qpdf_accepts_every_pdf() {
    if !support::tool("qpdf") {
        return;
    }
    let dir = support::scratch("qpdf");
    for case in CASES {
        let path = dir.join(format!("{case}.pdf"));
        std::fs::write(&path, support::render(case, Format::Pdf)).unwrap();
        let out = Command::new("qpdf").arg("--check").arg(&path).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "qpdf --check {case}: {stdout}{}", String::from_utf8_lossy(&out.stderr));
        assert!(stdout.contains("No syntax or stream encoding errors"), "{stdout}");
    }
}

/// Both readers find every object our writer wrote: qpdf every number
/// the cross-reference stream covers, lopdf every object but the object
/// and cross-reference streams it unpacks, each parsed to a value.
#[test]
fn qpdf_and_lopdf_find_every_object() {
    if !support::tool("qpdf") {
        return;
    }
    let dir = support::scratch("qpdf-objects");
    for case in CASES {
        let bytes = support::render(case, Format::Pdf);
        let path = dir.join(format!("{case}.pdf"));
        std::fs::write(&path, &bytes).unwrap();
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let size = pdf.trailer.get(b"Size").and_then(lopdf::Object::as_i64).unwrap() as u32;
        let out = Command::new("qpdf").args(["--json=2", "--json-key=qpdf"]).arg(&path).output().unwrap();
        assert!(out.status.success(), "qpdf --json {case}: {}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let objects = json["qpdf"][1].as_object().unwrap();
        assert_eq!(objects.len() as u32, size, "{case}: objects 1..{size} and the trailer");
        for number in 1..size {
            let object = &objects[&format!("obj:{number} 0 R")];
            let kind = object["stream"]["dict"]["/Type"].as_str();
            assert!(object.get("value").or(object.get("stream")).is_some(), "{case}: qpdf lacks object {number}");
            if !matches!(kind, Some("/ObjStm" | "/XRef")) {
                assert!(pdf.get_object((number, 0)).is_ok(), "{case}: lopdf lacks object {number}");
            }
        }
    }
}

#[test]
fn pdftotext_extracts_the_letter_with_page_numbers() {
    if !support::tool("pdftotext") {
        return;
    }
    let dir = support::scratch("pdftotext");
    for case in CASES {
        let doc = support::document(case);
        let path = dir.join(format!("{case}.pdf"));
        std::fs::write(&path, support::render(case, Format::Pdf)).unwrap();
        let text = support::pdftotext(&path);
        assert!(text.contains(&format!("Freedom of Information Request reference: {}", doc.meta.reference)), "{text}");
        assert!(text.contains("Page 1 of"), "{text}");
        // Annexes start on new pages: the form feed pdftotext writes between
        // pages comes right before each annex's first words.
        assert!(text.split('\x0c').count() > doc.annexes.len(), "{text}");
        let info = Command::new("pdfinfo").arg(&path).output().unwrap();
        let info = String::from_utf8_lossy(&info.stdout);
        assert!(info.contains(&doc.meta.title) && info.contains(&doc.meta.author), "{info}");
    }
}

#[test]
fn libreoffice_converts_every_docx() {
    if !support::tool("soffice") {
        return;
    }
    let dir = support::scratch("soffice");
    let mut inputs = Vec::new();
    for case in CASES {
        let path = dir.join(format!("{case}.docx"));
        std::fs::write(&path, support::render(case, Format::Docx)).unwrap();
        inputs.push(path);
    }
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .args(&inputs)
        .output()
        .unwrap();
    assert!(out.status.success(), "soffice failed: {}", String::from_utf8_lossy(&out.stderr));
    for case in CASES {
        let pdf = dir.join(format!("{case}.pdf"));
        assert!(pdf.exists(), "LibreOffice produced no PDF for {case}: {}", String::from_utf8_lossy(&out.stdout));
        if support::tool("pdftotext") {
            let text = support::pdftotext(&pdf);
            let reference = support::document(case).meta.reference;
            assert!(text.contains(&format!("reference: {reference}")), "{text}");
            assert!(text.contains("Page 1 of"), "footer fields: {text}");
        }
    }
}
