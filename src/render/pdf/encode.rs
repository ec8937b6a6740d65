//! Encoding: laid-out pages → printpdf operations → PDF bytes.
//!
//! Nothing here decides where anything goes; it transcribes [`Page`]s,
//! flipping y (layout measures from the top, PDF from the bottom), and makes
//! the output byte-for-byte reproducible: fonts get fixed resource ids, the
//! dates come from the options, and the trailer `/ID`, which printpdf fills
//! from a process-global counter, is replaced by a hash of the document.

use std::collections::BTreeSet;
use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;

use lopdf::Object;
use lopdf::StringFormat;
use printpdf::{
    Actions, BorderArray, Color, ColorArray, FontId, Line, LinePoint, LinkAnnotation, Mm, Op, PaintMode, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

use super::fonts::{Face, Fonts};
use super::layout::{Ink, Item, Page, Run, TextLine};
use super::style::{
    DRAFT_GREY, FOOTER_GREY, HEADER_FILL_GREY, LINK_RGB, PAGE_HEIGHT, PAGE_HEIGHT_MM, PAGE_WIDTH_MM, RULE_GREY,
    RULE_WIDTH,
};
use crate::doc::Document;
use crate::render::RenderOptions;

/// How far (in points) a run may start from where the previous one ended
/// and still be drawn without repositioning.
const PEN_SLACK: f32 = 0.01;

/// zlib level for streams. Measured on the 6-page 43342 letter: level 9
/// 5.4 ms / 29.2 KB, level 6 4.3 ms / 29.4 KB, level 3 3.8 ms / 31.7 KB,
/// level 1 3.3 ms / 43 KB. Content streams (hex glyph codes) are most of
/// the input; font programs compress the same at any level.
const DEFLATE_LEVEL: u32 = 3;

/// The name written as Creator and Producer.
const PRODUCER: &str = "foikit";

/// Encodes `pages` as a PDF carrying `doc`'s metadata.
pub fn encode(pages: &[Page], doc: &Document, opts: &RenderOptions, fonts: &Fonts) -> Result<Vec<u8>, String> {
    let mut pdf = PdfDocument::new(&doc.meta.title);
    set_info(&mut pdf, doc, opts)?;
    for face in faces_used(pages) {
        let font = PdfFont::new(fonts.face(face).parsed.clone());
        pdf.resources.fonts.map.insert(FontId(face.resource_id().to_owned()), font);
    }
    pdf.pages = pages.iter().map(|page| PdfPage::new(Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM), page_ops(page))).collect();

    let mut warnings = Vec::new();
    let mut lopdf = pdf.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    if let Some(error) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
        return Err(format!("printpdf: {}", error.msg));
    }
    tidy_info(&mut lopdf);
    let id = Object::String(document_id(doc, opts).to_vec(), StringFormat::Hexadecimal);
    lopdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    compress_streams(&mut lopdf)?;
    let mut bytes = Vec::new();
    lopdf.save_to(&mut bytes).map_err(|e| format!("cannot write PDF: {e}"))?;
    Ok(bytes)
}

fn set_info(pdf: &mut PdfDocument, doc: &Document, opts: &RenderOptions) -> Result<(), String> {
    // printpdf has its own date type; going through the Unix timestamp
    // gives it the instant in UTC, which is what it writes ("+00'00'").
    let when = printpdf::OffsetDateTime::from_unix_timestamp(opts.timestamp.unix_timestamp())
        .map_err(|e| format!("timestamp {} out of range: {e}", opts.timestamp))?;
    let info = &mut pdf.metadata.info;
    info.author = doc.meta.author.clone();
    info.subject = doc.meta.subject.clone();
    info.creator = PRODUCER.to_owned();
    info.producer = PRODUCER.to_owned();
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;
    Ok(())
}

