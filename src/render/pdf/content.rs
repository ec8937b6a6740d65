//! Page content streams, written directly as PDF operators.
//!
//! Nothing here decides where anything goes; it transcribes a [`Page`],
//! flipping y (layout measures from the top, PDF from the bottom). Numbers
//! are written as printpdf wrote them (shortest `f32` form), so every
//! position is exactly what it was when printpdf built the streams.

use std::io::Write;

use super::object::{Dictionary, Object, dictionary};

use super::embed::Embedded;
use super::encode::text_string;
use super::fonts::Face;
use super::layout::{Ink, Item, Page, Run, TextLine};
use super::shape::ShapedGlyph;
use super::structure::{Structure, Tag};
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
    /// Link annotations, for the page's `/Annots`, each with the structure
    /// node of its link.
    pub links: Vec<(Dictionary, usize)>,
    /// For each marked-content id, in order, the structure node it is
    /// content of.
    pub marks: Vec<usize>,
}

/// Writes `page`, showing text with the codes of the `fonts` embedded and
/// marking every piece of it as content of its structure node or as an
/// artifact.
pub fn page_content(page: &Page, fonts: &Embedded, structure: &Structure) -> PageContent {
    let mut writer = PageWriter {
        fonts,
        structure,
        out: Vec::new(),
        font: None,
        fill: None,
        stroke_set: false,
        in_text: false,
        line: None,
        scratch: Vec::new(),
        leading: 0,
        marked: None,
        marks: Vec::new(),
        links: Vec::new(),
    };
    for item in &page.items {
        match item {
            Item::Text(line) => writer.text_line(line),
            Item::Rule { x1, y1, x2, y2 } => writer.rule(*x1, *y1, *x2, *y2),
            Item::Fill { x, y, width, height } => writer.fill(*x, *y, *width, *height, [HEADER_FILL_GREY; 3]),
            Item::Image { x, y, width, height, node } => writer.image(*x, *y, *width, *height, *node),
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
/// lines in one text object, each line placed relative to the one before
/// (see [`PageWriter::move_to`]).
struct PageWriter<'p, 'f> {
    fonts: &'f Embedded<'f>,
    structure: &'f Structure,
    out: Vec<u8>,
    font: Option<(Face, f32)>,
    fill: Option<Rgb>,
    stroke_set: bool,
    in_text: bool,
    /// Where the current text line starts (the text line matrix's
    /// translation); `None` where that is not known.
    line: Option<LineStart>,
    /// Room to write a number in to read its exact value back.
    scratch: Vec<u8>,
    /// The text leading (`TL`), in [`Fixed`] units: set by `TD`, used by
    /// `T*`. A content stream starts with 0.
    leading: i64,
    /// The tag of the open marked-content sequence. Sequences stay open
    /// across runs and lines of one node, but never span the end of a text
    /// object.
    marked: Option<Tag>,
    marks: Vec<usize>,
    /// Link runs, underlined and annotated once the text is written
    /// (path painting is not allowed inside a text object).
    links: Vec<(&'p TextLine, &'p Run, &'p str)>,
}

impl<'p> PageWriter<'p, '_> {
    fn finish(mut self) -> PageContent {
        self.end_text();
        let links = std::mem::take(&mut self.links);
        let annotations = links
            .into_iter()
            .filter_map(|(line, run, url)| match run.tag {
                Tag::Node(node) => Some((self.link(line, run, url), node)),
                Tag::Artifact => None,
            })
            .collect();
        self.unmark();
        PageContent { stream: self.out, links: annotations, marks: self.marks }
    }

    /// Makes what follows content of `tag`, closing the open sequence if it
    /// belongs to something else.
    fn mark(&mut self, tag: Tag) {
        if self.marked == Some(tag) {
            return;
        }
        self.unmark();
        match tag {
            Tag::Artifact => self.operator("/Artifact BMC"),
            Tag::Node(node) => {
                let role = self.structure.nodes.get(node).map_or("Span", |n| n.role.name());
                self.out.push(b'/');
                self.out.extend_from_slice(role.as_bytes());
                self.out.extend_from_slice(b" <</MCID ");
                write_integer(&mut self.out, self.marks.len());
                self.out.extend_from_slice(b">> BDC\n");
                self.marks.push(node);
            }
        }
        self.marked = Some(tag);
    }

    fn unmark(&mut self) {
        if self.marked.take().is_some() {
            self.operator("EMC");
        }
    }

    /// Writes `numbers` as operands, each followed by a space.
    fn operands(&mut self, numbers: &[f32]) {
        for &n in numbers {
            write_number(&mut self.out, n);
            self.out.push(b' ');
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
            self.line = Some(LineStart::ORIGIN);
        }
    }

    fn end_text(&mut self) {
        self.unmark();
        if self.in_text {
            self.operator("ET");
            self.in_text = false;
        }
    }

    /// Selects `face` at `size` (`Tf`).
    fn set_font(&mut self, face: Face, size: f32) {
        self.out.push(b'/');
        self.out.extend_from_slice(face.resource_id().as_bytes());
        self.out.push(b' ');
        write_number(&mut self.out, size);
        self.out.extend_from_slice(b" Tf\n");
        self.font = Some((face, size));
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
        for run in line.runs.iter().filter(|r| !r.text.is_empty()) {
            if run.ink == Ink::Redaction {
                self.redaction(line, run);
                pen = None;
                continue;
            }
            self.begin_text();
            self.mark(run.tag);
            if self.font != Some((run.face, line.size)) {
                self.set_font(run.face, line.size);
            }
            self.set_fill(ink_color(run.ink));
            if pen.is_none_or(|x: f32| (x - run.dx).abs() > PEN_SLACK) {
                self.move_to(line.x + run.dx, flip(line.baseline));
            }
            if let Some(lang) = run.lang {
                writeln!(self.out, "/Span <</Lang ({lang})>> BDC").expect("writing to a Vec cannot fail");
            }
            match &run.shaped {
                Some(glyphs) => self.show_shaped(run.face, glyphs),
                None => self.show(run.face, &run.text),
            }
            if run.lang.is_some() {
                self.operator("EMC");
            }
            pen = Some(run.dx + run.width);
            if let Some(url) = &run.link {
                self.links.push((line, run, url));
            }
        }
    }

    /// Starts a text line at `(x, y)`. Each line used to be placed with a
    /// full matrix (`1 0 0 1 x y Tm`); a move from the previous line's start
    /// is shorter, and shortest of all, `T*`, where it is the same move
    /// down as the one before (consecutive lines of a paragraph), which
    /// `TD` makes the leading. The move is the exact decimal difference of
    /// the numbers the matrix would have held, so a reader adding it up
    /// arrives where the matrix put the line (to within its own rounding,
    /// far below a pixel). Numbers too finely written to subtract exactly
    /// get the matrix as before.
    fn move_to(&mut self, x: f32, y: f32) {
        let from = self.line.take();
        // Lines mostly share their x with the line before: its value is known.
        let mut exact = |n: f32, known: Option<(f32, i64)>| match known {
            Some((at, value)) if at == n => Some(value),
            _ => Fixed::remembered(n, &mut self.scratch),
        };
        let to_x = exact(x, from.map(|f| (f.x, f.fixed_x)));
        let to_y = exact(y, from.map(|f| (f.y, f.fixed_y)));
        let (Some(from), Some(fixed_x), Some(fixed_y)) = (from, to_x, to_y) else {
            self.operands(&[1.0, 0.0, 0.0, 1.0, x, y]);
            self.operator("Tm");
            self.line = to_x.zip(to_y).map(|(fixed_x, fixed_y)| LineStart { x, y, fixed_x, fixed_y });
            return;
        };
        let (dx, dy) = (fixed_x - from.fixed_x, fixed_y - from.fixed_y);
        if dx == 0 && dy == -self.leading {
            self.operator("T*");
        } else {
            Fixed::write(&mut self.out, dx);
            self.out.push(b' ');
            Fixed::write(&mut self.out, dy);
            // `TD` also makes the move the leading, for the lines after;
            // a move along the baseline (a run after a gap) keeps it.
            if dy == 0 {
                self.operator(" Td");
            } else {
                self.operator(" TD");
                self.leading = -dy;
            }
        }
        self.line = Some(LineStart { x, y, fixed_x, fixed_y });
    }

    /// A redaction: a black box where the text would have been, from a
    /// little above the cap height to a little below the baseline. It is
    /// content, not decoration: its `/ActualText` is the label the other
    /// outputs print ("[Redacted – section 40(2)]"), so a screen reader
    /// and text extraction say that something was withheld, and where.
    /// (Painting is not allowed inside a text object, so the text object
    /// ends here and the next run starts a new one.)
    fn redaction(&mut self, line: &TextLine, run: &Run) {
        self.end_text();
        self.mark(run.tag);
        let spoken = matches!(run.tag, Tag::Node(_));
        if spoken {
            self.out.extend_from_slice(b"/Span <</ActualText <FEFF");
            for unit in run.text.encode_utf16() {
                write!(self.out, "{unit:04X}").expect("writing to a Vec cannot fail");
            }
            self.out.extend_from_slice(b">>> BDC\n");
        }
        self.set_fill(ink_color(Ink::Redaction));
        let top = line.baseline - line.size * 0.8;
        self.operands(&[line.x + run.dx, flip(top + line.size), run.width, line.size]);
        self.operator("re");
        self.operator("f");
        if spoken {
            // Readers replace the glyphs a span shows with its ActualText
            // and ignore a span that shows none: an invisible space (text
            // render mode 3) gives the label a place to be read.
            self.operator("BT");
            self.set_font(run.face, line.size);
            self.operator("3 Tr");
            self.operands(&[1.0, 0.0, 0.0, 1.0, line.x + run.dx, flip(line.baseline)]);
            self.operator("Tm");
            self.show(run.face, " ");
            self.operator("0 Tr");
            self.operator("ET");
            self.operator("EMC");
        }
        self.unmark();
    }

    /// Shows `text` as a literal string of its face's codes: one byte a
    /// character in a simple font, two in a composite one, more only where
    /// one is escaped.
    fn show(&mut self, face: Face, text: &str) {
        self.out.reserve(2 * text.len() + 6);
        self.out.push(b'(');
        if self.fonts.ascii_as_itself(face, text.as_bytes()) {
            self.out.extend_from_slice(text.as_bytes());
        } else {
            // ASCII from the table, the rest (curly quotes, dashes, names
            // in other scripts) a character at a time.
            let literals = self.fonts.ascii_literals(face);
            let mut rest = text;
            while !rest.is_empty() {
                let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
                for &b in &rest.as_bytes()[..ascii] {
                    let Literal { bytes, len } = literals[usize::from(b)];
                    // All four bytes, then the unused ones off again: two fixed
                    // moves rather than a copy of a length known only here.
                    self.out.extend_from_slice(&bytes);
                    self.out.truncate(self.out.len() - (4 - usize::from(len)));
                }
                rest = &rest[ascii..];
                if let Some(c) = rest.chars().next() {
                    self.literal(self.fonts.literal(face, c));
                    rest = &rest[c.len_utf8()..];
                }
            }
        }
        self.out.extend_from_slice(b") Tj\n");
    }

    /// Shows shaped glyphs in visual order, moving the pen by the shaped
    /// advances where they differ from the nominal widths. Each glyph reads
    /// as its cluster's text through the font's ToUnicode map, so
    /// extraction sees right-to-left text as it is drawn and reorders it
    /// the way readers do for any right-to-left PDF. (An `/ActualText` in
    /// logical order was tried: poppler reorders it again, reversing every
    /// word.)
    fn show_shaped(&mut self, face: Face, glyphs: &[ShapedGlyph]) {
        self.out.push(b'[');
        self.out.push(b'(');
        let data = self.fonts.face_data(face);
        for glyph in glyphs {
            self.literal(self.fonts.glyph_literal(face, glyph.id));
            let kern = i32::from(data.glyph_advance(glyph.id)) - i32::from(glyph.advance);
            if kern != 0 {
                write!(self.out, ") {kern} (").expect("writing to a Vec cannot fail");
            }
        }
        self.out.extend_from_slice(b")] TJ\n");
    }

    /// Writes a code into a literal string.
    #[inline]
    fn literal(&mut self, Literal { bytes, len }: Literal) {
        self.out.extend_from_slice(&bytes[..usize::from(len)]);
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
            "F" => 4,
            "Contents" => text_string(&run.text),
            "Rect" => rect.map(Object::Real).to_vec(),
            "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal(url) },
            "Border" => vec![0.into(), 0.into(), 0.into()],
            "C" => Vec::new(),
            "H" => "I",
        }
    }

    fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32) {
        self.end_text();
        self.mark(Tag::Artifact);
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

    /// The logo, scaled into the box with top-left corner `(x, y)`, as the
    /// content of its figure `node`.
    fn image(&mut self, x: f32, y: f32, width: f32, height: f32, node: usize) {
        self.end_text();
        self.mark(Tag::Node(node));
        self.operator("q");
        self.operands(&[width, 0.0, 0.0, height, x, flip(y + height)]);
        self.operator("cm");
        writeln!(self.out, "/{} Do", super::logo::NAME).expect("writing to a Vec cannot fail");
        self.operator("Q");
        self.unmark();
    }

    /// A filled rectangle given by its top-left corner.
    fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, color: Rgb) {
        self.end_text();
        self.mark(Tag::Artifact);
        self.set_fill(color);
        self.operands(&[x, flip(y + height), width, height]);
        self.operator("re");
        self.operator("f");
    }
}

/// Writes `n` exactly as `Display` for `f32` does (the shortest digits that
/// read back as `n`, in plain decimal notation), which is how every number
/// in the streams has always been written, without `core::fmt`'s cost.
/// Ryū finds the same shortest digits except where `n` lies exactly halfway
/// between the two closest candidates (Ryū rounds to even, `Display` up);
/// those ties, and the notation Ryū alone uses (an exponent for very small
/// or very large magnitudes, which `Display` never writes), go through
/// `Display` itself. Ryū's `.0` on whole numbers is dropped.
fn write_number(out: &mut Vec<u8>, n: f32) {
    // Whole numbers below 2^23 (most operands: 0, 1, sizes) are their own
    // shortest form; -0 keeps its sign, as `Display` writes it.
    if n.abs() < 8_388_608.0 && (n as i32) as f32 == n {
        if n.is_sign_negative() {
            out.push(b'-');
        }
        write_integer(out, (n as i32).unsigned_abs() as usize);
        return;
    }
    let mut buffer = ryu::Buffer::new();
    let digits = buffer.format(n);
    let digits = digits.strip_suffix(".0").unwrap_or(digits);
    if digits.bytes().any(|b| b.is_ascii_alphabetic()) || is_tie(n, digits) {
        write!(out, "{n}").expect("writing to a Vec cannot fail");
    } else {
        out.extend_from_slice(digits.as_bytes());
    }
}

/// Whether `n` is exactly halfway between two numbers of as many decimal
/// places as `digits` (its shortest form), or too finely written to tell.
/// `n` times a power of ten up to 10^12 is exact in an `f64` (24 + 28
/// significant bits), so the half shows as an exact fraction.
fn is_tie(n: f32, digits: &str) -> bool {
    const POWERS: [f64; 13] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];
    let places = digits.bytes().position(|b| b == b'.').map_or(0, |point| digits.len() - point - 1);
    let Some(power) = POWERS.get(places) else { return true };
    let scaled = f64::from(n).abs() * power;
    scaled - scaled.floor() == 0.5
}

