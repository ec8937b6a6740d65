//! Line breaking: inline runs → lines that fit a width.
//!
//! Break opportunities come from UAX #14 ([`linebreak`](super::linebreak)), widths from
//! the fonts' advance tables in thousandths of an em, and lines are filled
//! greedily. Widths are summed as integers, and the integers are the ones
//! printpdf writes into `/W`, so what is measured here is exactly what a
//! viewer draws: a line that fits here fits on paper.

use unicode_linebreak::BreakOpportunity;

use unicode_bidi::{BidiInfo, Level};

use super::fonts::{Face, Fonts};
use super::layout::{Ink, Run};
use super::linebreak::opportunities;
use super::shape::{ShapedGlyph, shape};
use super::structure::Tag;
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
    super::memo::wrapped(inlines, style, max_width, fonts, || wrap_uncached(inlines, style, max_width, fonts))
}

/// [`wrap`], worked out afresh.
pub(super) fn wrap_uncached(inlines: &[Inline], style: TextStyle, max_width: f32, fonts: &Fonts) -> Vec<Wrapped> {
    let text = Shaped::new(inlines, style.base, fonts);
    // The tolerance absorbs float noise in widths computed as sums and
    // differences (a column of max-content width minus its padding), far
    // below anything visible.
    let max_units = max_width * 1000.0 / style.size + TOLERANCE;
    let breaks = text.break_lines(max_units);
    let mut lines: Vec<Wrapped> = breaks.iter().map(|&(start, end)| text.line(start, end, style.size)).collect();
    for (line, (&(_, end), &(next, _))) in lines.iter_mut().zip(breaks.iter().zip(breaks.iter().skip(1))) {
        if (end..next).any(|glyph| text.is_space(glyph)) {
            end_with_space(line, fonts);
        }
    }
    lines
}

/// Ends `line` with the space its line break took, drawn (invisibly) past
/// its printed width, so that text extracted from the PDF, and what a
/// screen reader reads from the tags, does not join the last word of one
/// line to the first of the next. An empty line needs none.
pub fn end_with_space(line: &mut Wrapped, fonts: &Fonts) {
    let Some(last) = line.runs.last_mut() else { return };
    let plain = last.ink == Ink::Text && last.shaped.is_none() && fonts.face(last.face).glyph(' ').is_some();
    if plain {
        last.text.push(' ');
        return;
    }
    let face = if fonts.face(last.face).glyph(' ').is_some() { last.face } else { Face::Regular };
    let (dx, tag) = (last.dx + last.width, last.tag);
    line.runs.push(Run {
        face,
        text: " ".to_owned(),
        dx,
        width: 0.0,
        ink: Ink::Text,
        link: None,
        shaped: None,
        tag,
        lang: None,
    });
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
/// list markers and footers, which are never right to left.
pub fn text_width(s: &str, face: Face, size: f32, fonts: &Fonts) -> f32 {
    let units: u32 = s
        .chars()
        .map(|c| match printable(c, face, fonts) {
            Printable::Char(_, _, advance) => u32::from(advance),
            Printable::Skip | Printable::Missing => 0,
        })
        .sum();
    units as f32 * size / 1000.0
}

/// What an input character prints as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printable {
    /// Nothing: a control or invisible format character.
    Skip,
    /// This character in this face, and its advance there in thousandths
    /// of an em (0 if the face has no glyph for it: a space no face has).
    /// A newline is kept (it marks a hard break; it is never drawn).
    Char(char, Face, u16),
    /// No bundled face has a glyph for it.
    Missing,
}

/// Maps an input character in a run set in `face` to what is printed: a
/// tab becomes a space, control and invisible format characters (soft
/// hyphen, zero-width space, BOM…) vanish, a space without a glyph becomes
/// a plain space, a character the face lacks comes from a fallback face.
#[inline]
pub fn printable(c: char, face: Face, fonts: &Fonts) -> Printable {
    let c = if c == '\t' { ' ' } else { c };
    if c == '\n' {
        return Printable::Char('\n', face, fonts.face(face).advance('\n').unwrap_or(0));
    }
    if c.is_control() || is_invisible(c) {
        return Printable::Skip;
    }
    match fonts.glyph_for(c, face) {
        Some((face, glyph)) => Printable::Char(c, face, glyph.advance),
        None if c.is_whitespace() => Printable::Char(' ', face, 0),
        None => Printable::Missing,
    }
}

