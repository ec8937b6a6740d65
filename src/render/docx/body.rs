//! The content half: [`Document`] → the XML of the body, header and footer.
//!
//! Everything here names styles from [`super::styles`] instead of formatting
//! paragraphs directly, so the letter stays editable the way a clerk expects.
//! The only direct formatting is what a style cannot know: alignment of
//! [`Block::Lines`], keep-together flags, the page break that starts an
//! annex, and indentation of material nested inside a quotation.
//!
//! We write the XML ourselves. docx-rs 0.4 wrote property children out of
//! the order ECMA-376 requires (`w:pStyle` after `w:rPr`, `w:tblInd` after
//! `w:tblBorders`, `w:footerReference` after `w:pgSz`), an undeclared
//! `w:type` on `w:gridCol`, and drew paragraph and link ids from global
//! counters; Word repairs or silently drops such properties. Properties
//! come from [`super::props`], which writes them in schema order; text is
//! escaped by [`super::xml`].

use std::fmt::Write as _;

use super::props::{CellProps, Indent, ParaProps, RowProps, RunProps, SectionProps, TableProps};
use super::xml::{has_xml_chars, push_escaped};
use super::{house, styles};
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

/// The WordprocessingML namespace, declared on every part's root.
pub(super) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The relationships namespace, for `r:id` in the document.
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// Declaration at the top of every part.
pub(super) const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// A letter rendered to XML, plus what the package around it needs.
pub(super) struct Layout {
    /// `word/document.xml`.
    pub document: String,
    /// `word/header1.xml`, the header of every page (of every page but the
    /// first, with a running header): the DRAFT mark and the running header.
    pub header: Option<String>,
    /// `word/header2.xml`: the first page's header when it differs from
    /// the others' and is not blank (a draft with a running header).
    pub first_header: Option<String>,
    /// `word/footer1.xml`.
    pub footer: String,
    /// Every list in document order; list *n* uses numbering instance
    /// *n + 1* (*n +* [`HousePage::first_num_id`] with a reference document).
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
/// The relationship id of the first page's header; [`super::package`] defines it.
pub(super) const FIRST_HEADER_RID: &str = "rIdHeader2";

/// The page of a letter laid out in a reference document's house style.
pub(super) struct HousePage<'a> {
    /// The letter's `w:sectPr`, written by [`super::reference`].
    pub section: &'a str,
    /// Width of the text block, twips.
    pub text_width: i32,
    /// The `numId` of the letter's first list: past the reference's own.
    pub first_num_id: usize,
}