/// Deflates every stream not yet filtered. lopdf's own `compress` always
/// uses the best (slowest) level, which made compression over 40% of the
/// render time.
fn compress_streams(lopdf: &mut lopdf::Document) -> Result<(), String> {
    for object in lopdf.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let compressed = deflate(&stream.content).map_err(|e| format!("cannot compress: {e}"))?;
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

fn deflate(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = ZlibEncoder::new(Vec::with_capacity(data.len() / 3), Compression::new(DEFLATE_LEVEL));
    encoder.write_all(data)?;
    encoder.finish()
}

/// Drops the empty PDF/X and identifier entries printpdf always writes into
/// the document information dictionary; they claim nothing and confuse
/// preflight tools.
fn tidy_info(lopdf: &mut lopdf::Document) {
    let Ok(info_id) = lopdf.trailer.get(b"Info").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(info) = lopdf.get_object_mut(info_id).and_then(Object::as_dict_mut) {
        for key in ["GTS_PDFXVersion", "Identifier", "Keywords"] {
            info.remove(key.as_bytes());
        }
    }
}

/// A 16-byte file identifier derived from everything that determines the
/// file's content, so the same letter always gets the same `/ID` and a
/// different letter (or a re-dated one) a different one.
fn document_id(doc: &Document, opts: &RenderOptions) -> [u8; 16] {
    let content = format!("{doc:?}{}", opts.timestamp.unix_timestamp());
    let mut id = [0u8; 16];
    id[..8].copy_from_slice(&fnv1a(0xcbf2_9ce4_8422_2325, content.as_bytes()).to_be_bytes());
    id[8..].copy_from_slice(&fnv1a(0x6c62_272e_07bb_0142, content.as_bytes()).to_be_bytes());
    id
}

/// FNV-1a: tiny, and (unlike `DefaultHasher`) stable across Rust releases.
fn fnv1a(seed: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(seed, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The faces that appear on the pages: only these are embedded.
fn faces_used(pages: &[Page]) -> BTreeSet<Face> {
    pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|item| match item {
            Item::Text(line) => Some(line.runs.iter().filter(|r| !r.text.is_empty()).map(|r| r.face)),
            _ => None,
        })
        .flatten()
        .collect()
}

/// Converts a y measured from the page top to PDF's bottom-up y.
fn flip(y: f32) -> Pt {
    Pt(PAGE_HEIGHT - y)
}

fn grey(level: f32) -> Color {
    rgb([level; 3])
}

fn rgb([r, g, b]: [f32; 3]) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

fn ink_color(ink: Ink) -> Color {
    match ink {
        Ink::Text => grey(0.0),
        Ink::Link => rgb(LINK_RGB),
        Ink::Footer => grey(FOOTER_GREY),
        Ink::Draft => grey(DRAFT_GREY),
    }
}

/// Builds one page's content, remembering the current font and fill colour
/// so they are only set when they change, and keeping consecutive text
/// lines in one text object (each line is placed with an absolute matrix).
#[derive(Default)]
struct PageWriter<'p> {
    ops: Vec<Op>,
    font: Option<(Face, f32)>,
    fill: Option<Color>,
    stroke_set: bool,
    in_text: bool,
    /// Link runs, underlined and annotated once the text is written
    /// (path painting is not allowed inside a text object).
    links: Vec<(&'p TextLine, &'p Run, &'p str)>,
}

fn page_ops(page: &Page) -> Vec<Op> {
    let mut writer = PageWriter::default();
    for item in &page.items {
        match item {
            Item::Text(line) => writer.text_line(line),
            Item::Rule { x1, y1, x2, y2 } => writer.rule(*x1, *y1, *x2, *y2),
            Item::Fill { x, y, width, height } => writer.fill(*x, *y, *width, *height, grey(HEADER_FILL_GREY)),
        }
    }
    writer.finish()
}

impl<'p> PageWriter<'p> {
    fn finish(mut self) -> Vec<Op> {
        for (line, run, url) in std::mem::take(&mut self.links) {
            self.link(line, run, url);
        }
        self.end_text();
        self.ops
    }

    fn begin_text(&mut self) {
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.ops.push(Op::EndTextSection);
            self.in_text = false;
        }
    }

    fn set_fill(&mut self, color: Color) {
        if self.fill.as_ref() != Some(&color) {
            self.ops.push(Op::SetFillColor { col: color.clone() });
            self.fill = Some(color);
        }
    }

    /// Writes a line at its absolute position, so extraction sees lines in
    /// order and nothing accumulates. Later runs only get a matrix of their
    /// own after a gap (a list marker): otherwise the pen already stands
    /// where they start, since layout measured with the very widths the
    /// viewer advances by.
    fn text_line(&mut self, line: &'p TextLine) {
        let mut pen = None;
        for run in line.runs.iter().filter(|r| !r.text.is_empty()) {
            self.begin_text();
            if self.font != Some((run.face, line.size)) {
                let font = PdfFontHandle::External(FontId(run.face.resource_id().to_owned()));
                self.ops.push(Op::SetFont { font, size: Pt(line.size) });
                self.font = Some((run.face, line.size));
            }
            self.set_fill(ink_color(run.ink));
            if pen.is_none_or(|x: f32| (x - run.dx).abs() > PEN_SLACK) {
                let matrix = TextMatrix::Translate(Pt(line.x + run.dx), flip(line.baseline));
                self.ops.push(Op::SetTextMatrix { matrix });
            }
            self.ops.push(Op::ShowText { items: vec![TextItem::Text(run.text.clone())] });
            pen = Some(run.dx + run.width);
            if let Some(url) = &run.link {
                self.links.push((line, run, url));
            }
        }
    }

    /// Underlines a link run and makes it clickable.
    fn link(&mut self, line: &TextLine, run: &Run, url: &str) {
        let x = line.x + run.dx;
        let thickness = line.size / 20.0;
        self.fill(x, line.baseline + line.size * 0.1, run.width, thickness, rgb(LINK_RGB));
        let rect = Rect::from_xywh(Pt(x), flip(line.baseline + line.size * 0.25), Pt(run.width), Pt(line.size * 1.15));
        let link = LinkAnnotation::new(
            rect,
            Actions::uri(url.to_owned()),
            Some(BorderArray::Solid([0.0, 0.0, 0.0])),
            Some(ColorArray::Transparent),
            None,
        );
        self.ops.push(Op::LinkAnnotation { link });
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.end_text();
        if !self.stroke_set {
            self.ops.push(Op::SetOutlineColor { col: grey(RULE_GREY) });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(RULE_WIDTH) });
            self.stroke_set = true;
        }
        let point = |x: f32, y: f32| LinePoint { p: Point { x: Pt(x), y: flip(y) }, bezier: false };
        let line = Line { points: vec![point(x1, y1), point(x2, y2)], is_closed: false };
        self.ops.push(Op::DrawLine { line });
    }

    /// A filled rectangle given by its top-left corner.
    fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, color: Color) {
        self.end_text();
        self.set_fill(color);
        let mut rect = Rect::from_xywh(Pt(x), flip(y + height), Pt(width), Pt(height));
        rect.mode = Some(PaintMode::Fill);
        self.ops.push(Op::DrawRectangle { rectangle: rect });
    }
}
