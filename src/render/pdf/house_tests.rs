//! Tests of the house style in the PDF (logo, footer, running header, body
//! font) and of the tagged-PDF details that go with it (redactions read
//! out, per-span languages).

use std::path::{Path, PathBuf};

use lopdf::{Document as Pdf, Object};
use time::macros::datetime;

use super::fonts::fonts_for;
use super::layout::{Item, Page, layout};
use super::pdf;
use crate::doc::{Block, BodyFont, Document, Inline};
use crate::render::RenderOptions;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture letter in the example council's house style.
fn house_letter() -> Document {
    let case = crate::case::load(&root().join("fixtures/cases/council-house-style-foia.yaml")).expect("case loads");
    crate::compose::Composer::builtin().compose(&case).expect("composes")
}

fn render(doc: &Document) -> Pdf {
    let bytes =
        pdf(doc, &RenderOptions { timestamp: datetime!(2026-10-30 00:00 UTC), reference_doc: None }).expect("renders");
    Pdf::load_mem(&bytes).expect("parses")
}

fn contents(pdf: &Pdf) -> Vec<String> {
    pdf.get_pages().values().map(|&id| String::from_utf8_lossy(&pdf.get_page_content(id)).into_owned()).collect()
}

fn page_texts(page: &Page) -> Vec<String> {
    page.items
        .iter()
        .filter_map(|item| match item {
            Item::Text(line) => Some(line.runs.iter().map(|r| r.text.as_str()).collect::<String>().trim().to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_logo_is_embedded_once_drawn_on_page_one_and_tagged_with_its_alt_text() {
    let doc = house_letter();
    let pdf = render(&doc);
    let pages = contents(&pdf);
    assert!(pages.len() >= 2, "the fixture needs a second page");
    assert!(pages[0].contains("/Figure <</MCID 0>> BDC") && pages[0].contains("/Logo Do"));
    assert!(pages[1..].iter().all(|c| !c.contains("/Logo Do")));
    let images: Vec<_> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image"))
        .collect();
    // The logo and its soft mask (the fixture PNG is transparent), once.
    assert_eq!(images.len(), 2);
    assert_eq!(images.iter().filter(|s| s.dict.get(b"SMask").is_ok()).count(), 1);
    let figure = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .find(|d| d.get(b"S").and_then(Object::as_name).is_ok_and(|n| n == b"Figure"))
        .expect("a Figure element");
    let alt = lopdf::decode_text_string(figure.get(b"Alt").expect("Alt")).unwrap();
    assert_eq!(alt, "Example Borough Council crest");
}

#[test]
fn footer_on_every_page_and_running_header_from_page_two() {
    let doc = house_letter();
    let fonts = fonts_for(None).unwrap();
    let pages = layout(&doc, fonts).pages;
    let total = pages.len();
    let footer = doc.house.footer.clone().expect("the profile sets a footer");
    for (i, page) in pages.iter().enumerate() {
        let texts = page_texts(page);
        assert!(texts.contains(&footer), "page {} lacks the footer", i + 1);
        let header = format!("Page {} of {total} \u{2014} COUNCIL-2026-0150", i + 1);
        assert_eq!(texts.contains(&header), i > 0, "page {}: {texts:?}", i + 1);
    }
    let mut plain = doc.clone();
    plain.house = Default::default();
    let plain_pages = layout(&plain, fonts).pages;
    assert!(plain_pages.iter().all(|p| !page_texts(p).iter().any(|t| t.contains('\u{2014}') || *t == footer)));
}

#[test]
fn a_redaction_is_read_out_as_its_label_and_other_scripts_get_their_language() {
    let mut doc = house_letter();
    doc.house = Default::default();
    let label = "[Redacted \u{2013} section 40(2)]";
    doc.body.push(Block::Paragraph(vec![
        Inline::Text("Adviser: ".into()),
        Inline::Redaction { provision: "40(2)".into(), label: label.into(), chars: 9 },
        Inline::Text(" and \u{645}\u{62d}\u{645}\u{62f}".into()),
    ]));
    let pdf = render(&doc);
    let all = contents(&pdf).concat();
    let hex: String = label.encode_utf16().map(|u| format!("{u:04X}")).collect();
    assert!(all.contains(&format!("/Span <</ActualText <FEFF{hex}>>> BDC")), "redaction not spoken");
    assert!(all.contains("3 Tr"), "the label needs an invisible glyph to replace");
    assert!(all.contains("/Span <</Lang (ar)>> BDC"));
}

/// A file in a fresh temporary folder.
fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

fn body(regular: PathBuf) -> BodyFont {
    BodyFont { regular, bold: None, italic: None }
}

#[test]
fn a_font_that_cannot_be_used_is_a_clear_error() {
    let missing = fonts_for(Some(&body("/nonexistent/font.ttf".into()))).err().unwrap();
    assert!(missing.contains("cannot read the font file"), "{missing}");
    let (_dir, junk) = temp_file("junk.ttf", b"not a font");
    assert!(fonts_for(Some(&body(junk))).err().unwrap().contains("not a TrueType or OpenType font"));
    // An OpenType font with PostScript outlines: the sfnt header and a
    // table directory naming a CFF table.
    let mut otf = b"OTTO\x00\x01\x00\x10\x00\x00\x00\x00".to_vec();
    otf.extend_from_slice(b"CFF \x00\x00\x00\x00\x00\x00\x00\x1c\x00\x00\x00\x04\x00\x00\x00\x00");
    let (_dir, cff) = temp_file("font.otf", &otf);
    let error = fonts_for(Some(&body(cff))).err().unwrap();
    assert!(error.contains("PostScript (CFF) outlines"), "{error}");
}

#[test]
fn a_user_font_sets_the_body_and_a_missing_glyph_names_the_character() {
    // Bundled files stand in for a user's fonts, so the test runs anywhere:
    // Liberation Sans Bold as a body font, and Noto Sans Arabic, which has
    // no Latin letters, as one that cannot set an English letter.
    let fonts = root().join("assets/fonts");
    let mut doc = house_letter();
    doc.house.font = Some(body(fonts.join("LiberationSans-Bold.ttf")));
    let pdf = render(&doc);
    let regular = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Type0"))
        .filter_map(|d| d.get(b"BaseFont").ok()?.as_name().ok().map(<[u8]>::to_vec))
        .find(|name| name.starts_with(b"AAAAAA+"))
        .expect("the regular face is embedded");
    assert_eq!(regular, b"AAAAAA+LiberationSans-Bold");
    doc.house.font = Some(body(fonts.join("NotoSansArabic-Regular.ttf")));
    let error = pdf_error(&doc).expect("no silent fallback to another design for Latin letters");
    assert!(error.contains("has no glyph for") && error.contains("(U+00"), "{error}");
    assert!(error.contains("NotoSansArabic-Regular.ttf"), "{error}");
}

fn pdf_error(doc: &Document) -> Option<String> {
    pdf(doc, &RenderOptions { timestamp: datetime!(2026-10-30 00:00 UTC), reference_doc: None })
        .err()
        .map(|e| e.to_string())
}
