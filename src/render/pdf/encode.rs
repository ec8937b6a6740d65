//! Encoding: laid-out pages → PDF bytes.
//!
//! The document is built as lopdf objects and written by our own
//! [`writer`](super::writer). Pages, fonts and metadata
//! are what printpdf used to write, without its per-document work (see
//! [`embed`](super::embed)) or its detour through operator objects for the
//! content streams (see [`content`](super::content)), and without what it
//! wrote to no effect: empty resource dictionaries and `/Annots` arrays,
//! crop and trim boxes equal to the media box. The output is byte-for-byte
//! reproducible: fonts get fixed resource ids, the dates come from the
//! options, and the trailer `/ID` is a hash of the file.

use super::object::{Dictionary, Document as PdfDocument, Object, ObjectId, StringFormat, dictionary};

use super::content::page_content;
use super::deflate::stream;
use super::embed::{Embedded, embed};
use super::fonts::Fonts;
use super::layout::{Layout, Page};
use super::structure::Structure;
use super::style::{PAGE_HEIGHT_MM, PAGE_WIDTH_MM};
use super::tagged::TreeBuilder;
use super::{archival, logo, writer};
use crate::doc::Document;
use crate::render::RenderOptions;

/// The name written as Creator and Producer.
const PRODUCER: &str = "foikit";

/// The page size as printpdf computed it, with its 2.834646 points per
/// millimetre: the height differs from [`PAGE_HEIGHT`](super::style::PAGE_HEIGHT)
/// in the fifth decimal, and keeping it keeps every page exactly as it was.
const MEDIA_BOX: [f32; 2] = [PAGE_WIDTH_MM * 2.834_646, PAGE_HEIGHT_MM * 2.834_646];

/// Encodes a laid-out letter as a tagged PDF (PDF/UA-1) that is also
/// PDF/A-2u, carrying `doc`'s metadata.
pub fn encode(layout: &Layout, doc: &Document, opts: &RenderOptions, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let mut pdf = PdfDocument::new();
    let embedded = embed(&layout.pages, fonts, &mut pdf)?;
    if let Some(logo) = &doc.house.logo {
        let image = logo::xobject(&logo.image, &mut pdf)?;
        logo::add_to_resources(&mut pdf, embedded.resources, image)?;
    }
    let pages_id = pdf.new_object_id();
    let tree_root = pdf.new_object_id();
    let mut tree = TreeBuilder::new(&layout.structure, tree_root);
    let kids = layout
        .pages
        .iter()
        .map(|page| add_page(&mut pdf, page, pages_id, &embedded, &layout.structure, &mut tree).map(Object::Reference))
        .collect::<Result<Vec<_>, _>>()?;
    tree.finish(&mut pdf);
    let count = kids.len() as i64;
    pdf.insert(pages_id, dictionary! { "Type" => "Pages", "Count" => count, "Kids" => kids });
    let date = pdf_date(opts)?;
    let metadata = pdf.add_object(archival::metadata(&doc.meta, &date, PRODUCER));
    let output_intent = archival::output_intent(&mut pdf)?;
    let catalog = pdf.add_object(dictionary! {
        "Type" => "Catalog",
        "PageLayout" => "OneColumn",
        "PageMode" => "UseNone",
        "Pages" => pages_id,
        "Lang" => Object::string_literal(LANGUAGE),
        "MarkInfo" => dictionary! { "Marked" => true },
        "StructTreeRoot" => tree_root,
        "ViewerPreferences" => dictionary! { "DisplayDocTitle" => true },
        "Metadata" => metadata,
        "OutputIntents" => vec![output_intent.into()],
    });
    let info = pdf.add_object(info(doc, &date));
    writer::write(&pdf, catalog, info)
}

/// The letter's language: British English.
const LANGUAGE: &str = "en-GB";

/// Adds `page` with its content stream and link annotations, recording its
/// marked content and links in the structure `tree`.
fn add_page(
    pdf: &mut PdfDocument,
    page: &Page,
    parent: ObjectId,
    fonts: &Embedded,
    structure: &Structure,
    tree: &mut TreeBuilder,
) -> Result<ObjectId, String> {
    let content = page_content(page, fonts, structure);
    let contents = pdf.add_object(stream(Dictionary::new(), content.stream)?);
    let page_id = pdf.new_object_id();
    let key = tree.page(page_id, &content.marks, pdf);
    let mut dict = dictionary! {
        "Type" => "Page",
        "MediaBox" => vec![0.into(), 0.into(), MEDIA_BOX[0].into(), MEDIA_BOX[1].into()],
        "Parent" => parent,
        "Resources" => fonts.resources,
        "Contents" => contents,
        "StructParents" => key,
        "Tabs" => "S",
    };
    let mut annotations = Vec::with_capacity(content.links.len());
    for (mut link, node) in content.links {
        let id = pdf.new_object_id();
        link.set("P", page_id);
        link.set("StructParent", tree.annotation(node, page_id, id, pdf));
        pdf.insert(id, link);
        annotations.push(Object::Reference(id));
    }
    if !annotations.is_empty() {
        dict.set("Annots", annotations);
    }
    pdf.insert(page_id, dict);
    Ok(page_id)
}

/// The render timestamp, in UTC.
fn pdf_date(opts: &RenderOptions) -> Result<time::OffsetDateTime, String> {
    time::OffsetDateTime::from_unix_timestamp(opts.timestamp.unix_timestamp())
        .map_err(|e| format!("timestamp {} out of range: {e}", opts.timestamp))
}

/// The document information dictionary. Dates are in UTC, written the way
/// printpdf wrote them; empty fields are left out, as they are from the
/// XMP metadata, which PDF/A requires to agree with this.
fn info(doc: &Document, when: &time::OffsetDateTime) -> Dictionary {
    let date = format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}+00'00'",
        when.year(),
        u8::from(when.month()),
        when.day(),
        when.hour(),
        when.minute(),
        when.second()
    );
    let mut info = dictionary! {
        "CreationDate" => Object::string_literal(date.clone()),
        "ModDate" => Object::string_literal(date),
        "Creator" => text_string(PRODUCER),
        "Producer" => text_string(PRODUCER),
    };
    for (key, value) in [("Title", &doc.meta.title), ("Author", &doc.meta.author), ("Subject", &doc.meta.subject)] {
        if !value.is_empty() {
            info.set(key, text_string(value));
        }
    }
    info
}

/// A PDF text string: UTF-16BE with a byte order mark, in hex.
pub fn text_string(text: &str) -> Object {
    if text.is_empty() {
        return Object::string_literal("");
    }
    let bytes = [0xFEFF].into_iter().chain(text.encode_utf16()).flat_map(u16::to_be_bytes).collect();
    Object::String(bytes, StringFormat::Hexadecimal)
}
