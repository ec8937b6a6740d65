//! Blocks → a flow of unbreakable chunks with keep-together rules.
//!
//! A chunk is what pagination may not split: one line of a paragraph, one
//! table row, one line of an address block. Whether a page may break
//! *between* two chunks is recorded on the first of them
//! ([`Chunk::keep_with_next`]); that is how headings stay with their text,
//! address blocks stay whole and paragraphs avoid single orphan or widow
//! lines.

use super::fonts::{Face, Fonts};
use super::layout::{Ink, Item, Run, TextLine};
use super::structure::{Role, Structure, Tag};
use super::style::{
    BLOCK_GAP, BODY_SIZE, HEADING_GAP_AFTER, HEADINGS, ITEM_GAP, LEADING, LETTERHEAD_GAP, LETTERHEAD_SIZE, LIST_INDENT,
    LOGO_GAP, MARKER_GAP, MIN_FRAME_WIDTH, MM, QUOTE_INDENT, SIDE_MARGIN, TEXT_WIDTH,
};
use super::table::Columns;
use super::wrap::{TextStyle, Wrapped, end_with_space, text_width, wrap};
use crate::doc::{Align, Block, Document, Inline, Line, ListKind, Logo};

/// A piece of the flow that is never split across pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Chunk {
    /// Height of the content.
    pub height: f32,
    /// Space above, dropped when the chunk starts a page.
    pub space_before: f32,
    /// Content, with y measured from the chunk's top.
    pub items: Vec<Item>,
    /// A page break between this chunk and the next is not allowed.
    pub keep_with_next: bool,
    /// The chunk must start a new page (annexes).
    pub page_break_before: bool,
    /// For table rows: the index of the header chunk, repeated above the
    /// row when the row starts a page so a continued table stays readable.
    pub repeat: Option<usize>,
}

impl Chunk {
    /// A chunk that may be followed by a page break.
    pub fn new(height: f32, space_before: f32, items: Vec<Item>) -> Chunk {
        Chunk { height, space_before, items, keep_with_next: false, page_break_before: false, repeat: None }
    }
}

/// Lays out the whole document as one flow: letterhead, body, annexes;
/// and its structure tree, whose nodes the flow's text is tagged with.
pub fn flow(doc: &Document, fonts: &Fonts) -> (Vec<Chunk>, Structure) {
    let mut flow = Flow::new(fonts);
    let full = Frame { x: SIDE_MARGIN, width: TEXT_WIDTH };
    flow.letterhead(&doc.letterhead, doc.house.logo.as_ref(), full);
    flow.blocks(&doc.body, full);
    for annex in &doc.annexes {
        flow.start_page();
        flow.within(Role::Sect, |flow| {
            if let Some(label) = &annex.label {
                flow.heading(1, &[Inline::Text(label.clone())], full);
            }
            flow.blocks(&annex.blocks, full);
        });
    }
    (flow.chunks, flow.structure)
}

/// The horizontal band text is set in.
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    /// Left edge.
    pub x: f32,
    /// Width.
    pub width: f32,
}

impl Frame {
    /// The frame indented on both sides, unless that would leave too little.
    fn inset(self, by: f32) -> Frame {
        if self.width - 2.0 * by < MIN_FRAME_WIDTH {
            self
        } else {
            Frame { x: self.x + by, width: self.width - 2.0 * by }
        }
    }
}

/// Flow-building state.
pub struct Flow<'f> {
    /// The fonts text is measured with.
    pub fonts: &'f Fonts,
    chunks: Vec<Chunk>,
    /// Replaces the space above the next chunk (after headings and the
    /// letterhead, whose following gap differs from the block gap).
    gap_override: Option<f32>,
    /// How many more lines must stay on the page of the last heading.
    keep_lines: usize,
    /// The next chunk starts a new page.
    break_next: bool,
    /// Where the baseline sits in a line box, as a fraction of the size,
    /// once the half-leading is added.
    ascent: f32,
    descent: f32,
    /// The structure tree built so far.
    structure: Structure,
    /// The node new blocks go under.
    parent: usize,
    /// The table being laid out has no header row: its first column heads
    /// the rows.
    row_headers: bool,
}

