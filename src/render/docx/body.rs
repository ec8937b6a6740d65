//! The content half: [`Document`] → docx-rs paragraphs and tables.
//!
//! Everything here names styles from [`super::styles`] instead of formatting
//! paragraphs directly, so the letter stays editable the way a clerk expects.
//! The only direct formatting is what a style cannot know: alignment of
//! [`Block::Lines`], keep-together flags, the page break that starts an
//! annex, and indentation of material nested inside a quotation.
//!
//! Two docx-rs counters are process-global or thread-local and would make
//! the output depend on what was rendered before: paragraph ids and
//! hyperlink relationship ids. [`Builder`] numbers both itself, per letter.

use std::borrow::Cow;
use std::fmt::Write as _;

use docx_rs::{
    AlignmentType, BreakType, BuildXML, DocumentChild, Footer, Header, Hyperlink, HyperlinkData, IndentLevel,
    LineSpacing, NumPages, NumberingId, PageMargin, PageNum, PageSize, Paragraph, ParagraphChild, ParagraphProperty,
    Run, Shading, SpecialIndentType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell, TableLayoutType,
    TableRow, WidthType,
};

use super::styles;
use crate::doc::{Align, Block, Document, Inline, Line, ListKind, line_text};

/// A4 width in twips.
const PAGE_WIDTH: u32 = 11906;
/// A4 height in twips.
const PAGE_HEIGHT: u32 = 16838;
/// 25 mm on every side.
const MARGIN: i32 = 1418;
/// Distance of header and footer from the page edge (12.5 mm).
const HEADER_DISTANCE: i32 = 709;
/// Width of the text block: what a full-width table spans.
const TEXT_WIDTH: i32 = PAGE_WIDTH as i32 - 2 * MARGIN;
/// Space after the last line of a [`Block::Lines`] or of the letterhead:
/// one blank 11 pt line, as in a typed letter.
const BLOCK_GAP: u32 = 240;
/// Space between a table and the paragraph after it (6 pt).
const TABLE_GAP: u32 = 120;
/// Fill of the header row of a table: light grey, prints well in mono.
const HEADER_FILL: &str = "E7E7E7";

/// A letter rendered to XML, plus what the package around it needs.
pub(super) struct Layout {
    /// `word/document.xml`.
    pub document: Vec<u8>,
    /// `word/header1.xml`: the DRAFT mark, for drafts only.
    pub header: Option<Vec<u8>>,
    /// `word/footer1.xml`.
    pub footer: Vec<u8>,
    /// Every list in document order; list *n* uses numbering instance *n + 1*.
    pub lists: Vec<ListKind>,
    /// Hyperlink targets; target *n* has relationship id [`link_rid`]`(n)`.
    pub links: Vec<String>,
}

/// The relationship id of the `index`-th distinct hyperlink target.
pub(super) fn link_rid(index: usize) -> String {
    format!("rIdLink{}", index + 1)
}

/// The relationship id of the header; [`super::package`] defines it.
pub(super) const HEADER_RID: &str = "rIdHeader1";
/// The relationship id of the footer; [`super::package`] defines it.
pub(super) const FOOTER_RID: &str = "rIdFooter1";

/// Lays out `doc` (letterhead, body, annexes, footer and, for drafts, a
/// header) and renders the three XML parts.
///
/// The parts are built one by one rather than through `Docx::build`, which
/// also renders and normalises a dozen parts we replace: measured on a
/// five-page letter, that was 200 µs of a 1 ms budget.
pub(super) fn layout(doc: &Document) -> Layout {
    let mut b = Builder::default();
    b.letterhead(&doc.letterhead);
    b.blocks(&doc.body, 0);
    for annex in &doc.annexes {
        b.break_before_next = true;
        if let Some(label) = annex.label.as_deref().filter(|l| !l.trim().is_empty()) {
            b.heading(1, &[Inline::Text(label.to_owned())], 0);
        }
        b.blocks(&annex.blocks, 0);
    }
    let footer = b.footer();
    let header = doc.meta.draft.then(|| b.draft_header());
    let mut document = docx_rs::Document::new().page_size(PageSize::new().size(PAGE_WIDTH, PAGE_HEIGHT)).page_margin(
        PageMargin::new()
            .top(MARGIN)
            .bottom(MARGIN)
            .left(MARGIN)
            .right(MARGIN)
            .header(HEADER_DISTANCE)
            .footer(HEADER_DISTANCE),
    );
    let footer_xml = footer.build();
    document = document.footer(footer, FOOTER_RID);
    let mut header_xml = None;
    if let Some(header) = header {
        header_xml = Some(header.build());
        document = document.header(header, HEADER_RID);
    }
    document.children = b.children;
    Layout { document: document.build(), header: header_xml, footer: footer_xml, lists: b.lists, links: b.links }
}

