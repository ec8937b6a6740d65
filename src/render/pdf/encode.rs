//! Encoding: laid-out pages → PDF bytes.
//!
//! The document is built directly with lopdf. Pages, fonts and metadata
//! are what printpdf used to write, without its per-document work (see
//! [`embed`](super::embed)) or its detour through operator objects for the
//! content streams (see [`content`](super::content)), and without what it
//! wrote to no effect: empty resource dictionaries and `/Annots` arrays,
//! crop and trim boxes equal to the media box. The output is byte-for-byte
//! reproducible: fonts get fixed resource ids, the dates come from the
//! options, and the trailer `/ID` is a hash of the file.

use lopdf::xref::XrefType;
use lopdf::{Dictionary, Document as PdfDocument, Object, ObjectId, StringFormat, dictionary};

use super::content::page_content;
use super::deflate::stream;
use super::embed::{Embedded, embed};
use super::fonts::Fonts;
use super::layout::Page;
use super::style::{PAGE_HEIGHT_MM, PAGE_WIDTH_MM};
use crate::doc::Document;
use crate::render::RenderOptions;

/// The name written as Creator and Producer.
const PRODUCER: &str = "foikit";

/// The page size as printpdf computed it, with its 2.834646 points per
/// millimetre: the height differs from [`PAGE_HEIGHT`](super::style::PAGE_HEIGHT)
/// in the fifth decimal, and keeping it keeps every page exactly as it was.
const MEDIA_BOX: [f32; 2] = [PAGE_WIDTH_MM * 2.834_646, PAGE_HEIGHT_MM * 2.834_646];

/// The `/ID` written before the file's hash is known: 16 zero bytes, which
/// lopdf writes as this hex string.
const ID_PLACEHOLDER: &[u8] = b"<00000000000000000000000000000000>";

/// Encodes `pages` as a PDF carrying `doc`'s metadata.
pub fn encode(pages: &[Page], doc: &Document, opts: &RenderOptions, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let mut pdf = PdfDocument::with_version("1.3");
    pdf.reference_table.cross_reference_type = XrefType::CrossReferenceTable;
    let embedded = embed(pages, fonts, &mut pdf)?;
    let pages_id = pdf.new_object_id();
    let kids = pages
        .iter()
        .map(|page| add_page(&mut pdf, page, pages_id, &embedded).map(Object::Reference))
        .collect::<Result<Vec<_>, _>>()?;
    let count = kids.len() as i64;
    pdf.objects.insert(pages_id, dictionary! { "Type" => "Pages", "Count" => count, "Kids" => kids }.into());
    let catalog = pdf.add_object(dictionary! {
        "Type" => "Catalog",
        "PageLayout" => "OneColumn",
        "PageMode" => "UseNone",
        "Pages" => pages_id,
    });
    let info = pdf.add_object(info(doc, opts)?);
    pdf.trailer.set("Root", catalog);
    pdf.trailer.set("Info", info);
    let placeholder = Object::String(vec![0; 16], StringFormat::Hexadecimal);
    pdf.trailer.set("ID", vec![placeholder.clone(), placeholder]);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| format!("cannot write PDF: {e}"))?;
    stamp_id(&mut bytes)?;
    Ok(bytes)
}

/// Adds `page` with its content stream.
fn add_page(pdf: &mut PdfDocument, page: &Page, parent: ObjectId, fonts: &Embedded) -> Result<ObjectId, String> {
    let content = page_content(page, fonts);
    let contents = pdf.add_object(stream(Dictionary::new(), content.stream)?);
    let mut dict = dictionary! {
        "Type" => "Page",
        "MediaBox" => vec![0.into(), 0.into(), MEDIA_BOX[0].into(), MEDIA_BOX[1].into()],
        "Parent" => parent,
        "Resources" => fonts.resources,
        "Contents" => contents,
    };
    if !content.links.is_empty() {
        dict.set("Annots", content.links);
    }
    Ok(pdf.add_object(dict))
}

/// The document information dictionary. Dates are in UTC, written the way
/// printpdf wrote them.
fn info(doc: &Document, opts: &RenderOptions) -> Result<Dictionary, String> {
    let when = time::OffsetDateTime::from_unix_timestamp(opts.timestamp.unix_timestamp())
        .map_err(|e| format!("timestamp {} out of range: {e}", opts.timestamp))?;
    let date = format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}+00'00'",
        when.year(),
        u8::from(when.month()),
        when.day(),
        when.hour(),
        when.minute(),
        when.second()
    );
    Ok(dictionary! {
        "Trapped" => "False",
        "CreationDate" => Object::string_literal(date.clone()),
        "ModDate" => Object::string_literal(date),
        "Title" => text_string(&doc.meta.title),
        "Author" => text_string(&doc.meta.author),
        "Creator" => text_string(PRODUCER),
        "Producer" => text_string(PRODUCER),
        "Subject" => text_string(&doc.meta.subject),
    })
}

/// A PDF text string: UTF-16BE with a byte order mark, in hex.
fn text_string(text: &str) -> Object {
    if text.is_empty() {
        return Object::string_literal("");
    }
    let bytes = [0xFEFF].into_iter().chain(text.encode_utf16()).flat_map(u16::to_be_bytes).collect();
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Replaces the placeholder `/ID` in the trailer with a 16-byte hash of the
/// whole file (placeholder included), so the same letter always gets the
/// same `/ID` and a different letter (or a re-dated one) a different one.
fn stamp_id(bytes: &mut [u8]) -> Result<(), String> {
    let hex: String = file_hash(bytes).iter().map(|byte| format!("{byte:02X}")).collect();
    let trailer = bytes.windows(7).rposition(|w| w == b"trailer").ok_or("PDF written without a trailer")?;
    for _ in 0..2 {
        let found = bytes[trailer..].windows(ID_PLACEHOLDER.len()).position(|w| w == ID_PLACEHOLDER);
        let at = trailer + 1 + found.ok_or("trailer lacks its /ID")?;
        bytes[at..at + hex.len()].copy_from_slice(hex.as_bytes());
    }
    Ok(())
}

/// Two FNV-1a hashes with different seeds: tiny, and (unlike
/// `DefaultHasher`) stable across Rust releases.
fn file_hash(bytes: &[u8]) -> [u8; 16] {
    const PRIME: u64 = 0x0100_0000_01b3;
    let (a, b) = bytes.iter().fold((0xcbf2_9ce4_8422_2325_u64, 0x6c62_272e_07bb_0142_u64), |(a, b), &byte| {
        ((a ^ u64::from(byte)).wrapping_mul(PRIME), (b ^ u64::from(byte)).wrapping_mul(PRIME))
    });
    let mut id = [0u8; 16];
    id[..8].copy_from_slice(&a.to_be_bytes());
    id[8..].copy_from_slice(&b.to_be_bytes());
    id
}
