//! The package around the content: the parts we write ourselves and the zip.
//!
//! The letter-dependent parts (document, header, footer, numbering) come
//! from [`super::body`] and [`super::styles`]; the rest are static. Every
//! entry is written in a fixed order by [`super::zip_writer`], deflated
//! and dated from
//! [`RenderOptions::timestamp`](crate::render::RenderOptions::timestamp),
//! so the same letter always gives the same bytes. The package holds the
//! parts Word itself writes for a letter (styles, settings, web settings,
//! font table and theme): a document without a theme part is one Office's
//! validation reports as damaged.

use std::fmt::Write as _;

use time::{OffsetDateTime, UtcOffset};

use super::body::{FIRST_HEADER_RID, FOOTER_RID, HEADER_RID, link_rid};
use super::fixed::{
    APP_XML, EVEN_AND_ODD_SETTINGS_XML, FONT_TABLE_XML, PACKAGE_RELS, SETTINGS_XML, STYLES_XML, WEB_SETTINGS_XML,
};
use super::house::LOGO_RID;
use super::reference::House;
use super::xml::escape;
use super::zip_writer::{DosTime, Packing, ZipWriter};
use crate::doc::{Logo, Meta};

/// The parts of one letter that differ from letter to letter.
pub(super) struct Parts<'a> {
    /// `word/document.xml`.
    pub document: &'a str,
    /// `word/header1.xml` (drafts, running headers).
    pub header: Option<&'a str>,
    /// `word/header2.xml`: the first page's header, when it has its own.
    pub first_header: Option<&'a str>,
    /// The logo: its part name under `word/` and the logo.
    pub logo: Option<(String, &'a Logo)>,
    /// `word/footer1.xml`, unless a reference document's footer replaces it.
    pub footer: Option<&'a str>,
    /// `word/numbering.xml`, when the letter has lists.
    pub numbering: Option<&'a str>,
    /// Hyperlink targets, in relationship-id order.
    pub links: &'a [String],
    /// Title, author and subject for the core properties.
    pub meta: &'a Meta,
    /// What a reference document gives: styles, theme, font table,
    /// headers, footers and their pictures.
    pub house: Option<&'a House<'a>>,
}

/// When the letter was made, in the two forms the package needs.
pub(super) struct Stamp {
    /// W3CDTF (`YYYY-MM-DDTHH:MM:SSZ`) for `docProps/core.xml`.
    w3cdtf: String,
    /// MS-DOS date and time for every zip entry.
    zip: DosTime,
}

impl Stamp {
    /// Converts `timestamp` to UTC. Fails only for a year that W3CDTF cannot
    /// write (before year 0); the zip time is clamped to what zip can hold
    /// (1980 to 2107) because a wrong zip date harms nobody.
    pub(super) fn new(timestamp: OffsetDateTime) -> Result<Stamp, String> {
        let utc = timestamp
            .checked_to_offset(UtcOffset::UTC)
            .ok_or_else(|| format!("timestamp {timestamp} cannot be expressed in UTC"))?;
        let year = utc.year();
        if !(0..=9999).contains(&year) {
            return Err(format!("timestamp year {year} cannot be written in document properties"));
        }
        let (month, day) = (u8::from(utc.month()), utc.day());
        let (hour, minute, second) = (utc.hour(), utc.minute(), utc.second());
        let w3cdtf = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z");
        let zip = DosTime::new(year, month, day, hour, minute, second).unwrap_or(if year < 1980 {
            DosTime::EARLIEST
        } else {
            DosTime::LATEST
        });
        Ok(Stamp { w3cdtf, zip })
    }
}

/// Writes the complete `.docx`, entries in a fixed order. The parts that
/// recur from letter to letter (ours and a reference document's) are
/// [`Packing::Shared`]: deflated once and then copied from the cache.
pub(super) fn package(parts: &Parts<'_>, stamp: &Stamp) -> Result<Vec<u8>, String> {
    use Packing::{Letter, Shared, Stored};
    let mut zip = ZipWriter::new(stamp.zip, 16 * 1024);
    zip.add("[Content_Types].xml", content_types(parts).as_bytes(), Shared)?;
    zip.add("_rels/.rels", PACKAGE_RELS.as_bytes(), Shared)?;
    zip.add("docProps/core.xml", core_xml(parts.meta, &stamp.w3cdtf).as_bytes(), Letter)?;
    zip.add("docProps/app.xml", APP_XML.as_bytes(), Shared)?;
    zip.add("word/document.xml", parts.document.as_bytes(), Letter)?;
    zip.add("word/_rels/document.xml.rels", document_rels(parts).as_bytes(), Shared)?;
    let house = parts.house;
    zip.add("word/styles.xml", house.map_or(STYLES_XML, |h| h.styles).as_bytes(), Shared)?;
    if let Some(numbering) = parts.numbering {
        zip.add("word/numbering.xml", numbering.as_bytes(), Shared)?;
    }
    match house {
        Some(h) if h.even_and_odd => zip.add("word/settings.xml", EVEN_AND_ODD_SETTINGS_XML.as_bytes(), Shared)?,
        _ => zip.add("word/settings.xml", SETTINGS_XML.as_bytes(), Shared)?,
    }
    zip.add("word/webSettings.xml", WEB_SETTINGS_XML.as_bytes(), Shared)?;
    let font_table = house.and_then(|h| h.font_table).unwrap_or(FONT_TABLE_XML.as_bytes());
    zip.add("word/fontTable.xml", font_table, Shared)?;
    let theme = house.and_then(|h| h.theme).unwrap_or(super::theme::THEME_XML.as_bytes());
    zip.add("word/theme/theme1.xml", theme, Shared)?;
    // A running header names the letter's reference; a draft's first-page
    // header and the footer (page numbers, the house style's line) are the
    // same in every letter.
    if let Some(header) = parts.header {
        zip.add("word/header1.xml", header.as_bytes(), Letter)?;
    }
    if let Some(header) = parts.first_header {
        zip.add("word/header2.xml", header.as_bytes(), Shared)?;
    }
    if let Some(footer) = parts.footer {
        zip.add("word/footer1.xml", footer.as_bytes(), Shared)?;
    }
    if let Some((name, logo)) = &parts.logo {
        zip.add(&format!("word/{name}"), &logo.image.bytes, Stored)?;
    }
    for part in house.map_or(&[][..], |h| &h.parts[..]) {
        zip.add(&part.name, &part.data, Shared)?;
    }
    zip.finish()
}