impl<'f> Flow<'f> {
    fn new(fonts: &'f Fonts) -> Flow<'f> {
        let (ascent, descent) = fonts.face(Face::Regular).vertical_extent();
        Flow {
            fonts,
            chunks: Vec::new(),
            gap_override: None,
            keep_lines: 0,
            break_next: false,
            ascent,
            descent,
            structure: Structure::default(),
            parent: Structure::ROOT,
            row_headers: false,
        }
    }

    /// Opens a structure node under the current parent.
    fn node(&mut self, role: Role) -> usize {
        self.structure.add(role, self.parent)
    }

    /// Runs `f` with a new node of `role` as the parent of the blocks it
    /// lays out.
    fn within(&mut self, role: Role, f: impl FnOnce(&mut Self)) {
        let outer = self.parent;
        self.parent = self.node(role);
        f(self);
        self.parent = outer;
    }

    /// Tags the runs of `lines` as content of `tag`; a link run becomes a
    /// link element of its own under it.
    pub fn tag_lines(&mut self, lines: &mut [Wrapped], tag: Tag) {
        for run in lines.iter_mut().flat_map(|line| &mut line.runs) {
            run.tag = match tag {
                Tag::Node(node) if run.link.is_some() => Tag::Node(self.structure.add(Role::Link, node)),
                _ => tag,
            };
        }
    }

    /// Makes the next chunk start a new page, forgetting spacing and
    /// keep-with-heading state that belonged to the previous page.
    fn start_page(&mut self) {
        self.break_next = true;
        self.gap_override = None;
        self.keep_lines = 0;
    }

    /// Appends a chunk holding `lines` text lines, applying pending gap,
    /// page-break and keep-with-heading state.
    fn push(&mut self, mut chunk: Chunk, lines: usize) {
        if let Some(gap) = self.gap_override.take() {
            chunk.space_before = gap;
        }
        chunk.page_break_before |= std::mem::take(&mut self.break_next);
        if self.keep_lines > 0 {
            self.keep_lines = self.keep_lines.saturating_sub(lines);
            chunk.keep_with_next |= self.keep_lines > 0;
        }
        self.chunks.push(chunk);
    }

    /// Height of a line box of `size`.
    pub fn line_height(size: f32) -> f32 {
        size * LEADING
    }

    /// Baseline offset from the top of a line box of `size`.
    pub fn baseline(&self, size: f32) -> f32 {
        (Self::line_height(size) - (self.ascent + self.descent) * size) / 2.0 + self.ascent * size
    }

    /// A one-line chunk.
    fn line_chunk(&self, wrapped: Wrapped, x: f32, size: f32, space_before: f32) -> Chunk {
        let line = TextLine { x, baseline: self.baseline(size), size, runs: wrapped.runs };
        Chunk::new(Self::line_height(size), space_before, vec![Item::Text(line)])
    }

    /// The letterhead: the logo at the top left, if there is one, and the
    /// sender's lines set right beside it; the body starts below whichever
    /// is taller.
    fn letterhead(&mut self, lines: &[Line], logo: Option<&Logo>, mut frame: Frame) {
        if lines.is_empty() && logo.is_none() {
            return;
        }
        let start = self.chunks.len();
        let mut logo_height = 0.0;
        if let Some(logo) = logo {
            let (width, height) = logo_size(logo, frame.width / 2.0);
            let node = self.node(Role::Figure);
            self.structure.alt.push((node, logo.alt.clone()));
            let image = Item::Image { x: frame.x, y: 0.0, width, height, node };
            let mut chunk = Chunk::new(0.0, 0.0, vec![image]);
            chunk.keep_with_next = true;
            self.push(chunk, 0);
            logo_height = height;
            let beside = width + LOGO_GAP;
            frame = Frame { x: frame.x + beside, width: frame.width - beside };
        }
        let style = TextStyle { size: LETTERHEAD_SIZE, base: Face::Regular };
        self.fixed_lines(lines, style, Align::Right, frame, 0.0, Tag::Artifact);
        let text_height: f32 = self.chunks[start..].iter().map(|c| c.space_before + c.height).sum();
        if logo_height > text_height {
            if let Some(last) = self.chunks.last_mut() {
                last.keep_with_next = true;
            }
            self.push(Chunk::new(logo_height - text_height, 0.0, Vec::new()), 0);
        }
        self.gap_override = Some(LETTERHEAD_GAP);
    }

    fn blocks(&mut self, blocks: &[Block], frame: Frame) {
        for block in blocks {
            self.block(block, frame);
        }
    }

    fn block(&mut self, block: &Block, frame: Frame) {
        let body = TextStyle { size: BODY_SIZE, base: Face::Regular };
        match block {
            Block::Heading { level, content } => self.heading(*level, content, frame),
            Block::Paragraph(content) => self.paragraph(content, body, frame, BLOCK_GAP),
            Block::Lines { lines, align } => {
                let tag = Tag::Node(self.node(Role::P));
                self.fixed_lines(lines, body, *align, frame, BLOCK_GAP, tag);
            }
            Block::Quote(blocks) => {
                self.within(Role::BlockQuote, |flow| flow.blocks(blocks, frame.inset(QUOTE_INDENT)))
            }
            Block::List { kind, items } => self.list(*kind, items, frame),
            Block::Table { header, rows } => self.table(header.as_deref(), rows, frame),
            Block::Section { blocks, .. } => self.blocks(blocks, frame),
        }
    }

    /// A heading: bold, kept with the first two lines that follow it.
    fn heading(&mut self, level: u8, content: &[Inline], frame: Frame) {
        let index = usize::from(level.clamp(1, 3) - 1);
        let (size, space) = HEADINGS[index];
        // A heading right under another (an annex label, then its title)
        // sits closer than after text, but not as close as text would.
        let space = self.gap_override.take().map_or(space, |gap| gap.max(space / 2.0));
        let style = TextStyle { size, base: Face::Bold };
        let mut lines = wrap(content, style, frame.width, self.fonts);
        if lines.is_empty() {
            return;
        }
        let tag = Tag::Node(self.node(Role::Heading(level)));
        self.tag_lines(&mut lines, tag);
        for (i, line) in lines.into_iter().enumerate() {
            let mut chunk = self.line_chunk(line, frame.x, size, if i == 0 { space } else { 0.0 });
            chunk.keep_with_next = true;
            self.push(chunk, 1);
        }
        self.gap_override = Some(HEADING_GAP_AFTER);
        self.keep_lines = 2;
    }

    /// Running text: one chunk per line, the first two and the last two
    /// lines glued so no single line is stranded at a page edge.
    fn paragraph(&mut self, content: &[Inline], style: TextStyle, frame: Frame, space: f32) {
        let mut lines = wrap(content, style, frame.width, self.fonts);
        if lines.is_empty() {
            return;
        }
        let tag = Tag::Node(self.node(Role::P));
        self.tag_lines(&mut lines, tag);
        self.glued_lines(lines, frame.x, style.size, space, None);
    }

    /// Pushes wrapped lines with widow/orphan glue. A list `marker` (its
    /// run and the indent of the item text) is printed at `x` on the first
    /// line and the text is shifted right by the indent.
    fn glued_lines(&mut self, lines: Vec<Wrapped>, x: f32, size: f32, space: f32, marker: Option<(Run, f32)>) {
        let count = lines.len();
        for (i, mut line) in lines.into_iter().enumerate() {
            if let Some((run, indent)) = &marker {
                line.runs.iter_mut().for_each(|r| r.dx += indent);
                if i == 0 {
                    line.runs.insert(0, run.clone());
                }
            }
            let mut chunk = self.line_chunk(line, x, size, if i == 0 { space } else { 0.0 });
            chunk.keep_with_next = count >= 2 && (i == 0 || i + 2 == count);
            self.push(chunk, 1);
        }
    }

    /// Lines printed as given (addresses, dates, signatures), wrapped only
    /// if a line is wider than the frame, and never split across pages.
    fn fixed_lines(&mut self, lines: &[Line], style: TextStyle, align: Align, frame: Frame, space: f32, tag: Tag) {
        let mut wrapped = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let mut parts = wrap(line, style, frame.width, self.fonts);
            match parts.last_mut() {
                Some(last) if i + 1 < lines.len() => end_with_space(last, self.fonts),
                Some(_) => {}
                None => parts.push(Wrapped { runs: Vec::new(), width: 0.0 }),
            }
            wrapped.extend(parts);
        }
        self.tag_lines(&mut wrapped, tag);
        let count = wrapped.len();
        for (i, line) in wrapped.into_iter().enumerate() {
            let x = match align {
                Align::Left => frame.x,
                Align::Right => frame.x + frame.width - line.width,
            };
            let mut chunk = self.line_chunk(line, x, style.size, if i == 0 { space } else { 0.0 });
            chunk.keep_with_next = i + 1 < count;
            self.push(chunk, 1);
        }
    }

