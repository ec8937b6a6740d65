//! Line breaking: inline runs → lines that fit a width.
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`), widths from
//! the fonts' advance tables in thousandths of an em, and lines are filled
//! greedily. Widths are summed as integers, and the integers are the ones
//! printpdf writes into `/W`, so what is measured here is exactly what a
//! viewer draws: a line that fits here fits on paper.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::fonts::{Face, Fonts};
use super::layout::{Ink, Run};
use crate::doc::Inline;

/// Slack in thousandths of an em (about a millionth of a point at body size).
const TOLERANCE: f32 = 0.001;

/// The base style of a piece of text: inline runs vary the face from here.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f32,
    /// Face of plain runs; [`Face::Bold`] for headings and table headers,
    /// where emphasis stays bold too, because there is no bold italic.
    pub base: Face,
}

/// One wrapped line: runs positioned relative to the line start.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrapped {
    /// The runs, left to right, trailing spaces removed.
    pub runs: Vec<Run>,
    /// The printed width in points.
    pub width: f32,
}

/// Wraps `inlines` into lines no wider than `max_width` points. Hard breaks
/// (`Inline::LineBreak`, newlines in text) always end a line; a word wider
/// than the line is broken between characters. Empty input gives no lines.
pub fn wrap(inlines: &[Inline], style: TextStyle, max_width: f32, fonts: &Fonts) -> Vec<Wrapped> {
    let text = Shaped::new(inlines, style.base, fonts);
    // The tolerance absorbs float noise in widths computed as sums and
    // differences (a column of max-content width minus its padding), far
    // below anything visible.
    let max_units = max_width * 1000.0 / style.size + TOLERANCE;
    text.break_lines(max_units).into_iter().map(|(start, end)| text.line(start, end, style.size)).collect()
}

/// The narrowest and widest sensible widths of `inlines` in points: the
/// widest unbreakable piece, and the widest line when only hard breaks are
/// taken. Tables size their columns from these.
pub fn measure(inlines: &[Inline], style: TextStyle, fonts: &Fonts) -> (f32, f32) {
    let text = Shaped::new(inlines, style.base, fonts);
    let mut min = 0;
    let mut max = 0;
    let mut line_start = 0;
    for seg in text.segments() {
        min = min.max(text.cum[seg.trimmed] - text.cum[seg.start]);
        max = max.max(text.cum[seg.trimmed] - text.cum[line_start]);
        if seg.mandatory {
            line_start = seg.end;
        }
    }
    let to_pt = |units: u32| units as f32 * style.size / 1000.0;
    (to_pt(min), to_pt(max))
}

/// The width of `s` in `face` at `size` points, for single-run text such as
/// list markers and footers (characters without a glyph measure as `?`).
pub fn text_width(s: &str, face: Face, size: f32, fonts: &Fonts) -> f32 {
    let data = fonts.face(face);
    let units: u32 = s.chars().filter_map(|c| printable(c, |c| data.advance(c))).map(|(_, w)| u32::from(w)).sum();
    units as f32 * size / 1000.0
}

/// Maps an input character to what is printed and its advance: a tab
/// becomes a space, control and invisible format characters (soft hyphen,
/// zero-width space, BOM…) vanish, a space without a glyph becomes a plain
/// space, anything else without a glyph prints as `?`. A newline is kept
/// (width 0) because it marks a hard break.
fn printable(c: char, advance: impl Fn(char) -> Option<u16>) -> Option<(char, u16)> {
    let c = if c == '\t' { ' ' } else { c };
    if c == '\n' {
        return Some(('\n', 0));
    }
    if c.is_control() || is_invisible(c) {
        return None;
    }
    if let Some(w) = advance(c) {
        return Some((c, w));
    }
    let fallback = if c.is_whitespace() { ' ' } else { '?' };
    advance(fallback).map(|w| (fallback, w))
}

/// Zero-width format characters that should not show up as `?`.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// The character a redaction is measured as, one per withheld character
/// (a letter, so a redaction never breaks across lines).
const REDACTION_CELL: char = 'n';

/// One run's style: its face, for links the target, and whether it is a
/// redaction (drawn as a box, its text never written).
struct Span<'a> {
    face: Face,
    link: Option<&'a str>,
    redacted: bool,
}

/// A printed character: where it sits in the text and the span it belongs
/// to (its advance is in [`Shaped::cum`]).
struct Glyph {
    byte: usize,
    span: usize,
}

/// The text between two break opportunities, as glyph indices.
struct Segment {
    start: usize,
    /// End without trailing white space: what is printed at a line end.
    trimmed: usize,
    end: usize,
    /// A hard break follows.
    mandatory: bool,
}

/// A paragraph's text flattened into one string with per-glyph advances.
struct Shaped<'a> {
    text: String,
    glyphs: Vec<Glyph>,
    spans: Vec<Span<'a>>,
    /// `cum[i]` = total advance of glyphs `0..i`.
    cum: Vec<u32>,
}

impl<'a> Shaped<'a> {
    fn new(inlines: &'a [Inline], base: Face, fonts: &Fonts) -> Shaped<'a> {
        let mut shaped = Shaped { text: String::new(), glyphs: Vec::new(), spans: Vec::new(), cum: vec![0] };
        for inline in inlines {
            let span = span_of(inline, base);
            let data = fonts.face(span.face);
            if let Inline::Redaction { chars, .. } = inline {
                shaped.redaction(*chars, data.advance(REDACTION_CELL).unwrap_or(500));
                shaped.spans.push(span);
                continue;
            }
            for c in inline.text().chars() {
                if let Some((c, w)) = printable(c, |c| data.advance(c)) {
                    shaped.push(c, w);
                }
            }
            shaped.spans.push(span);
        }
        shaped
    }

    /// A redaction: `chars` cells, each as wide as [`REDACTION_CELL`], that
    /// never break. Every character gets the same width, so the box shows
    /// how long the withheld text was but not the shapes of its letters.
    fn redaction(&mut self, chars: usize, advance: u16) {
        for _ in 0..chars {
            self.push(REDACTION_CELL, advance);
        }
    }

    fn push(&mut self, c: char, advance: u16) {
        let total = self.cum.last().copied().unwrap_or(0);
        self.glyphs.push(Glyph { byte: self.text.len(), span: self.spans.len() });
        self.cum.push(total + u32::from(advance));
        self.text.push(c);
    }

    /// The text cut at every UAX #14 break opportunity.
    fn segments(&self) -> Vec<Segment> {
        let mut segments = Vec::new();
        let mut start = 0;
        let mut glyph = 0;
        for (byte, opportunity) in linebreaks(&self.text) {
            while glyph < self.glyphs.len() && self.glyphs[glyph].byte < byte {
                glyph += 1;
            }
            if glyph == start && opportunity == BreakOpportunity::Allowed {
                continue;
            }
            let mut trimmed = glyph;
            while trimmed > start && self.char_at(trimmed - 1).is_whitespace() {
                trimmed -= 1;
            }
            let mandatory = opportunity == BreakOpportunity::Mandatory && glyph < self.glyphs.len();
            segments.push(Segment { start, trimmed, end: glyph, mandatory });
            start = glyph;
        }
        segments
    }

    fn char_at(&self, glyph: usize) -> char {
        self.text[self.glyphs[glyph].byte..].chars().next().unwrap_or(' ')
    }

    fn width(&self, start: usize, end: usize) -> f32 {
        (self.cum[end] - self.cum[start]) as f32
    }

    /// Greedy line filling; returns glyph ranges `(start, end)` of lines.
    fn break_lines(&self, max_units: f32) -> Vec<(usize, usize)> {
        let mut lines = Vec::new();
        let (mut start, mut end) = (0, 0);
        for seg in self.segments() {
            if end > start && self.width(start, seg.trimmed) > max_units {
                lines.push((start, end));
                start = seg.start;
            }
            start = self.split_long(start, seg.trimmed, max_units, &mut lines);
            end = seg.trimmed;
            if seg.mandatory {
                lines.push((start, end));
                (start, end) = (seg.end, seg.end);
            }
        }
        if end > start {
            lines.push((start, end));
        }
        lines
    }

    /// Breaks `start..end` between characters while it is too wide, pushing
    /// full lines; returns where the unfinished last line starts. Always
    /// takes at least one character per line, so it terminates even if a
    /// single glyph is wider than the line.
    fn split_long(&self, mut start: usize, end: usize, max_units: f32, lines: &mut Vec<(usize, usize)>) -> usize {
        while start < end && self.width(start, end) > max_units {
            let mut cut = start + 1;
            while cut < end && self.width(start, cut + 1) <= max_units {
                cut += 1;
            }
            lines.push((start, cut));
            start = cut;
        }
        start
    }

    /// The runs of glyphs `start..end`, one per span.
    fn line(&self, start: usize, end: usize, size: f32) -> Wrapped {
        let to_pt = |units: u32| units as f32 * size / 1000.0;
        let mut runs: Vec<Run> = Vec::new();
        let mut i = start;
        while i < end {
            let span = self.glyphs[i].span;
            let mut j = i + 1;
            while j < end && self.glyphs[j].span == span {
                j += 1;
            }
            let stop = self.glyphs.get(j).map_or(self.text.len(), |g| g.byte);
            runs.push(self.run(
                span,
                &self.text[self.glyphs[i].byte..stop],
                to_pt(self.cum[i] - self.cum[start]),
                to_pt(self.cum[j] - self.cum[i]),
            ));
            i = j;
        }
        Wrapped { runs, width: to_pt(self.cum[end] - self.cum[start]) }
    }

    fn run(&self, span: usize, text: &str, dx: f32, width: f32) -> Run {
        let style = &self.spans[span];
        Run {
            face: style.face,
            text: if style.redacted { String::new() } else { text.to_owned() },
            dx,
            width,
            ink: match (style.redacted, style.link) {
                (true, _) => Ink::Redaction,
                (false, Some(_)) => Ink::Link,
                (false, None) => Ink::Text,
            },
            link: style.link.map(str::to_owned),
        }
    }
}

fn span_of(inline: &Inline, base: Face) -> Span<'_> {
    let face = match inline {
        Inline::Strong(_) => Face::Bold,
        Inline::Emphasis(_) if base == Face::Regular => Face::Italic,
        _ => base,
    };
    let link = match inline {
        Inline::Link { url, .. } => Some(url.as_str()),
        _ => None,
    };
    Span { face, link, redacted: matches!(inline, Inline::Redaction { .. }) }
}