/// Accumulates the body while numbering paragraphs, lists and links.
#[derive(Default)]
struct Builder {
    children: Vec<DocumentChild>,
    lists: Vec<ListKind>,
    links: Vec<String>,
    /// Last paragraph id handed out.
    para_id: u32,
    /// The next body element starts a new page (an annex begins).
    break_before_next: bool,
    /// The last body element is a table: the next paragraph needs space
    /// above it, which a table cannot give.
    after_table: bool,
}

impl Builder {
    /// A new paragraph with the next id of this letter.
    ///
    /// Built as a literal: `Paragraph::new` draws an id from a thread-local
    /// counter that only `Docx::build` resets, and that panics when it runs
    /// out after 2^32 paragraphs on one thread.
    fn paragraph(&mut self) -> Paragraph {
        // w14:paraId must be below 0x80000000; a letter never gets near it.
        self.para_id += 1;
        Paragraph {
            id: format!("{:08X}", self.para_id),
            children: Vec::new(),
            property: ParagraphProperty::new(),
            has_numbering: false,
        }
    }

    fn push_paragraph(&mut self, p: Paragraph) {
        self.push_spaced(p, None);
    }

    /// Adds a body paragraph, with `space_after` twips below it instead of
    /// its style's spacing when given.
    fn push_spaced(&mut self, mut p: Paragraph, space_after: Option<u32>) {
        if std::mem::take(&mut self.break_before_next) {
            p = p.page_break_before(true);
        }
        let space_before = std::mem::take(&mut self.after_table).then_some(TABLE_GAP);
        if space_before.is_some() || space_after.is_some() {
            let mut spacing = LineSpacing::new();
            if let Some(before) = space_before {
                spacing = spacing.before(before);
            }
            if let Some(after) = space_after {
                spacing = spacing.after(after);
            }
            p = p.line_spacing(spacing);
        }
        self.children.push(DocumentChild::Paragraph(Box::new(p)));
    }

    fn push_table(&mut self, table: Table) {
        // A table cannot carry "page break before", and two tables in a row
        // would merge into one; an empty paragraph fixes both.
        if self.break_before_next || self.after_table {
            let p = self.paragraph().style(styles::NO_SPACING);
            self.push_paragraph(p);
        }
        self.children.push(DocumentChild::Table(Box::new(table)));
        self.after_table = true;
    }

    fn letterhead(&mut self, lines: &[Line]) {
        for (i, line) in lines.iter().enumerate() {
            let p = self.paragraph().style(styles::LETTERHEAD);
            let p = self.inlines(p, line, false);
            let last = i + 1 == lines.len();
            self.push_spaced(p, last.then_some(2 * BLOCK_GAP));
        }
    }

    /// A heading. Its style's space above is enough after a table too.
    fn heading(&mut self, level: u8, content: &[Inline], depth: i32) {
        self.after_table = false;
        let p = quote_indent(self.paragraph().style(styles::heading(level)), depth);
        let p = self.inlines(p, content, false);
        self.push_paragraph(p);
    }

    /// Renders `blocks` nested `depth` quotations deep.
    fn blocks(&mut self, blocks: &[Block], depth: i32) {
        for block in blocks {
            self.block(block, depth);
        }
    }

    fn block(&mut self, block: &Block, depth: i32) {
        match block {
            Block::Heading { level, content } => self.heading(*level, content, depth),
            Block::Paragraph(line) => {
                let p = if depth == 0 {
                    self.paragraph()
                } else if depth == 1 {
                    self.paragraph().style(styles::QUOTE)
                } else {
                    quote_indent(self.paragraph().style(styles::QUOTE), depth)
                };
                let p = self.inlines(p, line, false);
                self.push_paragraph(p);
            }
            Block::Lines { lines, align } => self.lines(lines, *align, depth),
            Block::Quote(blocks) => self.blocks(blocks, depth + 1),
            Block::List { kind, items } => self.list(*kind, items, depth),
            Block::Table { header, rows } => self.table(header.as_deref(), rows, depth),
            Block::Section { blocks, .. } => self.blocks(blocks, depth),
        }
    }

    /// One paragraph per line, kept on one page, with a blank line's gap
    /// after the block.
    fn lines(&mut self, lines: &[Line], align: Align, depth: i32) {
        let alignment = match align {
            Align::Left => AlignmentType::Left,
            Align::Right => AlignmentType::Right,
        };
        for (i, line) in lines.iter().enumerate() {
            let p = self.paragraph().style(styles::NO_SPACING).align(alignment).keep_lines(true);
            let last = i + 1 == lines.len();
            let p = if last { p } else { p.keep_next(true) };
            let p = self.inlines(quote_indent(p, depth), line, false);
            self.push_spaced(p, last.then_some(BLOCK_GAP));
        }
    }