/// Zero-width format characters that should print as nothing.
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
    /// For a redaction, its label.
    redacted: Option<&'a str>,
}

/// A printed character: where it sits in the text, the span it belongs
/// to and the face that prints it (its advance is in [`Shaped::cum`]).
struct Glyph {
    byte: usize,
    span: usize,
    face: Face,
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

/// A paragraph's text flattened into one string with per-character
/// advances: a character's own advance, or for text that is shaped, the
/// advance of the glyphs of the cluster it starts (zero for the rest of the
/// cluster).
struct Shaped<'a> {
    text: String,
    glyphs: Vec<Glyph>,
    spans: Vec<Span<'a>>,
    /// `cum[i]` = total advance of glyphs `0..i`.
    cum: Vec<u32>,
    /// Whether any character may need the general path of
    /// [`Shaped::line`]: one at or above [`FIRST_COMPLEX`], or one in a
    /// face that is shaped. Without one, no line is looked at for it.
    complex: bool,
    fonts: &'a Fonts,
}

impl<'a> Shaped<'a> {
    fn new(inlines: &'a [Inline], base: Face, fonts: &'a Fonts) -> Shaped<'a> {
        Shaped::build(inlines, base, fonts, true)
    }

    /// [`Shaped::new`], taking plain ASCII in bulk (see
    /// [`Shaped::push_plain`]) if `bulk`, otherwise every character on the
    /// general path, which the tests hold the bulk path to.
    fn build(inlines: &'a [Inline], base: Face, fonts: &'a Fonts, bulk: bool) -> Shaped<'a> {
        // Room for every character, so the per-character pushes never
        // reallocate (a redaction's cells are left to grow: their count is
        // the case file's word, not text that is already in memory).
        let chars: usize = inlines
            .iter()
            .map(|inline| if let Inline::Redaction { .. } = inline { 0 } else { inline.text().len() })
            .sum();
        let mut cum = Vec::with_capacity(chars + 1);
        cum.push(0);
        let mut shaped = Shaped {
            text: String::with_capacity(chars),
            glyphs: Vec::with_capacity(chars),
            spans: Vec::with_capacity(inlines.len()),
            cum,
            complex: false,
            fonts,
        };
        for inline in inlines {
            let span = span_of(inline, base);
            if let Inline::Redaction { chars, .. } = inline {
                let advance = fonts.face(span.face).advance(REDACTION_CELL).unwrap_or(500);
                shaped.redaction(*chars, span.face, advance);
                shaped.spans.push(span);
                continue;
            }
            let mut piece: Option<(Face, usize)> = None;
            let mut previous = span.face;
            let mut rest = inline.text();
            while let Some(c) = rest.chars().next() {
                if bulk && !previous.is_fallback() {
                    let taken = shaped.push_plain(rest, span.face);
                    if taken > 0 {
                        shaped.shape_piece(piece.take());
                        previous = span.face;
                        rest = &rest[taken..];
                        continue;
                    }
                }
                rest = &rest[c.len_utf8()..];
                let Printable::Char(c, mut face, mut advance) = printable(c, span.face, fonts) else { continue };
                // Spaces and punctuation inside fallback text stay in its
                // face, so an Arabic name is shaped as one run.
                if previous.is_fallback()
                    && !c.is_alphanumeric()
                    && let Some(glyph) = fonts.face(previous).glyph(c)
                {
                    (face, advance) = (previous, glyph.advance);
                }
                previous = face;
                if piece.is_some_and(|(f, _)| f != face) {
                    shaped.shape_piece(piece.take());
                }
                if face.needs_shaping() {
                    piece.get_or_insert((face, shaped.glyphs.len()));
                    shaped.push(c, face, 0);
                } else {
                    shaped.push(c, face, advance);
                }
            }
            shaped.shape_piece(piece);
            shaped.spans.push(span);
        }
        shaped
    }

    /// A redaction: `chars` cells, each as wide as [`REDACTION_CELL`], that
    /// never break. Every character gets the same width, so the box shows
    /// how long the withheld text was but not the shapes of its letters.
    fn redaction(&mut self, chars: usize, face: Face, advance: u16) {
        for _ in 0..chars {
            self.push(REDACTION_CELL, face, advance);
        }
    }

    /// Takes the printable ASCII characters `text` starts with that `face`
    /// has glyphs for (nearly all text of a letter) in one go; returns how
    /// many bytes it took. For these, [`printable`] would answer `face` and
    /// the glyph's advance, and text in `face` needs no shaping, so they are
    /// pushed as the general path would push them, without its checks.
    fn push_plain(&mut self, text: &str, face: Face) -> usize {
        let data = self.fonts.face(face);
        let span = self.spans.len();
        let start = self.text.len();
        let mut total = self.cum.last().copied().unwrap_or(0);
        let mut taken = 0;
        for &b in text.as_bytes() {
            let Some(glyph) = (b' '..=b'~').contains(&b).then(|| data.glyph(char::from(b))).flatten() else { break };
            total += u32::from(glyph.advance);
            self.glyphs.push(Glyph { byte: start + taken, span, face });
            self.cum.push(total);
            taken += 1;
        }
        self.text.push_str(&text[..taken]);
        taken
    }

    fn push(&mut self, c: char, face: Face, advance: u16) {
        let total = self.cum.last().copied().unwrap_or(0);
        self.complex |= u32::from(c) >= u32::from(FIRST_COMPLEX) || face.needs_shaping();
        self.glyphs.push(Glyph { byte: self.text.len(), span: self.spans.len(), face });
        self.cum.push(total + u32::from(advance));
        self.text.push(c);
    }

    /// Measures the glyphs from `piece`'s start to the end by shaping them:
    /// each cluster's advance goes to the character that starts it.
    fn shape_piece(&mut self, piece: Option<(Face, usize)>) {
        let Some((face, first)) = piece else { return };
        let from = self.glyphs[first].byte;
        let mut advances = vec![0u32; self.text.len() - from];
        for glyph in shape(self.fonts.face(face), &self.text[from..], None) {
            if let Some(slot) = advances.get_mut(glyph.cluster.start) {
                *slot += u32::from(glyph.advance);
            }
        }
        let mut total = self.cum[first];
        for i in first..self.glyphs.len() {
            total += advances[self.glyphs[i].byte - from];
            self.cum[i + 1] = total;
        }
    }
    /// The text cut at every UAX #14 break opportunity, in order.
    fn segments(&self) -> impl Iterator<Item = Segment> + '_ {
        let mut start = 0;
        let mut glyph = 0;
        opportunities(&self.text).filter_map(move |(byte, opportunity)| {
            while glyph < self.glyphs.len() && self.glyphs[glyph].byte < byte {
                glyph += 1;
            }
            if glyph == start && opportunity == BreakOpportunity::Allowed {
                return None;
            }
            let mut trimmed = glyph;
            while trimmed > start && self.is_space(trimmed - 1) {
                trimmed -= 1;
            }
            let mandatory = opportunity == BreakOpportunity::Mandatory && glyph < self.glyphs.len();
            let segment = Segment { start, trimmed, end: glyph, mandatory };
            start = glyph;
            Some(segment)
        })
    }

    /// Whether glyph `glyph` is white space, read from its first byte
    /// where that is a whole (ASCII) character.
    #[inline]
    fn is_space(&self, glyph: usize) -> bool {
        match self.text.as_bytes().get(self.byte(glyph)) {
            Some(&b) if b.is_ascii() => char::from(b).is_whitespace(),
            _ => self.char_at(glyph).is_whitespace(),
        }
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

    /// The runs of glyphs `start..end`, left to right: one per span and
    /// face, and where the line holds right-to-left text, one per bidi
    /// level too, reordered for display.
    fn line(&self, start: usize, end: usize, size: f32) -> Wrapped {
        let to_pt = |units: u32| units as f32 * size / 1000.0;
        let bytes = self.byte(start)..self.byte(end);
        let bidi = self.complex
            && (needs_bidi(&self.text[bytes.clone()])
                || self.glyphs[start..end].iter().any(|g| g.face.needs_shaping()));
        if !bidi {
            let runs = self
                .pieces(start, end)
                .map(|(i, j)| {
                    let (dx, width) = (to_pt(self.cum[i] - self.cum[start]), to_pt(self.cum[j] - self.cum[i]));
                    self.run(i, &self.text[self.byte(i)..self.byte(j)], dx, width, None)
                })
                .collect();
            return Wrapped { runs, width: to_pt(self.cum[end] - self.cum[start]) };
        }
        let info = BidiInfo::new(&self.text[bytes.clone()], Some(Level::ltr()));
        let level = |glyph: usize| info.levels.get(self.byte(glyph) - bytes.start).copied().unwrap_or(Level::ltr());
        let mut split = Vec::new();
        for (i, j) in self.pieces(start, end) {
            let mut k = i;
            for m in i + 1..=j {
                if m == j || level(m) != level(k) {
                    split.push((k, m, level(k)));
                    k = m;
                }
            }
        }
        reorder(&mut split);
        let mut runs = Vec::with_capacity(split.len());
        let mut pen = 0;
        for (i, j, level) in split {
            let text = &self.text[self.byte(i)..self.byte(j)];
            let face = self.glyphs[i].face;
            let (units, glyphs) = if level.is_rtl() || face.needs_shaping() {
                let glyphs = shape(self.fonts.face(face), text, Some(level.is_rtl()));
                (glyphs.iter().map(|g| u32::from(g.advance)).sum(), Some(glyphs))
            } else {
                (self.cum[j] - self.cum[i], None)
            };
            let mut run = self.run(i, text, to_pt(pen), to_pt(units), glyphs);
            run.lang = super::lang::of(text);
            runs.push(run);
            pen += units;
        }
        Wrapped { runs, width: to_pt(pen) }
    }

    /// The byte offset of glyph `i` (the text length past the last).
    fn byte(&self, i: usize) -> usize {
        self.glyphs.get(i).map_or(self.text.len(), |g| g.byte)
    }

    /// Glyphs `start..end` cut where the span or face changes, in order.
    fn pieces(&self, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut i = start;
        std::iter::from_fn(move || {
            let first = self.glyphs.get(i).filter(|_| i < end)?;
            let same = |g: &Glyph| g.span == first.span && g.face == first.face;
            let j = i + 1 + self.glyphs[i + 1..end].iter().take_while(|g| same(g)).count();
            let piece = (i, j);
            i = j;
            Some(piece)
        })
    }

    fn run(&self, glyph: usize, text: &str, dx: f32, width: f32, shaped: Option<Vec<ShapedGlyph>>) -> Run {
        let style = &self.spans[self.glyphs[glyph].span];
        Run {
            face: self.glyphs[glyph].face,
            text: style.redacted.unwrap_or(text).to_owned(),
            dx,
            width,
            ink: match (style.redacted, style.link) {
                (Some(_), _) => Ink::Redaction,
                (None, Some(_)) => Ink::Link,
                (None, None) => Ink::Text,
            },
            link: style.link.map(str::to_owned),
            shaped,
            tag: Tag::Artifact,
            lang: None,
        }
    }
}

