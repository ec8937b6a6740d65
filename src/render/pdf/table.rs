//! Tables: column widths from content, rows as ruled chunks.

use super::flow::{Chunk, Flow, Frame};
use super::fonts::{Face, Fonts};
use super::layout::{Item, TextLine};
use super::style::{BODY_BOTTOM, BODY_SIZE, BODY_TOP, CELL_PAD_X, CELL_PAD_Y};
use super::wrap::{TextStyle, Wrapped, measure, wrap};
use crate::doc::Line;

/// Column geometry of one table.
pub struct Columns {
    /// Left edge of each column; one more entry than columns, the last being
    /// the table's right edge.
    edges: Vec<f32>,
}

impl Columns {
    /// Sizes the columns: each gets its max-content width (its longest
    /// unwrapped cell); if the total is wider than the frame, the room above
    /// each column's min-content width (its longest word) is shrunk in
    /// proportion, and only if even the words do not fit are the min-content
    /// widths themselves scaled down. `None` for a table with no cells.
    pub fn new(header: Option<&[Line]>, rows: &[Vec<Line>], frame: Frame, fonts: &Fonts) -> Option<Columns> {
        let (min, max) = content_widths(header, rows, fonts)?;
        let widths = fit(&min, &max, frame.width);
        let right_edges = widths.iter().scan(frame.x, |x, w| {
            *x += w;
            Some(*x)
        });
        Some(Columns { edges: std::iter::once(frame.x).chain(right_edges).collect() })
    }

    /// Lays out one row in `face`, tagged as the `header` row or a body row. Normally one chunk; a row taller than a
    /// page is cut into bands of lines, each a ruled chunk of its own, so it
    /// still never runs off the page.
    pub fn row(&self, cells: &[Line], face: Face, header: bool, flow: &mut Flow<'_>) -> Vec<Chunk> {
        let style = TextStyle { size: BODY_SIZE, base: face };
        let mut texts: Vec<Vec<Wrapped>> = self
            .edges
            .windows(2)
            .enumerate()
            .map(|(i, e)| match cells.get(i) {
                Some(cell) => wrap(cell, style, (e[1] - e[0] - 2.0 * CELL_PAD_X).max(0.0), flow.fonts),
                None => Vec::new(),
            })
            .collect();
        for (lines, tag) in texts.iter_mut().zip(flow.table_row(self.edges.len() - 1, header)) {
            flow.tag_lines(lines, tag);
        }
        let lh = Flow::line_height(BODY_SIZE);
        let lines = texts.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let per_band = (((BODY_BOTTOM - BODY_TOP - 2.0 * CELL_PAD_Y) / lh) as usize).max(1);
        let bands = lines.div_ceil(per_band);
        (0..bands)
            .map(|b| {
                let range = b * per_band..((b + 1) * per_band).min(lines);
                let mut chunk = self.band(&texts, range, face == Face::Bold, flow);
                chunk.keep_with_next = b + 1 < bands;
                chunk
            })
            .collect()
    }

    /// One ruled band showing lines `range` of every cell.
    fn band(&self, texts: &[Vec<Wrapped>], range: std::ops::Range<usize>, shaded: bool, flow: &Flow<'_>) -> Chunk {
        let lh = Flow::line_height(BODY_SIZE);
        let height = range.len() as f32 * lh + 2.0 * CELL_PAD_Y;
        let (left, right) = (self.edges[0], self.edges[self.edges.len() - 1]);
        let mut items = Vec::new();
        if shaded {
            items.push(Item::Fill { x: left, y: 0.0, width: right - left, height });
        }
        for (column, lines) in texts.iter().enumerate() {
            for (k, line) in lines.iter().skip(range.start).take(range.len()).enumerate() {
                items.push(Item::Text(TextLine {
                    x: self.edges[column] + CELL_PAD_X,
                    baseline: CELL_PAD_Y + k as f32 * lh + flow.baseline(BODY_SIZE),
                    size: BODY_SIZE,
                    runs: line.runs.clone(),
                }));
            }
        }
        for y in [0.0, height] {
            items.push(Item::Rule { x1: left, y1: y, x2: right, y2: y });
        }
        for &x in &self.edges {
            items.push(Item::Rule { x1: x, y1: 0.0, x2: x, y2: height });
        }
        Chunk::new(height, 0.0, items)
    }
}

/// Per column, the min-content and max-content widths of its cells plus
/// padding; `None` if no row has a cell.
fn content_widths(header: Option<&[Line]>, rows: &[Vec<Line>], fonts: &Fonts) -> Option<(Vec<f32>, Vec<f32>)> {
    let count = rows.iter().map(Vec::len).chain(header.map(<[Line]>::len)).max().filter(|&n| n > 0)?;
    let mut min = vec![2.0 * CELL_PAD_X; count];
    let mut max = min.clone();
    let body = rows.iter().map(|r| (r.as_slice(), Face::Regular));
    for (cells, face) in header.map(|h| (h, Face::Bold)).into_iter().chain(body) {
        for (i, cell) in cells.iter().enumerate() {
            let (lo, hi) = measure(cell, TextStyle { size: BODY_SIZE, base: face }, fonts);
            min[i] = min[i].max(lo + 2.0 * CELL_PAD_X);
            max[i] = max[i].max(hi + 2.0 * CELL_PAD_X);
        }
    }
    Some((min, max))
}

/// Column widths between `min` and `max` (per column) that fit `available`
/// where possible.
fn fit(min: &[f32], max: &[f32], available: f32) -> Vec<f32> {
    let sum_min: f32 = min.iter().sum();
    let sum_max: f32 = max.iter().sum();
    if sum_max <= available {
        max.to_vec()
    } else if sum_min >= available {
        min.iter().map(|w| w * available / sum_min).collect()
    } else {
        let share = (available - sum_min) / (sum_max - sum_min);
        min.iter().zip(max).map(|(lo, hi)| lo + (hi - lo) * share).collect()
    }
}
