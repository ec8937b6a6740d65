//! Page content streams, written directly as PDF operators.
//!
//! Nothing here decides where anything goes; it transcribes a [`Page`],
//! flipping y (layout measures from the top, PDF from the bottom). Numbers
//! are written as printpdf wrote them (shortest `f32` form), so every
//! position is exactly what it was when printpdf built the streams.

use std::io::Write;

use lopdf::{Dictionary, Object, dictionary};

use super::embed::Embedded;
use super::fonts::Face;
use super::layout::{Ink, Item, Page, Run, TextLine};
use super::style::{DRAFT_GREY, FOOTER_GREY, HEADER_FILL_GREY, LINK_RGB, PAGE_HEIGHT, RULE_GREY, RULE_WIDTH};

/// How far (in points) a run may start from where the previous one ended
/// and still be drawn without repositioning.
const PEN_SLACK: f32 = 0.01;

/// An RGB colour.
type Rgb = [f32; 3];

/// One page's content stream and link annotations.
pub struct PageContent {
    /// The operators, uncompressed.
    pub stream: Vec<u8>,
    /// Link annotations, for the page's `/Annots`.
    pub links: Vec<Object>,
}

/// Writes `page`, showing text with the codes of the `fonts` embedded.
pub fn page_content(page: &Page, fonts: &Embedded) -> PageContent {
    let mut writer = PageWriter {
        fonts,
        out: Vec::new(),
        font: None,
        fill: None,
        stroke_set: false,
        in_text: false,
        links: Vec::new(),
        boxes: Vec::new(),
    };
    for item in &page.items {
        match item {
            Item::Text(line) => writer.text_line(line),
            Item::Rule { x1, y1, x2, y2 } => writer.rule(*x1, *y1, *x2, *y2),
            Item::Fill { x, y, width, height } => writer.fill(*x, *y, *width, *height, [HEADER_FILL_GREY; 3]),
        }
    }
    writer.finish()
}

/// Converts a y measured from the page top to PDF's bottom-up y.
fn flip(y: f32) -> f32 {
    PAGE_HEIGHT - y
}

fn ink_color(ink: Ink) -> Rgb {
    match ink {
        Ink::Text | Ink::Redaction => [0.0; 3],
        Ink::Link => LINK_RGB,
        Ink::Footer => [FOOTER_GREY; 3],
        Ink::Draft => [DRAFT_GREY; 3],
    }
}

/// Builds one page's content, remembering the current font and fill colour
/// so they are only set when they change, and keeping consecutive text
/// lines in one text object (each line is placed with an absolute matrix).
struct PageWriter<'p, 'f> {
    fonts: &'f Embedded<'f>,
    out: Vec<u8>,
    font: Option<(Face, f32)>,
    fill: Option<Rgb>,
    stroke_set: bool,
    in_text: bool,
    /// Link runs, underlined and annotated once the text is written
    /// (path painting is not allowed inside a text object).
    links: Vec<(&'p TextLine, &'p Run, &'p str)>,
    /// Redaction runs, boxed once the text is written, for the same reason.
    boxes: Vec<(&'p TextLine, &'p Run)>,
}

impl<'p> PageWriter<'p, '_> {
    fn finish(mut self) -> PageContent {
        let links = std::mem::take(&mut self.links);
        let annotations = links.into_iter().map(|(line, run, url)| self.link(line, run, url).into()).collect();
        for (line, run) in std::mem::take(&mut self.boxes) {
            // From a little above the cap height to a little below the
            // baseline, so the box covers where the text would have been.
            let top = line.baseline - line.size * 0.8;
            self.fill(line.x + run.dx, top, run.width, line.size, ink_color(Ink::Redaction));
        }
        self.end_text();
        PageContent { stream: self.out, links: annotations }
    }

    /// Writes `numbers` as operands, each followed by a space.
    fn operands(&mut self, numbers: &[f32]) {
        for n in numbers {
            write!(self.out, "{n} ").expect("writing to a Vec cannot fail");
        }
    }

    fn operator(&mut self, operator: &str) {
        self.out.extend_from_slice(operator.as_bytes());
        self.out.push(b'\n');
    }

    fn begin_text(&mut self) {
        if !self.in_text {
            self.operator("BT");
            self.in_text = true;
        }
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.operator("ET");
            self.in_text = false;
        }
    }

    fn set_fill(&mut self, color: Rgb) {
        if self.fill != Some(color) {
            self.operands(&color);
            self.operator("rg");
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
        self.boxes.extend(line.runs.iter().filter(|r| r.ink == Ink::Redaction).map(|r| (line, r)));
        for run in line.runs.iter().filter(|r| !r.text.is_empty()) {
            self.begin_text();
            if self.font != Some((run.face, line.size)) {
                writeln!(self.out, "/{} {} Tf", run.face.resource_id(), line.size)
                    .expect("writing to a Vec cannot fail");
                self.font = Some((run.face, line.size));
            }
            self.set_fill(ink_color(run.ink));
            if pen.is_none_or(|x: f32| (x - run.dx).abs() > PEN_SLACK) {
                self.operands(&[1.0, 0.0, 0.0, 1.0, line.x + run.dx, flip(line.baseline)]);
                self.operator("Tm");
            }
            self.show(run.face, &run.text);
            pen = Some(run.dx + run.width);
            if let Some(url) = &run.link {
                self.links.push((line, run, url));
            }
        }
    }

    /// Shows `text` as a literal string of two-byte codes: half the bytes
    /// of the hex form to write and deflate. Only the delimiters, the
    /// backslash and CR (which a reader would take for a line end) need
    /// escaping.
    fn show(&mut self, face: Face, text: &str) {
        self.out.push(b'(');
        for c in text.chars() {
            for byte in self.fonts.code(face, c).to_be_bytes() {
                match byte {
                    b'(' | b')' | b'\\' => self.out.extend_from_slice(&[b'\\', byte]),
                    b'\r' => self.out.extend_from_slice(b"\\r"),
                    _ => self.out.push(byte),
                }
            }
        }
        self.out.extend_from_slice(b") Tj\n");
    }

    /// Underlines a link run and returns the annotation that makes it
    /// clickable.
    fn link(&mut self, line: &TextLine, run: &Run, url: &str) -> Dictionary {
        let x = line.x + run.dx;
        let thickness = line.size / 20.0;
        self.fill(x, line.baseline + line.size * 0.1, run.width, thickness, LINK_RGB);
        let bottom = flip(line.baseline + line.size * 0.25);
        let rect = [x, bottom, x + run.width, bottom + line.size * 1.15];
        dictionary! {
            "Type" => "Annot",
            "Subtype" => "Link",
            "Rect" => rect.map(Object::Real).to_vec(),
            "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal(url) },
            "Border" => vec![0.into(), 0.into(), 0.into()],
            "C" => Vec::new(),
            "H" => "I",
        }
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.end_text();
        if !self.stroke_set {
            self.operands(&[RULE_GREY; 3]);
            self.operator("RG");
            self.operands(&[RULE_WIDTH]);
            self.operator("w");
            self.stroke_set = true;
        }
        self.operands(&[x1, flip(y1)]);
        self.operator("m");
        self.operands(&[x2, flip(y2)]);
        self.operator("l");
        self.operator("S");
    }

    /// A filled rectangle given by its top-left corner.
    fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, color: Rgb) {
        self.end_text();
        self.set_fill(color);
        self.operands(&[x, flip(y + height), width, height]);
        self.operator("re");
        self.operator("f");
    }
}
