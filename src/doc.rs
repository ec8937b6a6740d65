//! The one document model.
//!
//! Templates compose into a [`Document`]; every backend (text, HTML, DOCX,
//! PDF) renders this model and nothing else, so the four outputs can never
//! disagree about what the letter says. The validator reads it too, which is
//! why regions that the law cares about (the review paragraph, the ICO
//! paragraph, the exemptions) are kept as named [`Block::Section`]s rather than
//! guessed from wording.

use time::Date;

/// A composed letter, ready for a backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Facts about the document that end up in file metadata.
    pub meta: Meta,
    /// The sender's letterhead: printed at the top right of the first page.
    pub letterhead: Vec<Line>,
    /// The letter itself, from the addressee block to the sign-off.
    pub body: Vec<Block>,
    /// Annexes, each starting on a new page, in order.
    pub annexes: Vec<Annex>,
}

/// Document metadata. Backends write it into core properties / document info,
/// so it must never carry anything the letter itself does not show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// e.g. "FOI response 43342".
    pub title: String,
    /// The team or unit that signs the letter.
    pub author: String,
    /// A one-line description, e.g. "Freedom of Information request".
    pub subject: String,
    /// The case reference; also the output file stem.
    pub reference: String,
    /// The date the letter bears. Backends derive file timestamps from it
    /// (unless SOURCE_DATE_EPOCH overrides), never from the wall clock.
    pub date: Date,
    /// A draft is marked DRAFT on every page by every backend.
    pub draft: bool,
}

/// One line of text made of inline runs.
pub type Line = Vec<Inline>;

/// An annex: a part of the letter that starts on a new page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annex {
    /// "Annex A", or `None` for an untitled annex such as a decision record.
    pub label: Option<String>,
    /// The annex content.
    pub blocks: Vec<Block>,
}

/// Block-level content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading; level 1 is the largest.
    Heading {
        /// 1 to 3.
        level: u8,
        /// The heading text.
        content: Line,
    },
    /// A paragraph of running text, wrapped by the backend.
    Paragraph(Line),
    /// Lines printed exactly as given with no space between them: address
    /// blocks, the date line, a signature.
    Lines {
        /// The lines.
        lines: Vec<Line>,
        /// Horizontal alignment of every line.
        align: Align,
    },
    /// Quoted material (the request as the requester wrote it, statute text):
    /// indented and set apart.
    Quote(Vec<Block>),
    /// A bulleted or numbered list; each item is one paragraph.
    List {
        /// Bullets or numbers.
        kind: ListKind,
        /// The items.
        items: Vec<Line>,
    },
    /// A table; every row has the same number of cells.
    Table {
        /// Optional header row, printed bold.
        header: Option<Vec<Line>>,
        /// Body rows.
        rows: Vec<Vec<Line>>,
    },
    /// A named region of the letter. Backends render the content and ignore
    /// the name; the validator uses the name to find required paragraphs.
    Section {
        /// A kebab-case name such as `internal-review` or `ico-complaint`.
        name: String,
        /// The content.
        blocks: Vec<Block>,
    },
}

/// Horizontal alignment for [`Block::Lines`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Flush right.
    Right,
}

/// The kind of a [`Block::List`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// Bulleted.
    Bullet,
    /// Numbered "1.", "2.", … starting from `start`.
    Numbered {
        /// The first number.
        start: u32,
    },
}

/// Inline content. Deliberately flat (no nesting): letters need plain, bold,
/// italic and links, and a flat list keeps every backend simple.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Bold text.
    Strong(String),
    /// Italic text.
    Emphasis(String),
    /// A hyperlink; `text` is what is printed.
    Link {
        /// The visible text.
        text: String,
        /// The target.
        url: String,
    },
    /// A hard line break inside a paragraph.
    LineBreak,
}

impl Inline {
    /// The printed text of this run (a line break prints as a newline).
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) => t,
            Inline::Link { text, .. } => text,
            Inline::LineBreak => "\n",
        }
    }
}

/// The plain text of a line, runs concatenated.
pub fn line_text(line: &[Inline]) -> String {
    line.iter().map(Inline::text).collect()
}

impl Document {
    /// Every block of the letter and its annexes, depth first, with the name
    /// of the innermost enclosing section. The validator walks this.
    pub fn walk(&self) -> Vec<(Option<&str>, &Block)> {
        fn go<'a>(blocks: &'a [Block], section: Option<&'a str>, out: &mut Vec<(Option<&'a str>, &'a Block)>) {
            for block in blocks {
                out.push((section, block));
                match block {
                    Block::Section { name, blocks } => go(blocks, Some(name), out),
                    Block::Quote(blocks) => go(blocks, section, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        go(&self.body, None, &mut out);
        for annex in &self.annexes {
            go(&annex.blocks, None, &mut out);
        }
        out
    }

    /// Finds a named section anywhere in the letter or its annexes.
    pub fn section(&self, name: &str) -> Option<&[Block]> {
        self.walk().into_iter().find_map(|(_, b)| match b {
            Block::Section { name: n, blocks } if n == name => Some(blocks.as_slice()),
            _ => None,
        })
    }
}
