//! Layout: [`Document`] → pages of positioned text lines and rules.
//!
//! Pure geometry, no PDF: this is where every typographic decision is made
//! and tested, and the encoder only transcribes the result. Coordinates are
//! points from the top-left corner of the page, y growing downwards (the
//! encoder flips them).
//!
//! Two passes: [`flow`](super::flow) turns blocks into unbreakable chunks
//! with keep-together rules, [`paginate`](super::paginate) places the chunks
//! on pages, and only then, when the page count is known, the footers and
//! DRAFT marks are added.

use super::fonts::{Face, Fonts};
use super::shape::ShapedGlyph;
use super::structure::{Structure, Tag};
use super::style::{
    DRAFT_BASELINE, DRAFT_SIZE, FOOTER_BASELINE, FOOTER_SIZE, LEADING, PAGE_WIDTH, SIDE_MARGIN, TEXT_WIDTH,
};
use super::wrap::{TextStyle, Wrapped, text_width, wrap};
use super::{flow, paginate};
use crate::doc::{Document, Inline};

/// One laid-out page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// Everything on the page, in painting (and reading) order.
    pub items: Vec<Item>,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text.
    Text(TextLine),
    /// A thin straight rule (table grid), from `(x1, y1)` to `(x2, y2)`.
    Rule {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
    },
    /// The logo, top-left corner and printed size, as content of the
    /// figure node `node` (the image itself is the document's logo).
    Image {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// The figure's structure node.
        node: usize,
    },
    /// A light grey background (table header), top-left corner and size.
    Fill {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
    },
}

impl Item {
    /// The same item moved down by `dy`: chunks are laid out from y = 0 and
    /// moved into place by pagination.
    pub fn shifted(mut self, dy: f32) -> Item {
        match &mut self {
            Item::Text(line) => line.baseline += dy,
            Item::Rule { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
            Item::Fill { y, .. } | Item::Image { y, .. } => *y += dy,
        }
        self
    }

    /// The same item as an artifact: a repeated table header.
    pub fn artifact(mut self) -> Item {
        if let Item::Text(line) = &mut self {
            line.runs.iter_mut().for_each(|run| run.tag = Tag::Artifact);
        }
        self
    }
}

/// A line of text at one size, made of differently styled runs.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// Left edge of the first run.
    pub x: f32,
    /// Baseline position.
    pub baseline: f32,
    /// Font size in points.
    pub size: f32,
    /// The runs, left to right.
    pub runs: Vec<Run>,
}

impl TextLine {
    /// The printed width, from `x` to the end of the last run.
    #[cfg(test)]
    pub fn width(&self) -> f32 {
        self.runs.last().map_or(0.0, |r| r.dx + r.width)
    }

    /// The text of the line, runs concatenated.
    #[cfg(test)]
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A run of text in one face and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The face.
    pub face: Face,
    /// The characters, in logical order, already restricted to what the
    /// face can print. For a redaction, its label: never drawn, but read
    /// out in its place (see [`Ink::Redaction`]).
    pub text: String,
    /// Offset from the line's `x`.
    pub dx: f32,
    /// Printed width.
    pub width: f32,
    /// Colour.
    pub ink: Ink,
    /// Target of a link, which the encoder turns into a link annotation.
    pub link: Option<String>,
    /// The glyphs, left to right, for text that was shaped (right to left,
    /// or Arabic): then the glyphs are not the characters one by one and
    /// `text` is what they read as, in logical order. `None` for text
    /// printed one glyph per character.
    pub shaped: Option<Vec<ShapedGlyph>>,
    /// What the run is in the document's structure.
    pub tag: Tag,
    /// The language of a run in another script than the letter's, for
    /// `/Lang` (see [`super::lang`]).
    pub lang: Option<&'static str>,
}

/// The colours text can have; the encoder maps them to actual colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// Black body text.
    Text,
    /// Link blue.
    Link,
    /// Grey footer.
    Footer,
    /// Grey DRAFT mark.
    Draft,
    /// A redaction: a solid black box the run's width; the run's text is
    /// the redaction's label, its `/ActualText`, never shown as glyphs.
    Redaction,
}

/// A laid-out letter: its pages and the structure their text is tagged
/// with.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The pages, at least one.
    pub pages: Vec<Page>,
    /// The structure tree.
    pub structure: Structure,
}

/// Lays out `doc` on A4 pages, footers and DRAFT marks included. Always at
/// least one page, so an empty document still gives a valid PDF.
pub fn layout(doc: &Document, fonts: &Fonts) -> Layout {
    let (chunks, structure) = flow::flow(doc, fonts);
    let mut pages = paginate::paginate(chunks);
    if pages.is_empty() {
        pages.push(Page::default());
    }
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        if doc.meta.draft {
            page.items
                .insert(0, Item::Text(centred("DRAFT", Face::Bold, DRAFT_SIZE, DRAFT_BASELINE, Ink::Draft, fonts)));
        }
        if doc.house.page_header && index > 0 {
            let header = format!("Page {} of {total} \u{2014} {}", index + 1, doc.meta.reference);
            page.items.insert(0, placed(&header, Align::Right, FOOTER_SIZE, DRAFT_BASELINE, fonts));
        }
        if let Some(footer) = &doc.house.footer {
            let baseline = FOOTER_BASELINE - FOOTER_SIZE * LEADING;
            page.items.push(placed(footer, Align::Centre, FOOTER_SIZE, baseline, fonts));
        }
        let footer = format!("Page {} of {total}", index + 1);
        page.items.push(Item::Text(centred(&footer, Face::Regular, FOOTER_SIZE, FOOTER_BASELINE, Ink::Footer, fonts)));
    }
    Layout { pages, structure }
}

/// Where a running line sits across the text width.
enum Align {
    Centre,
    Right,
}

/// A running header or footer line from the house style: grey, on one
/// line (made smaller if it is too wide for the text width), in any script
/// the fonts print.
fn placed(text: &str, align: Align, size: f32, baseline: f32, fonts: &Fonts) -> Item {
    let text = [Inline::Text(text.replace('\n', " "))];
    let line = |size: f32| {
        let style = TextStyle { size, base: Face::Regular };
        wrap(&text, style, f32::MAX, fonts).into_iter().next().unwrap_or(Wrapped { runs: Vec::new(), width: 0.0 })
    };
    let mut wrapped = line(size);
    let size = if wrapped.width > TEXT_WIDTH { size * TEXT_WIDTH / wrapped.width } else { size };
    if wrapped.width > TEXT_WIDTH {
        wrapped = line(size);
    }
    wrapped.runs.iter_mut().for_each(|run| run.ink = Ink::Footer);
    let x = match align {
        Align::Centre => SIDE_MARGIN + (TEXT_WIDTH - wrapped.width) / 2.0,
        Align::Right => SIDE_MARGIN + TEXT_WIDTH - wrapped.width,
    };
    Item::Text(TextLine { x, baseline, size, runs: wrapped.runs })
}

/// A single-run line centred on the page.
fn centred(text: &str, face: Face, size: f32, baseline: f32, ink: Ink, fonts: &Fonts) -> TextLine {
    let width = text_width(text, face, size, fonts);
    let x = SIDE_MARGIN + ((PAGE_WIDTH - 2.0 * SIDE_MARGIN) - width) / 2.0;
    TextLine {
        x,
        baseline,
        size,
        runs: vec![Run {
            face,
            text: text.to_owned(),
            dx: 0.0,
            width,
            ink,
            link: None,
            shaped: None,
            tag: Tag::Artifact,
            lang: None,
        }],
    }
}