/// The first character [`needs_bidi`] can answer yes for: the first
/// right-to-left block, below which no script declares a language either.
const FIRST_COMPLEX: char = '\u{0590}';

/// Whether a line needs the general path of [`Shaped::line`]: it holds a
/// right-to-left character or an explicit direction control (so it has to
/// be reordered), or text in a script whose language is declared
/// ([`super::lang::of`]). Every such character is at or above U+0590,
/// whose UTF-8 starts with a byte of at least 0xD6, so most lines are
/// settled by a scan of their bytes; curly quotes and dashes then take a
/// look at each character and no more.
fn needs_bidi(text: &str) -> bool {
    text.bytes().any(|b| b >= 0xD6) && (text.chars().any(is_rtl) || super::lang::of(text).is_some())
}

/// Whether `c` can give text a right-to-left level in a left-to-right
/// paragraph (UAX #9): the blocks whose characters are of bidi class R,
/// AL or AN by default (Hebrew to Arabic Extended, the presentation forms,
/// the historic right-to-left scripts, Adlam and Arabic mathematics), the
/// right-to-left mark, and the embedding, override and isolate controls.
/// Without one, every level stays 0 and the line is shown as stored.
fn is_rtl(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF
            | 0x200F
            | 0x202A..=0x202E
            | 0x2066..=0x2069
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF
            | 0x10800..=0x10FFF
            | 0x1E800..=0x1EFFF
    )
}