/// Lays out `doc` (letterhead, body, annexes, footer and, for drafts, a
/// header) and writes the three XML parts, on our A4 page or on `page`.
pub(super) fn layout(doc: &Document, page: Option<&HousePage<'_>>) -> Layout {
    let text_width = page.map_or(TEXT_WIDTH, |h| h.text_width);
    let first_num_id = page.map_or(1, |h| h.first_num_id);
    let mut b = Builder { out: String::with_capacity(32 * 1024), text_width, first_num_id, ..Builder::default() };
    let _ = write!(b.out, r#"{XML_DECLARATION}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>"#);
    if let Some(logo) = &doc.house.logo {
        house::logo_paragraph(&mut b.out, logo);
    }
    b.letterhead(&doc.letterhead);
    b.blocks(&doc.body, 0);
    for annex in &doc.annexes {
        b.break_before_next = true;
        if let Some(label) = annex.label.as_deref().filter(|l| !l.trim().is_empty()) {
            b.heading(1, &[Inline::Text(label.to_owned())], 0);
        }
        b.blocks(&annex.blocks, 0);
    }
    // With a reference document its headers rule (see `super::reference`):
    // ours is only the DRAFT mark, where it has none.
    let running = doc.house.page_header && page.is_none();
    let header = match (running, doc.meta.draft) {
        (true, _) => Some(house::page_header(doc)),
        (false, true) => Some(house::draft_header()),
        (false, false) => None,
    };
    let first_header = (running && doc.meta.draft).then(house::draft_header);
    match page {
        Some(page) => b.out.push_str(page.section),
        None => SectionProps {
            header: header.is_some().then_some(HEADER_RID),
            first_header: first_header.is_some().then_some(FIRST_HEADER_RID),
            title_page: running,
            footer: FOOTER_RID,
            page_width: PAGE_WIDTH,
            page_height: PAGE_HEIGHT,
            margin: MARGIN,
            header_distance: HEADER_DISTANCE,
        }
        .write(&mut b.out),
    }
    b.out.push_str("</w:body></w:document>");
    Layout {
        document: b.out,
        header,
        first_header,
        footer: footer(doc.house.footer.as_deref()),
        lists: b.lists,
        links: b.links,
    }
}

/// Accumulates the body while numbering lists and links.
#[derive(Default)]
struct Builder {
    /// `word/document.xml` so far.
    out: String,
    lists: Vec<ListKind>,
    links: Vec<String>,
    /// The next body element starts a new page (an annex begins).
    break_before_next: bool,
    /// The last body element is a table: the next paragraph needs space
    /// above it, which a table cannot give.
    after_table: bool,
    /// Width of the text block, twips: what a full-width table spans.
    text_width: i32,
    /// The `numId` of the first list.
    first_num_id: usize,
}

impl Builder {
    /// Adds a body paragraph: the page break of a starting annex and the
    /// space after a table are added to `props` here.
    fn push_paragraph(&mut self, mut props: ParaProps, line: &[Inline]) {
        props.page_break_before |= std::mem::take(&mut self.break_before_next);
        if std::mem::take(&mut self.after_table) {
            props.space_before = Some(TABLE_GAP);
        }
        self.paragraph(&props, line, RunProps::default());
    }

    /// Writes one paragraph whose runs all carry `run` (bold in a table's
    /// header row).
    fn paragraph(&mut self, props: &ParaProps, line: &[Inline], run: RunProps) {
        self.out.push_str("<w:p>");
        props.write(&mut self.out);
        self.inlines(line, run);
        self.out.push_str("</w:p>");
    }

    fn letterhead(&mut self, lines: &[Line]) {
        for (i, line) in lines.iter().enumerate() {
            let mut props = ParaProps::styled(styles::LETTERHEAD);
            if i + 1 == lines.len() {
                props.space_after = Some(2 * BLOCK_GAP);
            }
            self.push_paragraph(props, line);
        }
    }

    /// A heading. Its style's space above is enough after a table too.
    fn heading(&mut self, level: u8, content: &[Inline], depth: i32) {
        self.after_table = false;
        let props = ParaProps { indent: quote_indent(depth), ..ParaProps::styled(styles::heading(level)) };
        self.push_paragraph(props, content);
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
                let style = (depth > 0).then_some(styles::QUOTE);
                // The Quote style indents one level; deeper levels say so.
                let indent = if depth > 1 { quote_indent(depth) } else { None };
                self.push_paragraph(ParaProps { style, indent, ..ParaProps::default() }, line);
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
        for (i, line) in lines.iter().enumerate() {
            let last = i + 1 == lines.len();
            let props = ParaProps {
                keep_next: !last,
                keep_lines: true,
                space_after: last.then_some(BLOCK_GAP),
                indent: quote_indent(depth),
                align_right: align == Align::Right,
                ..ParaProps::styled(styles::NO_SPACING)
            };
            self.push_paragraph(props, line);
        }
    }

    fn list(&mut self, kind: ListKind, items: &[Line], depth: i32) {
        if items.is_empty() {
            return;
        }
        self.lists.push(kind);
        let indent = (depth > 0).then(|| {
            let side = quote_side(depth);
            Indent { left: side + styles::LIST_INDENT, right: side, hanging: Some(styles::LIST_HANGING) }
        });
        let num_id = self.first_num_id + self.lists.len() - 1;
        for item in items {
            let props = ParaProps { num_id: Some(num_id), indent, ..ParaProps::styled(styles::LIST_PARAGRAPH) };
            self.push_paragraph(props, item);
        }
    }

    fn table(&mut self, header: Option<&[Line]>, rows: &[Vec<Line>], depth: i32) {
        let columns = rows.iter().map(Vec::len).chain(header.map(<[Line]>::len)).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        // A table cannot carry "page break before", and two tables in a row
        // would merge into one; an empty paragraph fixes both.
        if self.break_before_next || self.after_table {
            self.push_paragraph(ParaProps::styled(styles::NO_SPACING), &[]);
        }
        let side = quote_side(depth);
        let width = self.text_width - 2 * side;
        let widths = column_widths(header, rows, columns, width as usize);
        self.out.push_str("<w:tbl>");
        TableProps { style: styles::TABLE_GRID, width, indent: side, grid_borders: true, fixed: true }
            .write(&mut self.out);
        self.out.push_str("<w:tblGrid>");
        for width in &widths {
            let _ = write!(self.out, r#"<w:gridCol w:w="{width}"/>"#);
        }
        self.out.push_str("</w:tblGrid>");
        if let Some(cells) = header {
            self.row(cells, &widths, true);
        }
        for cells in rows {
            self.row(cells, &widths, false);
        }
        self.out.push_str("</w:tbl>");
        self.after_table = true;
    }

    /// One table row, never split across pages; a header row is bold on
    /// grey and repeats on every page. Missing cells are written empty so
    /// the grid stays whole.
    fn row(&mut self, cells: &[Line], widths: &[usize], header: bool) {
        self.out.push_str("<w:tr>");
        RowProps { cant_split: true, header }.write(&mut self.out);
        for (i, width) in widths.iter().enumerate() {
            let line = cells.get(i).map_or(&[][..], Vec::as_slice);
            self.out.push_str("<w:tc>");
            CellProps { width: *width, fill: header.then_some(HEADER_FILL) }.write(&mut self.out);
            let run = RunProps { bold: header, ..RunProps::default() };
            self.paragraph(&ParaProps::styled(styles::TABLE_TEXT), line, run);
            self.out.push_str("</w:tc>");
        }
        self.out.push_str("</w:tr>");
    }

    /// Writes the runs of `line`, each with `base`'s properties plus its own.
    fn inlines(&mut self, line: &[Inline], base: RunProps) {
        for inline in line {
            match inline {
                Inline::Text(text) => run(&mut self.out, base, text),
                Inline::Strong(text) => run(&mut self.out, RunProps { bold: true, ..base }, text),
                Inline::Emphasis(text) => run(&mut self.out, RunProps { italic: true, ..base }, text),
                Inline::Redaction { label, .. } => run(&mut self.out, RunProps { bold: true, ..base }, label),
                Inline::LineBreak => run(&mut self.out, base, "\n"),
                Inline::Link { text, url } => match uri_target(url) {
                    Some(target) => {
                        let rid = self.link(target);
                        let _ = write!(self.out, r#"<w:hyperlink r:id="{rid}">"#);
                        run(&mut self.out, RunProps { style: Some(styles::HYPERLINK), ..base }, text);
                        self.out.push_str("</w:hyperlink>");
                    }
                    None => run(&mut self.out, base, text),
                },
            }
        }
    }

    /// The relationship id of an external hyperlink to `target`, numbered
    /// by this letter; links to the same target share one relationship.
    fn link(&mut self, target: String) -> String {
        let index = self.links.iter().position(|t| *t == target).unwrap_or_else(|| {
            self.links.push(target);
            self.links.len() - 1
        });
        link_rid(index)
    }
}

/// Writes `text` as one run: newlines become line breaks and tabs become
/// tabs (a `w:t` cannot hold either), and characters XML 1.0 forbids are
/// dropped because Word refuses a file that contains them.
pub(super) fn run(out: &mut String, props: RunProps, text: &str) {
    out.push_str("<w:r>");
    props.write(out);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if has_xml_chars(piece) {
                out.push_str(r#"<w:t xml:space="preserve">"#);
                push_escaped(out, piece);
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

/// `word/footer1.xml`: the house footer line, if any, and "Page X of Y"
/// with live PAGE and NUMPAGES fields, so the numbers are right after a
/// clerk edits the letter.
fn footer(line: Option<&str>) -> String {
    let mut out = String::with_capacity(1024);
    let _ = write!(out, r#"{XML_DECLARATION}<w:ftr xmlns:w="{W_NS}">"#);
    if let Some(line) = line {
        house::footer_line(&mut out, line);
    }
    out.push_str("<w:p>");
    ParaProps::styled(styles::FOOTER).write(&mut out);
    run(&mut out, RunProps::default(), "Page ");
    field(&mut out, "PAGE");
    run(&mut out, RunProps::default(), " of ");
    field(&mut out, "NUMPAGES");
    out.push_str("</w:p></w:ftr>");
    out
}

/// A field whose result Word and LibreOffice compute when they lay the
/// page out; "1" is shown by readers that do not.
pub(super) fn field(out: &mut String, instruction: &str) {
    let _ = write!(
        out,
        concat!(
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {} </w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
        ),
        instruction
    );
}

/// The indentation of a paragraph `depth` quotations deep; none at depth 0
/// so ordinary paragraphs keep their style's indentation.
fn quote_indent(depth: i32) -> Option<Indent> {
    (depth > 0).then(|| {
        let side = quote_side(depth);
        Indent { left: side, right: side, hanging: None }
    })
}

/// Left and right indentation of material `depth` quotations deep. Past
/// three levels the indentation stops growing, so text never runs out of
/// room (and the sum cannot overflow).
fn quote_side(depth: i32) -> i32 {
    depth.clamp(0, 3) * styles::QUOTE_INDENT
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
}
