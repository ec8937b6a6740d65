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
    /// The authority's house style: logo, body font, footer, running header.
    pub house: House,
}

/// How the letter looks beyond its words, from the authority's house
/// style. The default is foikit's own look.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct House {
    /// A logo at the top of the first page (not in plain text).
    pub logo: Option<Logo>,
    /// The PDF's body font, instead of the bundled Liberation Sans.
    pub font: Option<BodyFont>,
    /// A line at the foot of every page, above the page number.
    pub footer: Option<String>,
    /// Pages after the first are headed "Page N of M — reference".
    pub page_header: bool,
    /// The organisation's Word file whose styles, page, headers and
    /// footers the DOCX takes; read by the pipeline (see
    /// [`crate::render::docx::ReferenceDoc`]), once per batch.
    pub reference_doc: Option<std::path::PathBuf>,
}

/// A letterhead logo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// The PNG or JPEG.
    pub image: crate::image::Image,
    /// Its alternative text, for screen readers.
    pub alt: String,
    /// Printed height in millimetres.
    pub height_mm: u8,
}

/// Font files for the PDF body text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BodyFont {
    /// The regular face.
    pub regular: std::path::PathBuf,
    /// The bold face; the regular one when absent.
    pub bold: Option<std::path::PathBuf>,
    /// The italic face; the regular one when absent.
    pub italic: Option<std::path::PathBuf>,
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
    /// the name; the validator uses it to find required paragraphs in
    /// foikit's own letters, by what they are rather than by their words.
    Section {
        /// What the region is.
        name: Section,
        /// The content.
        blocks: Vec<Block>,
    },
}

/// What a named region of a letter is. Templates name them with
/// `::: section <name>`; a name not listed here is a template error, so a
/// misspelt section can never hide a required paragraph from the validator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The request as received.
    Request,
    /// The decision, as a whole.
    Decision,
    /// One item of the request and its decision.
    Item,
    /// The statement of the exemptions (exceptions) relied on.
    Exemptions,
    /// One exemption with its provision, reasons and public interest test,
    /// in the order of the case's exemptions.
    Exemption,
    /// The EIR presumption in favour of disclosure (reg 12(2)).
    Presumption,
    /// A statement that information is not held, with the search made.
    NotHeld,
    /// A statement neither confirming nor denying that information is held.
    Ncnd,
    /// A cost-limit refusal: the limit, the rate and the estimate.
    CostLimit,
    /// Advice and assistance (FOIA s16, EIR reg 9, FOISA s15).
    Advice,
    /// A refusal as vexatious.
    Vexatious,
    /// A refusal as repeated.
    Repeated,
    /// Review particulars (FOIA s17(7)(a), EIR reg 14(5)(a), FOISA s19(a)).
    InternalReview,
    /// The right to go to the Commissioner.
    IcoComplaint,
    /// The appeal against the Commissioner's decision.
    Appeal,
    /// The privacy notice link.
    PrivacyNotice,
    /// The sign-off.
    SignOff,
    /// The public interest decision record (an annex).
    PublicInterestAnnex,
    /// A letter released with the reply (an annex).
    AnnexedLetter,
    /// The signatories of an annexed letter.
    Signatories,
    /// The body of an internal review outcome.
    ReviewOutcome,
    /// The body of a requester's review request.
    ReviewRequest,
    /// The body of a requester's complaint.
    Complaint,
    /// The grounds of a review request or complaint.
    Grounds,
    /// The chronology of a complaint.
    Dates,
    /// The acknowledgement and due date.
    Acknowledgement,
    /// The questions of a clarification.
    Clarification,
    /// A holding notice's extension and estimate.
    HoldingNotice,
}

impl Section {
    /// Every section, for parsing and listing.
    pub const ALL: [Section; 28] = [
        Section::Request,
        Section::Decision,
        Section::Item,
        Section::Exemptions,
        Section::Exemption,
        Section::Presumption,
        Section::NotHeld,
        Section::Ncnd,
        Section::CostLimit,
        Section::Advice,
        Section::Vexatious,
        Section::Repeated,
        Section::InternalReview,
        Section::IcoComplaint,
        Section::Appeal,
        Section::PrivacyNotice,
        Section::SignOff,
        Section::PublicInterestAnnex,
        Section::AnnexedLetter,
        Section::Signatories,
        Section::ReviewOutcome,
        Section::ReviewRequest,
        Section::Complaint,
        Section::Grounds,
        Section::Dates,
        Section::Acknowledgement,
        Section::Clarification,
        Section::HoldingNotice,
    ];