    /// A list with hanging indent: markers in a column, item text aligned
    /// to the right of the widest marker.
    fn list(&mut self, kind: ListKind, items: &[Line], frame: Frame) {
        let style = TextStyle { size: BODY_SIZE, base: Face::Regular };
        let markers: Vec<String> = (0..items.len()).map(|i| marker(kind, i)).collect();
        let widest = markers.iter().map(|m| text_width(m, Face::Regular, style.size, self.fonts)).fold(0.0, f32::max);
        let indent = LIST_INDENT.max(widest + MARKER_GAP).min(frame.width / 2.0);
        let numbered = matches!(kind, ListKind::Numbered { .. });
        self.within(Role::List { numbered }, |flow| {
            for (i, (item, label)) in items.iter().zip(markers).enumerate() {
                let item_node = flow.node(Role::LI);
                let marker_node = flow.structure.add(Role::Lbl, item_node);
                let body_node = flow.structure.add(Role::LBody, item_node);
                let mut lines = wrap(item, style, frame.width - indent, flow.fonts);
                if lines.is_empty() {
                    lines.push(Wrapped { runs: Vec::new(), width: 0.0 });
                }
                flow.tag_lines(&mut lines, Tag::Node(body_node));
                let width = text_width(&label, Face::Regular, style.size, flow.fonts);
                let run = Run {
                    face: Face::Regular,
                    text: label,
                    dx: 0.0,
                    width,
                    ink: Ink::Text,
                    link: None,
                    shaped: None,
                    tag: Tag::Node(marker_node),
                    lang: None,
                };
                let space = if i == 0 { BLOCK_GAP } else { ITEM_GAP };
                flow.glued_lines(lines, frame.x, style.size, space, Some((run, indent)));
            }
        });
    }

