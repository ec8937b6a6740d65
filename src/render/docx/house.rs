//! The house style's parts of a Word letter: the logo as an inline
//! picture in the letterhead, the footer line, and the running header of
//! the pages after the first.
//!
//! Kept apart from [`super::body`] so that what comes from the authority's
//! profile is in one place: a reference document (Word template) that
//! brings its own header and footer replaces these parts, not the body.

use std::fmt::Write as _;

use super::body::{W_NS, XML_DECLARATION, field, run};
use super::props::{ParaProps, RunProps};
use super::styles;
use super::xml::push_escaped;
use crate::doc::{Document, Logo};

/// The relationship id of the logo's image part.
pub(super) const LOGO_RID: &str = "rIdLogo";

/// EMUs (English Metric Units, DrawingML's unit) per millimetre.
const EMU_PER_MM: u64 = 36_000;
/// The widest a logo may print: half the text width (80 mm), as in the PDF.
const MAX_WIDTH_MM: u64 = 80;

/// The package part the logo is stored in: `media/logo.png`.
pub(super) fn logo_part(logo: &Logo) -> String {
    format!("media/logo.{}", logo.image.format.extension())
}

/// A paragraph holding the logo as an inline picture, its alternative text
/// in `wp:docPr/@descr` (what Word's Alt Text pane and screen readers use).
pub(super) fn logo_paragraph(out: &mut String, logo: &Logo) {
    let (width, height) = logo_extent(logo);
    // Left, as in the PDF; the sender's lines stay at the right.
    let _ = write!(
        out,
        r#"<w:p><w:pPr><w:pStyle w:val="{}"/><w:spacing w:after="120"/><w:jc w:val="left"/></w:pPr>"#,
        styles::LETTERHEAD
    );
    let mut alt = String::new();
    push_escaped(&mut alt, &logo.alt);
    let name = logo_part(logo);
    let name = name.trim_start_matches("media/");
    let _ = write!(
        out,
        concat!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" "#,
            r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">"#,
            r#"<wp:extent cx="{w}" cy="{h}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>"#,
            r#"<wp:docPr id="1" name="Logo" descr="{alt}"/>"#,
            r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
            r#"<a:graphic xmlns:a="{A}"><a:graphicData uri="{PIC}"><pic:pic xmlns:pic="{PIC}">"#,
            r#"<pic:nvPicPr><pic:cNvPr id="1" name="{name}" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
            r#"<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
            r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>"#,
            r#"<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"#,
            r#"</wp:inline></w:drawing></w:r></w:p>"#,
        ),
        w = width,
        h = height,
        alt = alt,
        name = name,
        rid = LOGO_RID,
        A = "http://schemas.openxmlformats.org/drawingml/2006/main",
        PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture",
    );
}

/// The logo's printed size in EMUs: its height, unless that makes it wider
/// than [`MAX_WIDTH_MM`], keeping the image's proportions.
fn logo_extent(logo: &Logo) -> (u64, u64) {
    let (w, h) = (u64::from(logo.image.width), u64::from(logo.image.height).max(1));
    let height = u64::from(logo.height_mm) * EMU_PER_MM;
    let width = (height * w / h).min(MAX_WIDTH_MM * EMU_PER_MM);
    (width, width * h / w.max(1))
}

/// The footer line, as the first paragraph of the footer.
pub(super) fn footer_line(out: &mut String, text: &str) {
    out.push_str("<w:p>");
    ParaProps::styled(styles::FOOTER).write(out);
    run(out, RunProps::default(), text);
    out.push_str("</w:p>");
}

/// The header of every page after the first: "Page N of M — reference",
/// with live fields, and the DRAFT mark above it on a draft.
pub(super) fn page_header(doc: &Document) -> String {
    let mut out = String::with_capacity(1024);
    let _ = write!(out, r#"{XML_DECLARATION}<w:hdr xmlns:w="{W_NS}">"#);
    if doc.meta.draft {
        draft_paragraph(&mut out);
    }
    out.push_str("<w:p>");
    ParaProps { align_right: true, ..ParaProps::styled(styles::FOOTER) }.write(&mut out);
    run(&mut out, RunProps::default(), "Page ");
    field(&mut out, "PAGE");
    run(&mut out, RunProps::default(), " of ");
    field(&mut out, "NUMPAGES");
    run(&mut out, RunProps::default(), &format!(" \u{2014} {}", doc.meta.reference));
    out.push_str("</w:p></w:hdr>");
    out
}

/// The DRAFT mark's paragraph, also put into a reference document's
/// headers.
pub(super) fn draft_mark() -> String {
    let mut out = String::with_capacity(128);
    draft_paragraph(&mut out);
    out
}

/// `word/header*.xml` holding only the DRAFT mark.
pub(super) fn draft_header() -> String {
    let mut out = String::with_capacity(512);
    let _ = write!(out, r#"{XML_DECLARATION}<w:hdr xmlns:w="{W_NS}">"#);
    draft_paragraph(&mut out);
    out.push_str("</w:hdr>");
    out
}

fn draft_paragraph(out: &mut String) {
    out.push_str("<w:p>");
    ParaProps::styled(styles::DRAFT_MARK).write(out);
    run(out, RunProps::default(), "DRAFT");
    out.push_str("</w:p>");
}