/// The start of a text line: as laid out, and as the exact decimal value
/// of those numbers as written, in [`Fixed`] units.
#[derive(Clone, Copy)]
struct LineStart {
    x: f32,
    y: f32,
    fixed_x: i64,
    fixed_y: i64,
}

impl LineStart {
    /// Where `BT` starts: the identity matrix.
    const ORIGIN: LineStart = LineStart { x: 0.0, y: 0.0, fixed_x: 0, fixed_y: 0 };
}

/// Exact decimal numbers in billionths, for text positions: a page
/// coordinate written by [`write_number`] has at most nine decimals unless
/// it is vanishingly close to zero.
struct Fixed;

impl Fixed {
    const DECIMALS: usize = 9;
    const ONE: i64 = 1_000_000_000;

    /// The value of `n` as [`write_number`] writes it (into `written`,
    /// cleared first), or `None` if it has more decimals than
    /// [`Fixed::DECIMALS`] or is too large.
    fn of(n: f32, written: &mut Vec<u8>) -> Option<i64> {
        if !n.is_finite() || n.abs() >= 1e9 {
            return None;
        }
        written.clear();
        write_number(written, n);
        let (negative, digits) = match written.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, written.as_slice()),
        };
        let (whole, fraction) = match digits.iter().position(|&b| b == b'.') {
            Some(point) => (&digits[..point], &digits[point + 1..]),
            None => (digits, &[][..]),
        };
        if fraction.len() > Self::DECIMALS || !whole.iter().chain(fraction).all(u8::is_ascii_digit) {
            return None;
        }
        let decimal = |bytes: &[u8]| bytes.iter().fold(0i64, |n, &b| n * 10 + i64::from(b - b'0'));
        let scale = 10i64.pow((Self::DECIMALS - fraction.len()) as u32);
        let value = decimal(whole) * Self::ONE + decimal(fraction) * scale;
        Some(if negative { -value } else { value })
    }

    /// [`Fixed::of`], remembered per thread: a letter's lines stand at a
    /// few hundred heights, and the letters of a batch at much the same
    /// ones, so most are worked out once (each is a float printed and
    /// parsed back, some 700 instructions). A small table indexed by the
    /// float's bits; an empty slot holds 0.0, whose value is 0.
    fn remembered(n: f32, written: &mut Vec<u8>) -> Option<i64> {
        const SLOTS: usize = 1024;
        const NOT_FIXED: i64 = i64::MIN;
        thread_local! {
            static SEEN: std::cell::RefCell<Vec<(u32, i64)>> = std::cell::RefCell::new(vec![(0, 0); SLOTS]);
        }
        let bits = n.to_bits();
        let slot = (bits.wrapping_mul(0x9E37_79B9) >> 22) as usize % SLOTS;
        SEEN.with_borrow_mut(|seen| {
            let (key, value) = seen[slot];
            if key == bits {
                return (value != NOT_FIXED).then_some(value);
            }
            let value = Fixed::of(n, written);
            seen[slot] = (bits, value.unwrap_or(NOT_FIXED));
            value
        })
    }

    /// Writes `value` as a PDF real: no exponent, no trailing zeros.
    fn write(out: &mut Vec<u8>, value: i64) {
        if value < 0 {
            out.push(b'-');
        }
        let magnitude = value.unsigned_abs();
        write_integer(out, (magnitude / Self::ONE as u64) as usize);
        let mut fraction = magnitude % Self::ONE as u64;
        if fraction == 0 {
            return;
        }
        let mut places = Self::DECIMALS;
        while fraction.is_multiple_of(10) {
            fraction /= 10;
            places -= 1;
        }
        out.push(b'.');
        let mut digits = [b'0'; Self::DECIMALS];
        for digit in digits[..places].iter_mut().rev() {
            *digit = b'0' + (fraction % 10) as u8;
            fraction /= 10;
        }
        out.extend_from_slice(&digits[..places]);
    }
}