/// `[Content_Types].xml`: one override per part we write.
fn content_types(parts: &Parts<'_>) -> String {
    const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
        r#"<Default Extension="xml" ContentType="application/xml"/>"#,
        r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
        r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    ));
    if let Some((_, logo)) = &parts.logo {
        let format = logo.image.format;
        let _ = write!(xml, r#"<Default Extension="{}" ContentType="{}"/>"#, format.extension(), format.mime());
    }
    let mut part = |name: &str, kind: &str| {
        let _ = write!(xml, r#"<Override PartName="/word/{name}" ContentType="{WML}.{kind}+xml"/>"#);
    };
    part("document.xml", "document.main");
    part("styles.xml", "styles");
    if parts.numbering.is_some() {
        part("numbering.xml", "numbering");
    }
    part("settings.xml", "settings");
    part("webSettings.xml", "webSettings");
    part("fontTable.xml", "fontTable");
    if parts.header.is_some() {
        part("header1.xml", "header");
    }
    if parts.first_header.is_some() {
        part("header2.xml", "header");
    }
    if parts.footer.is_some() {
        part("footer1.xml", "footer");
    }
    for house_part in parts.house.map_or(&[][..], |h| &h.parts[..]) {
        if let Some(kind) = &house_part.content_type {
            let _ =
                write!(xml, r#"<Override PartName="/{}" ContentType="{}"/>"#, escape(&house_part.name), escape(kind));
        }
    }
    xml.push_str(concat!(
        r#"<Override PartName="/word/theme/theme1.xml" "#,
        r#"ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>"#,
    ));
    xml
}

/// `word/_rels/document.xml.rels`. The header and footer ids are the ones
/// `w:sectPr` names; hyperlink ids are numbered in document order (see
/// [`link_rid`]).
fn document_rels(parts: &Parts<'_>) -> String {
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut xml = String::with_capacity(1024 + parts.links.len() * 200);
    xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    ));
    let mut rel = |id: &str, kind: &str, target: &str, external: bool| {
        let mode = if external { r#" TargetMode="External""# } else { "" };
        let _ = write!(xml, r#"<Relationship Id="{id}" Type="{REL}/{kind}" Target="{target}"{mode}/>"#);
    };
    rel("rId1", "styles", "styles.xml", false);
    rel("rId2", "settings", "settings.xml", false);
    rel("rId3", "fontTable", "fontTable.xml", false);
    rel("rId4", "webSettings", "webSettings.xml", false);
    rel("rId5", "theme", "theme/theme1.xml", false);
    if parts.numbering.is_some() {
        rel("rId6", "numbering", "numbering.xml", false);
    }
    if parts.header.is_some() {
        rel(HEADER_RID, "header", "header1.xml", false);
    }
    if parts.first_header.is_some() {
        rel(FIRST_HEADER_RID, "header", "header2.xml", false);
    }
    if let Some((name, _)) = &parts.logo {
        rel(LOGO_RID, "image", name, false);
    }
    if parts.footer.is_some() {
        rel(FOOTER_RID, "footer", "footer1.xml", false);
    }
    for (id, kind, target) in parts.house.map_or(&[][..], |h| &h.rels[..]) {
        rel(id, kind, &escape(target), false);
    }
    for (index, target) in parts.links.iter().enumerate() {
        rel(&link_rid(index), "hyperlink", &escape(target), true);
    }
    xml.push_str("</Relationships>");
    xml
}

/// `docProps/core.xml`: what File › Properties shows, and the title and
/// language that screen readers and accessibility checkers read.
fn core_xml(meta: &Meta, when: &str) -> String {
    let title = escape(&meta.title);
    let subject = escape(&meta.subject);
    let author = escape(&meta.author);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator>",
            "<dc:language>{language}</dc:language>",
            "<cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            "</cp:coreProperties>",
        ),
        title = title,
        subject = subject,
        author = author,
        language = LANGUAGE,
        when = when,
    )
}

/// The language of every letter, in core properties here and in the
/// default run properties of `styles.xml` and `settings.xml`.
const LANGUAGE: &str = "en-GB";