    /// A ruled table, one chunk per row; the header row is kept with the
    /// first body row and repeated above rows that continue on a new page.
    fn table(&mut self, header: Option<&[Line]>, rows: &[Vec<Line>], frame: Frame) {
        let Some(columns) = Columns::new(header, rows, frame, self.fonts) else {
            return;
        };
        let outer = self.parent;
        self.parent = self.node(Role::Table);
        let mut space = BLOCK_GAP;
        let mut repeat = None;
        self.row_headers = header.is_none();
        if let Some(cells) = header {
            let bands = columns.row(cells, Face::Bold, true, self);
            if bands.len() == 1 {
                repeat = Some(self.chunks.len());
            }
            for mut band in bands {
                band.space_before = std::mem::take(&mut space);
                band.keep_with_next = true;
                self.push(band, 1);
            }
        }
        for row in rows {
            for mut band in columns.row(row, Face::Regular, false, self) {
                band.space_before = std::mem::take(&mut space);
                band.repeat = repeat;
                self.push(band, 1);
            }
        }
        self.parent = outer;
    }

    /// Opens a table row of `cells` cells and returns their tags: header
    /// cells for the `header` row; otherwise data cells, except that in a
    /// table without a header row the first cell heads its row, so every
    /// table tells a screen reader what its cells mean.
    pub fn table_row(&mut self, cells: usize, header: bool) -> Vec<Tag> {
        let row = self.node(Role::TR);
        (0..cells)
            .map(|i| {
                let role = match (header, i == 0 && self.row_headers) {
                    (true, _) => Role::TH { row: false },
                    (false, true) => Role::TH { row: true },
                    (false, false) => Role::TD,
                };
                Tag::Node(self.structure.add(role, row))
            })
            .collect()
    }
}

/// The printed size of `logo`: its height, unless that would make it wider
/// than `max_width`, keeping the image's proportions.
fn logo_size(logo: &Logo, max_width: f32) -> (f32, f32) {
    let aspect = logo.image.width as f32 / logo.image.height as f32;
    let height = f32::from(logo.height_mm) * MM;
    let width = (height * aspect).min(max_width);
    (width, width / aspect)
}

/// The printed marker of list item `index`.
fn marker(kind: ListKind, index: usize) -> String {
    match kind {
        ListKind::Bullet => "\u{2022}".to_owned(),
        ListKind::Numbered { start } => format!("{}.", u64::from(start) + index as u64),
    }
}