    fn list(&mut self, kind: ListKind, items: &[Line], depth: i32) {
        if items.is_empty() {
            return;
        }
        self.lists.push(kind);
        let num_id = NumberingId::new(self.lists.len());
        for item in items {
            let mut p = self.paragraph().style(styles::LIST_PARAGRAPH).numbering(num_id.clone(), IndentLevel::new(0));
            if depth > 0 {
                let side = quote_side(depth);
                p = p.indent(
                    Some(side + styles::LIST_INDENT),
                    Some(SpecialIndentType::Hanging(styles::LIST_HANGING)),
                    Some(side),
                    None,
                );
            }
            let p = self.inlines(p, item, false);
            self.push_paragraph(p);
        }
    }

    fn table(&mut self, header: Option<&[Line]>, rows: &[Vec<Line>], depth: i32) {
        let columns = rows.iter().map(Vec::len).chain(header.map(<[Line]>::len)).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let side = quote_side(depth);
        let width = TEXT_WIDTH - 2 * side;
        let widths = column_widths(header, rows, columns, width as usize);
        let mut table_rows = Vec::with_capacity(rows.len() + 1);
        if let Some(cells) = header {
            table_rows.push(self.row(cells, &widths, true));
        }
        for cells in rows {
            table_rows.push(self.row(cells, &widths, false));
        }
        let table = Table::new(table_rows)
            .style(styles::TABLE_GRID)
            .set_borders(grid_borders())
            .width(width as usize, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .indent(side)
            .set_grid(widths);
        self.push_table(table);
    }

    /// One table row; missing cells are rendered empty so the grid stays whole.
    fn row(&mut self, cells: &[Line], widths: &[usize], header: bool) -> TableRow {
        let cells = widths
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let line = cells.get(i).map_or(&[][..], Vec::as_slice);
                let p = self.paragraph().style(styles::TABLE_TEXT);
                let p = self.inlines(p, line, header);
                let cell = TableCell::new().width(*width, WidthType::Dxa).add_paragraph(p);
                if header { cell.shading(Shading::new().fill(HEADER_FILL)) } else { cell }
            })
            .collect();
        TableRow::new(cells).cant_split()
    }

    /// Appends the runs of `line` to `p`; `bold` makes every run bold (a
    /// table's header row).
    fn inlines(&mut self, mut p: Paragraph, line: &[Inline], bold: bool) -> Paragraph {
        for inline in line {
            let run = if bold { Run::new().bold() } else { Run::new() };
            p = match inline {
                Inline::Text(text) => p.add_run(text_run(run, text)),
                Inline::Strong(text) => p.add_run(text_run(run.bold(), text)),
                Inline::Emphasis(text) => p.add_run(text_run(run.italic(), text)),
                Inline::Redaction { label, .. } => p.add_run(text_run(run.bold(), label)),
                Inline::LineBreak => p.add_run(run.add_break(BreakType::TextWrapping)),
                Inline::Link { text, url } => match uri_target(url) {
                    Some(target) => {
                        p.add_hyperlink(self.hyperlink(target, text_run(run.style(styles::HYPERLINK), text)))
                    }
                    None => p.add_run(text_run(run, text)),
                },
            };
        }
        p
    }

    /// An external hyperlink with a relationship id numbered by this
    /// letter (docx-rs would take one from a process-wide counter); links
    /// to the same target share one relationship.
    fn hyperlink(&mut self, target: String, run: Run) -> Hyperlink {
        let index = self.links.iter().position(|t| *t == target).unwrap_or_else(|| {
            self.links.push(target);
            self.links.len() - 1
        });
        // `path` only feeds docx-rs's own document.xml.rels, which we replace.
        let link = HyperlinkData::External { rid: link_rid(index), path: String::new() };
        Hyperlink { link, history: None, children: vec![ParagraphChild::Run(Box::new(run))] }
    }

    /// "Page X of Y" with live PAGE and NUMPAGES fields, so the numbers are
    /// right after a clerk edits the letter.
    fn footer(&mut self) -> Footer {
        let p = self
            .paragraph()
            .style(styles::FOOTER)
            .add_run(Run::new().add_text("Page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new());
        Footer::new().add_paragraph(p)
    }

    /// The DRAFT mark printed at the top of every page of a draft.
    fn draft_header(&mut self) -> Header {
        let mark = Run::new().add_text("DRAFT");
        Header::new().add_paragraph(self.paragraph().style(styles::DRAFT_MARK).add_run(mark))
    }
}

/// Indents a paragraph that sits `depth` quotations deep. Depth 0 is left
/// alone so ordinary paragraphs keep their style's indentation.
fn quote_indent(p: Paragraph, depth: i32) -> Paragraph {
    if depth == 0 {
        return p;
    }
    let side = quote_side(depth);
    p.indent(Some(side), None, Some(side), None)
}

/// Left and right indentation of material `depth` quotations deep. Past
/// three levels the indentation stops growing, so text never runs out of
/// room (and the sum cannot overflow).
fn quote_side(depth: i32) -> i32 {
    depth.clamp(0, 3) * styles::QUOTE_INDENT
}

/// Adds `text` to `run`: newlines become line breaks and tabs become tabs
/// (a `w:t` cannot hold either), and characters XML 1.0 forbids are dropped
/// because Word refuses a file that contains them. docx-rs escapes the rest.
fn text_run(mut run: Run, text: &str) -> Run {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                run = run.add_tab();
            }
            let piece = xml_chars(piece);
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

/// `text` without the characters XML 1.0 does not allow (C0 controls other
/// than tab, newline and carriage return; U+FFFE and U+FFFF).
pub(super) fn xml_chars(text: &str) -> Cow<'_, str> {
    fn allowed(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    }
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| allowed(*c)).collect())
    }
}