    /// The name templates use: "internal-review".
    pub fn name(self) -> &'static str {
        match self {
            Section::Request => "request",
            Section::Decision => "decision",
            Section::Item => "item",
            Section::Exemptions => "exemptions",
            Section::Exemption => "exemption",
            Section::Presumption => "presumption",
            Section::NotHeld => "not-held",
            Section::Ncnd => "ncnd",
            Section::CostLimit => "cost-limit",
            Section::Advice => "advice",
            Section::Vexatious => "vexatious",
            Section::Repeated => "repeated",
            Section::InternalReview => "internal-review",
            Section::IcoComplaint => "ico-complaint",
            Section::Appeal => "appeal",
            Section::PrivacyNotice => "privacy-notice",
            Section::SignOff => "sign-off",
            Section::PublicInterestAnnex => "public-interest-annex",
            Section::AnnexedLetter => "annexed-letter",
            Section::Signatories => "signatories",
            Section::ReviewOutcome => "review-outcome",
            Section::ReviewRequest => "review-request",
            Section::Complaint => "complaint",
            Section::Grounds => "grounds",
            Section::Dates => "dates",
            Section::Acknowledgement => "acknowledgement",
            Section::Clarification => "clarification",
            Section::HoldingNotice => "holding-notice",
        }
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Section {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Section::ALL.into_iter().find(|k| k.name() == s).ok_or_else(|| {
            let all: Vec<_> = Section::ALL.iter().map(|k| k.name()).collect();
            format!("unknown section `{s}` (expected one of {})", all.join(", "))
        })
    }
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// Withheld text. The model never holds the text itself, only what the
    /// outputs need: the provision it is withheld under, the visible label
    /// (wording from the templates, e.g. "[Redacted – section 40(2)]") and
    /// its length in characters, from which the PDF sizes its black box.
    /// So no backend can leak what it was never given.
    Redaction {
        /// The provision as written in the markup: "40(2)", "13".
        provision: String,
        /// What text, HTML and DOCX print in its place.
        label: String,
        /// How many characters were withheld (white space included).
        chars: usize,
    },
}

impl Inline {
    /// The printed text of this run (a line break prints as a newline).
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) => t,
            Inline::Link { text, .. } => text,
            Inline::Redaction { label, .. } => label,
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
    pub fn walk(&self) -> Vec<(Option<Section>, &Block)> {
        fn go<'a>(blocks: &'a [Block], section: Option<Section>, out: &mut Vec<(Option<Section>, &'a Block)>) {
            for block in blocks {
                out.push((section, block));
                match block {
                    Block::Section { name, blocks } => go(blocks, Some(*name), out),
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

    /// Every inline of the letter and its annexes, mutably, in order: compose
    /// uses it to give redactions their label.
    pub fn inlines_mut(&mut self) -> impl Iterator<Item = &mut Inline> {
        fn lines(block: &mut Block) -> Vec<&mut Line> {
            match block {
                Block::Heading { content, .. } | Block::Paragraph(content) => vec![content],
                Block::Lines { lines, .. } | Block::List { items: lines, .. } => lines.iter_mut().collect(),
                Block::Table { header, rows } => header.iter_mut().flatten().chain(rows.iter_mut().flatten()).collect(),
                Block::Quote(blocks) | Block::Section { blocks, .. } => blocks.iter_mut().flat_map(lines).collect(),
            }
        }
        let annexes = self.annexes.iter_mut().flat_map(|a| a.blocks.iter_mut());
        self.letterhead
            .iter_mut()
            .chain(self.body.iter_mut().chain(annexes).flat_map(lines))
            .flat_map(|line| line.iter_mut())
    }

    /// Finds a named section anywhere in the letter or its annexes.
    pub fn section(&self, name: Section) -> Option<&[Block]> {
        self.walk().into_iter().find_map(|(_, b)| match b {
            Block::Section { name: n, blocks } if *n == name => Some(blocks.as_slice()),
            _ => None,
        })
    }
}