/// Writes `n` in decimal, as `Display` does.
fn write_integer(out: &mut Vec<u8>, n: usize) {
    super::writer::unsigned(out, n as u64);
}

/// A code as written in a literal string: one to four bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Literal {
    pub bytes: [u8; 4],
    pub len: u8,
}

/// A two-byte `code` in a literal string. Only the delimiters, the
/// backslash and CR (which a reader would take for a line end) need
/// escaping.
pub const fn literal(code: u16) -> Literal {
    escaped(&code.to_be_bytes())
}

/// A one-byte code (a simple font's) in a literal string.
pub const fn literal_byte(code: u8) -> Literal {
    escaped(&[code])
}

/// `code`'s bytes in a literal string, as [`literal`] says.
const fn escaped(code: &[u8]) -> Literal {
    let mut out = Literal { bytes: [0; 4], len: 0 };
    let mut i = 0;
    while i < code.len() {
        let byte = code[i];
        let escaped = match byte {
            b'(' | b')' | b'\\' => Some(byte),
            b'\r' => Some(b'r'),
            _ => None,
        };
        if let Some(escaped) = escaped {
            out.bytes[out.len as usize] = b'\\';
            out.bytes[out.len as usize + 1] = escaped;
            out.len += 2;
        } else {
            out.bytes[out.len as usize] = byte;
            out.len += 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Fixed, write_integer, write_number};

    /// Every code reads back as its two bytes, and no delimiter, backslash
    /// or CR is left bare to end the string or turn into a line end.
    #[test]
    fn every_code_is_a_sound_literal() {
        for code in 0..=u16::MAX {
            let super::Literal { bytes, len } = super::literal(code);
            let written = &bytes[..usize::from(len)];
            let mut read = Vec::new();
            let mut escaped = false;
            for &b in written {
                match (escaped, b) {
                    (false, b'\\') => escaped = true,
                    (false, b'(' | b')' | b'\r') => panic!("{code:#06x}: bare {b:#04x} in {written:?}"),
                    (true, b) => {
                        read.push(if b == b'r' { b'\r' } else { b });
                        escaped = false;
                    }
                    (false, b) => read.push(b),
                }
            }
            assert!(!escaped, "{code:#06x}");
            assert_eq!(read, code.to_be_bytes(), "{code:#06x}");
        }
    }

    fn written(n: f32) -> String {
        let mut out = Vec::new();
        write_number(&mut out, n);
        String::from_utf8(out).unwrap()
    }

    /// The fast writer gives `Display`'s bytes: for the numbers layout
    /// produces (positions, sizes, colours), for whole numbers and
    /// magnitudes at both ends, and for a spread of bit patterns across
    /// every exponent.
    #[test]
    fn numbers_are_written_as_display_writes_them() {
        let special = [
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.000_244_140_63,
            0.004_394_531_3,
            0.016_601_563,
            0.5,
            0.1,
            0.45,
            0.92,
            0.114,
            0.439,
            0.722,
            11.0,
            9.5,
            13.5,
            70.86614,
            595.2756,
            841.8898,
            1e-5,
            1e-6,
            1.5e-7,
            1e-30,
            1e12,
            1e13,
            1e14,
            3.4e38,
            f32::MIN_POSITIVE,
            f32::EPSILON,
            f32::MAX,
            f32::MIN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            16_777_216.0,
            16_777_217.0,
        ];
        for n in special {
            assert_eq!(written(n), format!("{n}"), "{n:?}");
        }
        // Every millipoint of a page and beyond, as layout's sums give them.
        for i in -1_000_000..1_000_000 {
            let n = i as f32 / 1000.0;
            assert_eq!(written(n), format!("{n}"), "{n:?}");
        }
        // Bit patterns spread over the whole range (a fixed-step walk,
        // so the test is deterministic).
        let mut bits: u32 = 0;
        for _ in 0..1_000_000 {
            let n = f32::from_bits(bits);
            assert_eq!(written(n), format!("{n}"), "{bits:#x}");
            bits = bits.wrapping_add(2_147_483_629);
        }
    }

    /// A position's exact value, written back, is the number as written:
    /// the moves between lines are differences of exactly these values.
    #[test]
    fn fixed_values_are_the_numbers_as_written() {
        for i in -1_000_000..1_000_000 {
            let n = i as f32 / 1000.0;
            let mut out = Vec::new();
            Fixed::write(&mut out, Fixed::of(n, &mut Vec::new()).expect("a page position"));
            assert_eq!(String::from_utf8(out).unwrap(), written(n), "{n:?}");
        }
        for n in [1e-12, f32::NAN, f32::INFINITY, 1e10] {
            assert_eq!(Fixed::of(n, &mut Vec::new()), None, "{n:?}");
        }
        // Remembered values are the values, however slots are shared:
        // every value twice, the second time from the table.
        for round in 0..2 {
            for i in (-300_000..300_000).step_by(7) {
                let n = i as f32 / 1000.0 + f32::EPSILON * (i % 3) as f32;
                assert_eq!(Fixed::remembered(n, &mut Vec::new()), Fixed::of(n, &mut Vec::new()), "{n:?} {round}");
            }
            for n in [0.0, -0.0, 1e-12, f32::NAN, 1e10] {
                assert_eq!(Fixed::remembered(n, &mut Vec::new()), Fixed::of(n, &mut Vec::new()), "{n:?}");
            }
        }
        let mut out = Vec::new();
        Fixed::write(&mut out, -14_300_050_000);
        assert_eq!(out, b"-14.30005");
    }

    #[test]
    fn integers_are_written_as_display_writes_them() {
        for n in (0..100_000).chain([usize::MAX, usize::MAX / 7, 1 << 40]) {
            let mut out = Vec::new();
            write_integer(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }
}