/// Reorders runs (in logical order, with their embedding levels) into
/// display order: from the highest level down to the lowest odd one, every
/// maximal sequence of runs at that level or above is reversed (UAX #9, L2).
fn reorder(runs: &mut [(usize, usize, Level)]) {
    let Some(highest) = runs.iter().map(|r| r.2.number()).max() else { return };
    let lowest_odd = runs.iter().map(|r| r.2.number()).min().map_or(1, |l| l | 1);
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < runs.len() {
            if runs[i].2.number() < level {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < runs.len() && runs[j].2.number() >= level {
                j += 1;
            }
            runs[i..j].reverse();
            i = j;
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
    let redacted = match inline {
        Inline::Redaction { label, .. } => Some(label.as_str()),
        _ => None,
    };
    Span { face, link, redacted }
}

#[cfg(test)]
mod tests {
    use super::{Face, Shaped};
    use crate::doc::Inline;

    /// Taking plain ASCII in bulk gives what the general path gives, text,
    /// faces, spans and advances alike, including around fallback text
    /// (whose spaces and punctuation stay in its face), controls, invisible
    /// characters, tabs, newlines, redactions and characters the face lacks.
    #[test]
    fn bulk_ascii_is_the_general_path() {
        let fonts = super::super::fonts::fonts().unwrap();
        let texts = [
            "Dear Ms Smith, thank you for your request of 3 May 2024 (ref. 43342).",
            "tabs\tand\nnewlines, soft\u{00AD}hyphen, zero\u{200B}width, \u{7}bell ~{}|\\",
            "Name: محمد علي, 12 (Arabic) then 王芳 and 山田 はるか; “quotes” – dashes…",
            "محمد, علي. abc 1-2 ,.;",
            "café naïve Ωmega Ж ‰ € £ ₹ ﬁ",
            "",
        ];
        for text in texts {
            let inlines = vec![
                Inline::Text(text.to_owned()),
                Inline::Strong(format!("{text} bold")),
                Inline::Emphasis(text.to_owned()),
                Inline::Redaction { provision: "40(2)".into(), label: "[Redacted]".into(), chars: 5 },
                Inline::Link { text: text.to_owned(), url: "https://example.org".into() },
                Inline::LineBreak,
            ];
            for base in [Face::Regular, Face::Bold] {
                let bulk = Shaped::build(&inlines, base, fonts, true);
                let general = Shaped::build(&inlines, base, fonts, false);
                assert_eq!(bulk.text, general.text, "{text}");
                assert_eq!(bulk.cum, general.cum, "{text}");
                let glyphs = |s: &Shaped<'_>| s.glyphs.iter().map(|g| (g.byte, g.span, g.face)).collect::<Vec<_>>();
                assert_eq!(glyphs(&bulk), glyphs(&general), "{text}");
            }
        }
    }
}

#[cfg(test)]
mod bidi_tests {
    use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

    /// Every character that can give text a level other than 0 in a
    /// left-to-right paragraph is one [`super::is_rtl`] names, so a line
    /// without one is rightly shown as stored.
    #[test]
    fn every_right_to_left_class_is_caught() {
        use BidiClass::*;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if matches!(bidi_class(c), R | AL | AN | RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI) {
                assert!(super::is_rtl(c), "U+{:04X} is {:?}", u32::from(c), bidi_class(c));
            }
        }
    }

    /// Lines without such a character, curly quotes, dashes, accents and
    /// digits included, come out of the bidi algorithm at level 0 throughout.
    #[test]
    fn lines_without_them_stay_at_level_zero() {
        for text in ["“Quoted” – 3 May 2024 … café €5 ﬁ", "(1) [2] {3} 1.5% +44 20 7035 4848", "Ωmega Ж ‰ ₹"]
        {
            assert!(!super::needs_bidi(text), "{text}");
            let info = BidiInfo::new(text, Some(Level::ltr()));
            assert!(info.levels.iter().all(|level| level.number() == 0), "{text}");
        }
        for text in ["Name: محمد", "דוד", "王芳", "a\u{202E}b"] {
            assert!(super::needs_bidi(text), "{text}");
        }
    }
}