/// The relationship target for a link URL, or `None` when there is nothing
/// to link to. Characters outside RFC 3986 (spaces, non-ASCII, a `%` that
/// starts no escape) are percent-encoded, because Word reports a file whose
/// hyperlink targets are not valid URIs as damaged.
fn uri_target(url: &str) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    let mut target = String::with_capacity(url.len());
    for (i, c) in url.char_indices() {
        let escape = c == '%' && url.get(i + 1..i + 3).is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        if escape || c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=".contains(c) {
            target.push(c);
        } else {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(target, "%{byte:02X}"); // writing to a String cannot fail
            }
        }
    }
    Some(target)
}

/// Column widths in twips summing to exactly `total`, proportional to the
/// longest cell text of each column. Lengths are clamped to 4..=40
/// characters so a column of numbers stays readable and one long cell does
/// not squeeze every other column to nothing.
fn column_widths(header: Option<&[Line]>, rows: &[Vec<Line>], columns: usize, total: usize) -> Vec<usize> {
    let mut weights = vec![4usize; columns];
    for cells in header.into_iter().chain(rows.iter().map(Vec::as_slice)) {
        for (weight, cell) in weights.iter_mut().zip(cells) {
            let len = line_text(cell).chars().count().clamp(4, 40);
            *weight = (*weight).max(len);
        }
    }
    let sum: usize = weights.iter().sum();
    let mut widths: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let assigned: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total - assigned;
    }
    widths
}

/// Half-point grid lines on every edge: the same lines as the Table Grid
/// style, repeated on the table because docx-rs otherwise writes its own
/// hairline borders over the style's.
fn grid_borders() -> TableBorders {
    [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |borders, position| borders.set(TableBorder::new(position).size(4).color("auto")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_widths_fill_the_text_width_in_proportion() {
        let text = |s: &str| vec![Inline::Text(s.to_owned())];
        let rows = vec![
            vec![text("1"), text("A description long enough to hit the forty character cap")],
            vec![text("2"), text("short")],
        ];
        let widths = column_widths(Some(&[text("No."), text("Item")]), &rows, 2, 9070);
        assert_eq!(widths.iter().sum::<usize>(), 9070);
        assert_eq!(widths[0], 9070 * 4 / 44);
    }

    #[test]
    fn column_widths_pad_missing_cells() {
        let widths = column_widths(None, &[vec![]], 3, 9000);
        assert_eq!(widths, vec![3000, 3000, 3000]);
    }

    #[test]
    fn uri_targets_are_percent_encoded() {
        assert_eq!(uri_target(" https://ico.org.uk/a b?x=é ").as_deref(), Some("https://ico.org.uk/a%20b?x=%C3%A9"));
        assert_eq!(uri_target("https://x.org/a%20b/100%").as_deref(), Some("https://x.org/a%20b/100%25"));
        assert_eq!(uri_target("  "), None);
    }

    #[test]
    fn forbidden_xml_characters_are_dropped() {
        assert_eq!(xml_chars("a\u{0}b\u{1b}c\u{FFFF}"), "abc");
        assert!(matches!(xml_chars("plain – “text”"), Cow::Borrowed(_)));
    }
}
