//! `--reference-doc`: a letter in the organisation's own Word style.
//!
//! The reference document is built here, part by part, so that it differs
//! visibly from foikit's own style: a serif font, wide margins, dark red
//! headings 1 and 2, and a header with a PNG crest. `fixtures/house/house.docx` is
//! the same file (checked below), for the README and the profile example.

use std::io::Write as _;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use foikit::render::docx::ReferenceDoc;
use foikit::render::{self, Format, RenderOptions};

use crate::support;

const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS: &str = concat!(
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
    r#"xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#
);
/// Text in the reference's own body, which must never reach a letter.
const TEMPLATE_BODY: &str = "HOUSE TEMPLATE BODY TEXT";
/// Text of the reference's header, which every page of a letter shows.
const HEADER_TEXT: &str = "Ministry of Examples";
/// Left and right margins of the reference (40 mm).
const WIDE_MARGIN: &str = "2268";

/// The reference document's parts; `main` is the main part's content type
/// (`document.main` for a .docx, `template.main` for a .dotx).
fn house_parts(main: &str) -> Vec<(String, Vec<u8>)> {
    let decl = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    let types = format!(
        concat!(
            r#"{decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>"#,
            r#"<Override PartName="/word/document.xml" ContentType="{wml}.{main}+xml"/>"#,
            r#"<Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/>"#,
            r#"<Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/>"#,
            r#"<Override PartName="/word/numbering.xml" ContentType="{wml}.numbering+xml"/>"#,
            r#"<Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/>"#,
            r#"<Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/></Types>"#
        ),
        decl = decl,
        wml = WML,
        main = main
    );
    let rels = |items: &[(&str, &str, &str)]| {
        let mut xml =
            format!(r#"{decl}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#);
        for (id, kind, target) in items {
            xml.push_str(&format!(r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"/>"#));
        }
        xml + "</Relationships>"
    };
    let document = format!(
        concat!(
            r#"{decl}<w:document {ns}><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p>"#,
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rId10"/><w:footerReference w:type="default" r:id="rId11"/>"#,
            r#"<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="{m}" w:bottom="1701" w:left="{m}" "#,
            r#"w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
        ),
        decl = decl,
        ns = NS,
        body = TEMPLATE_BODY,
        m = WIDE_MARGIN
    );
    let serif = r#"<w:rFonts w:ascii="Liberation Serif" w:hAnsi="Liberation Serif" w:cs="Liberation Serif"/>"#;
    let styles = format!(
        concat!(
            r#"{decl}<w:styles {ns}><w:docDefaults><w:rPrDefault><w:rPr>{serif}<w:sz w:val="24"/><w:szCs w:val="24"/>"#,
            r#"<w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>"#,
            r#"<w:pPr><w:spacing w:after="160"/></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>"#,
            r#"<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/>"#,
            r#"<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="8B0000"/><w:sz w:val="32"/></w:rPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>"#,
            r#"<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/>"#,
            r#"<w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="8B0000"/><w:sz w:val="26"/></w:rPr></w:style>"#,
            // A numbered list style: the reference's numbering comes along.
            r#"<w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:basedOn w:val="Normal"/>"#,
            r#"<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>"#,
            r#"<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="1F3A5F"/></w:rPr></w:style></w:styles>"#
        ),
        decl = decl,
        ns = NS,
        serif = serif
    );
    let numbering = format!(
        concat!(
            r#"{decl}<w:numbering {ns}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>"#,
            r#"<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%1)"/>"#,
            r#"<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>"#,
            r#"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        ),
        decl = decl,
        ns = NS
    );
    let settings = format!(
        r#"{decl}<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/></w:settings>"#
    );
    // 360 × 72 px shown 2.5 × 0.5 inches.
    let header = format!(
        concat!(
            r#"{decl}<w:hdr {ns}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:drawing>"#,
            r#"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="2286000" cy="457200"/>"#,
            r#"<wp:docPr id="1" name="Crest" descr="The Ministry of Examples crest"/>"#,
            r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#,
            r#"<pic:nvPicPr><pic:cNvPr id="1" name="crest.png"/><pic:cNvPicPr/></pic:nvPicPr>"#,
            r#"<pic:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
            r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="457200"/></a:xfrm>"#,
            r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"#,
            r#"</wp:inline></w:drawing></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>"#,
            r#"<w:r><w:t>{text}</w:t></w:r></w:p></w:hdr>"#
        ),
        decl = decl,
        ns = NS,
        text = HEADER_TEXT
    );
    let footer = format!(
        concat!(
            r#"{decl}<w:ftr {ns}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Ministry of Examples · page </w:t></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            r#"</w:p></w:ftr>"#
        ),
        decl = decl,
        ns = NS
    );
    let crest = std::fs::read(support::root().join("fixtures/house/crest.png")).unwrap();
    vec![
        ("[Content_Types].xml".into(), types.into_bytes()),
        ("_rels/.rels".into(), rels(&[("rId1", "officeDocument", "word/document.xml")]).into_bytes()),
        ("word/document.xml".into(), document.into_bytes()),
        (
            "word/_rels/document.xml.rels".into(),
            rels(&[
                ("rId1", "styles", "styles.xml"),
                ("rId2", "settings", "settings.xml"),
                ("rId3", "numbering", "numbering.xml"),
                ("rId10", "header", "header1.xml"),
                ("rId11", "footer", "footer1.xml"),
            ])
            .into_bytes(),
        ),
        ("word/styles.xml".into(), styles.into_bytes()),
        ("word/settings.xml".into(), settings.into_bytes()),
        ("word/numbering.xml".into(), numbering.into_bytes()),
        ("word/header1.xml".into(), header.into_bytes()),
        ("word/_rels/header1.xml.rels".into(), rels(&[("rId1", "image", "media/image1.png")]).into_bytes()),
        ("word/footer1.xml".into(), footer.into_bytes()),
        ("word/media/image1.png".into(), crest),
    ]
}

/// `parts` as a zip, entries dated 1980 so the bytes are reproducible.
fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, data) in parts {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The reference document as a .docx.
pub fn house_docx() -> Vec<u8> {
    zip(&house_parts("document.main"))
}

/// Renders the 43342 letter with `reference` (drafts when `draft`).
fn render_with(reference: &[u8], draft: bool) -> Vec<u8> {
    render_case_with("ho-43342-refusal", reference, draft)
}

/// Renders fixture `case` with `reference` (drafts when `draft`).
fn render_case_with(case: &str, reference: &[u8], draft: bool) -> Vec<u8> {
    let mut doc = support::document(case);
    doc.meta.draft = draft;
    let reference = ReferenceDoc::from_bytes("house.docx", reference).unwrap_or_else(|e| panic!("{e}"));
    let opts = RenderOptions { reference_doc: Some(Arc::new(reference)), ..support::fixed(&doc) };
    render::render(&doc, Format::Docx, &opts).unwrap_or_else(|e| panic!("{e}"))
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    &parts.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no {name}")).1
}

#[test]
fn the_committed_reference_document_is_the_one_built_here() {
    let path = support::root().join("fixtures/house/house.docx");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, house_docx()).unwrap();
    }
    assert_eq!(std::fs::read(&path).unwrap(), house_docx(), "regenerate with UPDATE_GOLDEN=1");
}

#[test]
fn styles_page_header_and_picture_come_from_the_reference() {
    let bytes = render_with(&house_docx(), false);
    assert_eq!(bytes, render_with(&house_docx(), false), "deterministic");
    let parts = support::docx_parts(&bytes);
    let styles = part(&parts, "word/styles.xml");
    assert!(styles.contains("Liberation Serif") && styles.contains(r#"<w:color w:val="8B0000"/>"#), "{styles}");
    assert_eq!(styles.matches(r#"w:styleId="Heading1""#).count(), 1, "the reference's heading, not ours too");
    for ours in ["Letterhead", "ListParagraph", "TableGrid", "Heading3", "Hyperlink"] {
        assert!(styles.contains(&format!(r#"w:styleId="{ours}""#)), "{ours} added where the reference lacks it");
    }
    let document = part(&parts, "word/document.xml");
    assert!(document.contains(&format!(r#"w:right="{WIDE_MARGIN}" w:bottom="1701" w:left="{WIDE_MARGIN}""#)));
    assert!(!document.contains(TEMPLATE_BODY), "the reference's body text stays behind");
    assert!(document.contains(r#"<w:headerReference w:type="default" r:id="rIdHouse1"/>"#), "{document}");
    let header = part(&parts, "word/header-house1.xml");
    assert!(header.contains(HEADER_TEXT) && header.contains(r#"r:embed="rId1""#));
    assert!(part(&parts, "word/_rels/header-house1.xml.rels").contains(r#"Target="media/house/"#));
    let zip_names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    assert!(zip_names.iter().any(|n| n.starts_with("word/media/house/") && n.ends_with(".png")), "{zip_names:?}");
    // The reference's footer replaces our "Page X of Y"; nothing points at a part that is not there.
    assert!(!zip_names.contains(&"word/footer1.xml"));
    let rels = part(&parts, "word/_rels/document.xml.rels");
    assert!(!rels.contains("footer1.xml") && rels.contains("footer-house1.xml"), "{rels}");
    let types = part(&parts, "[Content_Types].xml");
    assert!(types.contains(r#"PartName="/word/header-house1.xml""#) && types.contains("image/png"), "{types}");
}

#[test]
fn a_template_becomes_a_document_and_a_draft_is_marked_in_the_house_header() {
    let dotx = zip(&house_parts("template.main"));
    let parts = support::docx_parts(&render_with(&dotx, true));
    let types = part(&parts, "[Content_Types].xml");
    assert!(types.contains("document.main+xml") && !types.contains("template.main"), "{types}");
    let header = part(&parts, "word/header-house1.xml");
    assert!(header.find("DRAFT").unwrap() < header.find(HEADER_TEXT).unwrap(), "{header}");
}

#[test]
fn the_references_numbering_is_kept_and_the_letters_lists_numbered_after_it() {
    let parts = support::docx_parts(&render_case_with("ho-78814-release", &house_docx(), false));
    let numbering = part(&parts, "word/numbering.xml");
    assert!(numbering.contains(r#"<w:lvlText w:val="(%1)"/>"#), "the reference's list format: {numbering}");
    assert_eq!(numbering.matches(r#"<w:num w:numId="1">"#).count(), 1, "{numbering}");
    let document = part(&parts, "word/document.xml");
    assert!(!document.contains(r#"<w:numId w:val="1"/>"#), "the letter's lists are not the reference's list");
    assert!(document.contains(r#"<w:numId w:val="2"/>"#), "{document}");
    assert!(numbering.contains(r#"<w:num w:numId="2"><w:abstractNumId w:val="1"/>"#), "{numbering}");
}

#[test]
fn without_a_reference_the_letter_keeps_its_own_style() {
    let parts = support::docx_parts(&support::render("ho-43342-refusal", Format::Docx));
    assert!(!part(&parts, "word/styles.xml").contains("Liberation Serif"));
    assert!(parts.iter().all(|(n, _)| !n.contains("house")));
}

#[test]
fn a_draft_marks_every_kind_of_page_the_reference_sets_up() {
    let parts = house_parts("document.main");
    let text = |name: &str| String::from_utf8(parts.iter().find(|(n, _)| n == name).unwrap().1.clone()).unwrap();
    let document = text("word/document.xml").replace("</w:sectPr>", "<w:titlePg/></w:sectPr>");
    let settings = text("word/settings.xml").replace("</w:settings>", "<w:evenAndOddHeaders/></w:settings>");
    let reference = altered("word/document.xml", Some(document.as_bytes()));
    for (draft, ours) in [(false, 0), (true, 1)] {
        let output = support::docx_parts(&render_with(&reference, draft));
        let sections = part(&output, "word/document.xml");
        assert!(sections.contains("<w:titlePg/></w:sectPr>"), "{sections}");
        // The reference has no first-page header: a draft's first page shows ours.
        assert_eq!(sections.matches(r#"r:id="rIdHeader1""#).count(), ours, "{sections}");
        assert_eq!(output.iter().any(|(n, _)| n == "word/header1.xml"), draft);
    }
    // With even pages set up as well, both get the mark.
    let mut parts = house_parts("document.main");
    for (name, data) in &mut parts {
        match name.as_str() {
            "word/document.xml" => *data = document.clone().into_bytes(),
            "word/settings.xml" => *data = settings.clone().into_bytes(),
            _ => {}
        }
    }
    let output = support::docx_parts(&render_with(&zip(&parts), true));
    let sections = part(&output, "word/document.xml");
    assert!(sections.contains(r#"<w:headerReference w:type="first" r:id="rIdHeader1"/><w:headerReference w:type="even" r:id="rIdHeader1"/>"#), "{sections}");
    assert!(part(&output, "word/settings.xml").contains("<w:evenAndOddHeaders/><w:characterSpacingControl"));

    // One header part for the first page and the rest: copied and marked once.
    let shared = document.replace(
        r#"<w:headerReference w:type="default" r:id="rId10"/>"#,
        r#"<w:headerReference w:type="default" r:id="rId10"/><w:headerReference w:type="first" r:id="rId10"/>"#,
    );
    let output = support::docx_parts(&render_with(&altered("word/document.xml", Some(shared.as_bytes())), true));
    assert_eq!(part(&output, "word/header-house1.xml").matches("DRAFT").count(), 1);
    assert!(output.iter().all(|(n, _)| n != "word/header-house2.xml" && n != "word/header1.xml"));
}

/// A reference with `name` replaced by `data` (or removed when `None`).
fn altered(name: &str, data: Option<&[u8]>) -> Vec<u8> {
    let mut parts = house_parts("document.main");
    parts.retain(|(n, _)| n != name);
    if let Some(data) = data {
        parts.push((name.into(), data.to_vec()));
    }
    zip(&parts)
}

#[test]
fn unusable_reference_documents_are_errors_saying_why() {
    let error = |bytes: &[u8]| ReferenceDoc::from_bytes("house.docx", bytes).unwrap_err().to_string();
    assert!(error(b"not a zip").contains("cannot use house.docx as the reference document"));
    assert!(error(&altered("word/styles.xml", None)).contains("styles part"));
    assert!(error(&altered("word/header1.xml", None)).contains("header part word/header1.xml is missing"));
    let entities = br#"<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&b;</w:styles>"#;
    assert!(error(&altered("word/styles.xml", Some(entities))).contains("DTD"));
    let external = br#"<!DOCTYPE s SYSTEM "file:///etc/passwd"><s/>"#;
    assert!(error(&altered("word/document.xml", Some(external))).contains("DTD"));
    // 20 MiB of zeros deflate to a few KB: stopped at the part limit.
    let bomb = vec![b' '; 20 * 1024 * 1024];
    assert!(error(&altered("word/settings.xml", Some(&bomb))).contains("limit of 16 MiB"));
    let workbook = zip(&[
        ("[Content_Types].xml".into(), br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#.to_vec()),
        ("_rels/.rels".into(), format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes()),
    ]);
    assert!(error(&workbook).contains("not a Word document"));
}

/// Runs the built binary.
fn foikit(args: &[&str], files: &[&Path]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_foikit")).args(args).args(files).output().unwrap()
}

#[test]
fn the_command_line_and_the_profile_take_a_reference_and_check_passes_on_the_result() {
    let dir = support::scratch("house-cli");
    let case = support::root().join("fixtures/cases/ho-43342-refusal.yaml");
    let house = support::root().join("fixtures/house/house.docx");
    let out = dir.join("out");
    let run = foikit(&["render", "-q", "-f", "docx", "--reference-doc"], &[&house, Path::new("-o"), &out, &case]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let written = out.join("43342.docx");
    let parts = support::docx_parts(&std::fs::read(&written).unwrap());
    assert!(part(&parts, "word/styles.xml").contains("Liberation Serif"));
    let check = foikit(&["check"], &[&written]);
    assert!(
        check.status.success(),
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );

    // The same through an authority profile naming the file relative to itself.
    let profiled = dir.join("43342-profiled.yaml");
    let profile = support::root().join("fixtures/house/profile.yaml");
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(&profiled, format!("{text}\nprofile: {}\n", profile.display())).unwrap();
    let out2 = dir.join("out2");
    let run = foikit(&["render", "-q", "-f", "docx", "-o"], &[&out2, &profiled]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let parts2 = support::docx_parts(&std::fs::read(out2.join("43342.docx")).unwrap());
    assert_eq!(part(&parts2, "word/styles.xml"), part(&parts, "word/styles.xml"));

    // A reference that is not one: exit 2, naming the file.
    let bad = dir.join("bad.docx");
    std::fs::write(&bad, b"plain text").unwrap();
    let run = foikit(&["render", "-f", "docx", "--reference-doc"], &[&bad, Path::new("-o"), &out, &case]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("bad.docx"), "{}", String::from_utf8_lossy(&run.stderr));
}

/// Converts `inputs` with LibreOffice (`--convert-to to`) into `dir`.
fn soffice(dir: &Path, to: &str, inputs: &[&Path]) {
    let profile = dir.parent().unwrap_or(dir).join("profile");
    let profile = format!("-env:UserInstallation=file://{}", profile.display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .args(inputs)
        .output()
        .unwrap();
    assert!(out.status.success(), "soffice failed: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn openxml_audit_and_libreoffice_accept_house_letters_from_our_and_libreoffices_references() {
    let scratch = support::scratch("house-interop");
    // Letters apart from LibreOffice's profile, which the validator would read too.
    let dir = scratch.join("letters");
    std::fs::create_dir_all(&dir).unwrap();
    let ours = dir.join("43342-house.docx");
    std::fs::write(&ours, render_with(&house_docx(), true)).unwrap();
    let mut letters = vec![ours];
    // A template as LibreOffice writes one (its own namespaces, font table,
    // compatibility markup), used as the reference.
    if support::tool("soffice") {
        let source = dir.join("template.docx");
        std::fs::write(&source, house_docx()).unwrap();
        soffice(&dir, "dotx", &[&source]);
        let dotx = std::fs::read(dir.join("template.dotx")).unwrap();
        // A letter with a list, so the numbering merged into theirs is validated too.
        let theirs = dir.join("78814-lo-template.docx");
        std::fs::write(&theirs, render_case_with("ho-78814-release", &dotx, false)).unwrap();
        letters.push(theirs);
        std::fs::remove_file(&source).unwrap();
        std::fs::remove_file(dir.join("template.dotx")).unwrap();
    }
    // With a logo in the letterhead as well: two pictures, no clash.
    let logo = dir.join("council-logo-house.docx");
    std::fs::write(&logo, render_case_with("council-house-style-foia", &house_docx(), true)).unwrap();
    let names: Vec<String> = support::docx_parts(&std::fs::read(&logo).unwrap()).into_iter().map(|(n, _)| n).collect();
    assert!(names.iter().any(|n| n.starts_with("word/media/house/")), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("word/media/logo")), "{names:?}");
    letters.push(logo);
    if let Some(validator) = support::python_tool("openxml-audit") {
        let report = crate::ooxml::audit(&validator, &dir);
        assert_eq!(report.len(), letters.len(), "{report:#?}");
        assert!(report.iter().all(|r| r["valid"] == true && r["error_count"] == 0), "{report:#?}");
    }
    if !support::tool("soffice") || !support::tool("pdftotext") {
        return;
    }
    soffice(&dir, "pdf", &letters.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    // The first two letters: ours and LibreOffice's template.
    for (letter, (reference, draft)) in letters.iter().zip([("43342", true), ("78814", false)]) {
        let pdf = letter.with_extension("pdf");
        let text = support::pdftotext(&pdf);
        assert!(text.contains(HEADER_TEXT) && text.contains("Ministry of Examples · page"), "{text}");
        assert_eq!(text.contains("DRAFT"), draft, "{text}");
        assert!(text.contains(&format!("reference: {reference}")) && !text.contains(TEMPLATE_BODY), "{text}");
        let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
        assert!(String::from_utf8_lossy(&fonts.stdout).contains("LiberationSerif"), "the serif font is used");
        let images = Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
        assert!(String::from_utf8_lossy(&images.stdout).lines().count() > 2, "the crest is in the PDF");
    }
}
