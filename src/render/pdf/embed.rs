//! Font embedding: the glyphs a letter shows, subset font programs, and the
//! Type0 fonts that carry them with their widths and a ToUnicode map.
//!
//! The dictionaries are the ones printpdf wrote, built here directly from
//! the per-process font data: printpdf re-derived everything per document
//! (cloning each parsed face three times, looking every character up in
//! the cmap twice and re-parsing each subset to read back its widths), and
//! needed every face parsed in full (some 13 million instructions each)
//! before it could subset one. Subsetting is [`subset`](super::subset),
//! on the dehinted program.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, PoisonError};

use super::object::{Dictionary, Document, Object, ObjectId, Stream, dictionary};

use super::content::{Literal, literal, literal_byte};
use super::deflate::{deflated_stream, stream};
use super::fonts::{DescriptorMetrics, Face, FaceData, Fonts, Standard, standard_to_unicode};
use super::layout::{Ink, Item, Page, Run};
use super::standard::standard_glyphs;
use super::subset::subset;
use super::to_unicode::{CodeLength, to_unicode_cmap};
use super::win_ansi;

/// The faces a letter uses, embedded in its document.
pub struct Embedded<'f> {
    fonts: &'f Fonts,
    /// Per face: the code for each full-font glyph id (the subset glyph
    /// id in a composite font); empty for a face that is not embedded.
    codes: [Vec<u16>; Face::ALL.len()],
    /// Per face, how long its codes are: one byte in a face embedded as a
    /// simple font (its standard subset), two in a composite one.
    lengths: [CodeLength; Face::ALL.len()],
    /// Per face, the code of each ASCII character, as [`Embedded::code`]
    /// gives it: nearly every character shown, looked up without the font.
    ascii: [[u16; 128]; Face::ALL.len()],
    /// Per face, each ASCII character's code as it is written in a literal
    /// string ([`literal`]), so text is written a table entry a byte.
    ascii_literal: [[Literal; 128]; Face::ALL.len()],
    /// Per face, a bit for each ASCII byte that is written as itself (bit
    /// `b` for byte `b`): a line made only of these is copied as it is.
    ascii_itself: [u128; Face::ALL.len()],
    /// The resource dictionary every page shares: each embedded face
    /// under its resource id.
    pub resources: ObjectId,
}

impl Embedded<'_> {
    /// The code that shows `c` in `face`, as written in a literal string.
    pub fn literal(&self, face: Face, c: char) -> Literal {
        self.literal_of(face, self.code(face, c))
    }

    /// The code that shows glyph `id` of `face`, as written in a literal
    /// string.
    pub fn glyph_literal(&self, face: Face, id: u16) -> Literal {
        self.literal_of(face, self.glyph_code(face, id))
    }

    /// `code` of `face` in a literal string.
    fn literal_of(&self, face: Face, code: u16) -> Literal {
        match self.lengths[face.index()] {
            CodeLength::One => literal_byte(code as u8),
            CodeLength::Two => literal(code),
        }
    }

    /// The code that shows `c` in `face`: 0 (`.notdef`) for a character
    /// the face has no glyph for, which layout never produces.
    fn code(&self, face: Face, c: char) -> u16 {
        match self.ascii[face.index()].get(c as usize) {
            Some(&code) => code,
            None => self.font_code(face, c),
        }
    }

    /// The literal-string bytes of each ASCII character in `face`.
    pub fn ascii_literals(&self, face: Face) -> &[Literal; 128] {
        &self.ascii_literal[face.index()]
    }

    /// Whether every byte of `text` (ASCII) is written as itself in
    /// `face`: true of nearly every line in a simple font.
    pub fn ascii_as_itself(&self, face: Face, text: &[u8]) -> bool {
        let itself = self.ascii_itself[face.index()];
        if itself & PRINTABLE_BUT_ESCAPED == PRINTABLE_BUT_ESCAPED {
            // The usual case, a simple font: tested by vector compares.
            return super::coverage::none_odd(text, |b| {
                u8::from(b.wrapping_sub(b' ') > b'~' - b' ')
                    | u8::from(b == b'(')
                    | u8::from(b == b')')
                    | u8::from(b == b'\\')
            });
        }
        text.iter().all(|&b| b < 128 && itself >> b & 1 == 1)
    }

    /// [`Embedded::code`], looked up in the encoding or the font. (A
    /// character that shares a standard glyph without being standard, a
    /// hyphen drawn as `-` say, shows that glyph's code.)
    fn font_code(&self, face: Face, c: char) -> u16 {
        if self.lengths[face.index()] == CodeLength::One
            && let Some(code) = win_ansi::code(c)
        {
            return code.into();
        }
        self.fonts.face(face).glyph(c).map_or(0, |g| self.glyph_code(face, g.id))
    }

    /// The measurements of `face`.
    pub fn face_data(&self, face: Face) -> &FaceData {
        self.fonts.face(face)
    }

    /// The code that shows glyph `id` of `face`.
    fn glyph_code(&self, face: Face, id: u16) -> u16 {
        self.codes[face.index()].get(usize::from(id)).copied().unwrap_or(0)
    }
}

/// Printable ASCII but the three bytes a literal string escapes, as bits
/// (bit `b` for byte `b`): what a simple font writes as itself.
const PRINTABLE_BUT_ESCAPED: u128 = {
    let mut bits = 0;
    let mut b = b' ';
    while b <= b'~' {
        if !matches!(b, b'(' | b')' | b'\\') {
            bits |= 1 << b;
        }
        b += 1;
    }
    bits
};

/// Subsets and embeds every face `pages` show text in.
pub fn embed<'f>(pages: &[Page], fonts: &'f Fonts, pdf: &mut Document) -> Result<Embedded<'f>, String> {
    let mut shown = glyphs_shown(pages, fonts);
    complete_classes(&mut shown, fonts);
    // Shaped glyphs (right-to-left runs) stand for their clusters' text,
    // which a simple font's codes, one per character, cannot say: a
    // mirrored bracket would read as the other one.
    let mut shaped = [false; Face::ALL.len()];
    runs(pages).filter(|run| run.shaped.is_some()).for_each(|run| shaped[run.face.index()] = true);
    let mut codes: [Vec<u16>; Face::ALL.len()] = Default::default();
    let mut lengths = [CodeLength::Two; Face::ALL.len()];
    let mut resources = Dictionary::new();
    for face in Face::ALL {
        let shown = &shown[face.index()];
        if shown.iter().all(Option::is_none) {
            continue;
        }
        let (face_codes, font, length) = embed_face(face, shown, shaped[face.index()], fonts, pdf)?;
        (codes[face.index()], lengths[face.index()]) = (face_codes, length);
        resources.set(face.resource_id(), pdf.add_object(font));
    }
    let resources = pdf.add_object(dictionary! { "Font" => resources });
    let mut embedded = Embedded {
        fonts,
        codes,
        lengths,
        ascii: [[0; 128]; Face::ALL.len()],
        ascii_literal: [[literal(0); 128]; Face::ALL.len()],
        ascii_itself: [0; Face::ALL.len()],
        resources,
    };
    for face in Face::ALL.into_iter().filter(|face| !embedded.codes[face.index()].is_empty()) {
        let codes: [u16; 128] = std::array::from_fn(|b| embedded.font_code(face, char::from(b as u8)));
        let literals = codes.map(|code| embedded.literal_of(face, code));
        embedded.ascii_itself[face.index()] = (0..128u8)
            .filter(|&b| literals[usize::from(b)].len == 1 && literals[usize::from(b)].bytes[0] == b)
            .fold(0, |bits, b| bits | 1 << b);
        embedded.ascii_literal[face.index()] = literals;
        embedded.ascii[face.index()] = codes;
    }
    Ok(embedded)
}

/// Per face, indexed by glyph id, the text each glyph is last shown for.
/// Last, as in printpdf, so the ToUnicode maps (and extracted text) stay as
/// they were where characters share a glyph (space and no-break space). A
/// shaped glyph stands for the text of its cluster: one character, or
/// several for a ligature.
///
/// Nearly every character shown is ASCII: for those only where each was
/// last shown is noted as the text goes by, and their glyphs are filled in
/// at the end, each unless a later character took its glyph.
fn glyphs_shown(pages: &[Page], fonts: &Fonts) -> [Vec<Option<Unicode>>; Face::ALL.len()] {
    let mut shown: [Vec<Option<Unicode>>; Face::ALL.len()] = Default::default();
    // When each glyph, and each ASCII character, was last shown (0: never).
    let mut glyph_seen: [Vec<u32>; Face::ALL.len()] = Default::default();
    let mut ascii_seen = [[0u32; 128]; Face::ALL.len()];
    let mut now = 0u32;
    for run in runs(pages) {
        let data = fonts.face(run.face);
        let (glyphs, seen) = (&mut shown[run.face.index()], &mut glyph_seen[run.face.index()]);
        if glyphs.is_empty() {
            glyphs.resize(usize::from(data.glyph_count()), None);
            seen.resize(glyphs.len(), 0);
        }
        let mut show = |id: u16, unicode: Option<Unicode>, now: &mut u32| {
            if let (Some(slot), Some(when)) = (glyphs.get_mut(usize::from(id)), seen.get_mut(usize::from(id))) {
                *now += 1;
                (*slot, *when) = (unicode, *now);
            }
        };
        // A redaction shows one invisible space that its label is read as
        // (see `content`), never the label's glyphs.
        let text = if run.ink == Ink::Redaction { " " } else { run.text.as_str() };
        if let Some(shaped) = &run.shaped {
            for glyph in shaped {
                show(glyph.id, Unicode::of(run.text.get(glyph.cluster.clone()).unwrap_or_default()), &mut now);
            }
            continue;
        }
        let ascii = &mut ascii_seen[run.face.index()];
        if text.is_ascii() {
            // As the loop below, a byte at a time: nearly every run.
            for (i, &b) in text.as_bytes().iter().enumerate() {
                ascii[usize::from(b)] = now + 1 + i as u32;
            }
            now += text.len() as u32;
            continue;
        }
        for c in text.chars() {
            if let Some(last) = ascii.get_mut(c as usize) {
                now += 1;
                *last = now;
            } else if let Some(g) = data.glyph(c) {
                show(g.id, Some(Unicode::Char(c)), &mut now);
            }
        }
    }
    for face in Face::ALL {
        let (glyphs, seen) = (&mut shown[face.index()], &mut glyph_seen[face.index()]);
        let data = fonts.face(face);
        for (b, &when) in ascii_seen[face.index()].iter().enumerate() {
            let c = char::from(b as u8);
            let Some(g) = (when > 0).then(|| data.glyph(c)).flatten() else { continue };
            if let (Some(slot), Some(last)) = (glyphs.get_mut(usize::from(g.id)), seen.get_mut(usize::from(g.id)))
                && *last < when
            {
                (*slot, *last) = (Some(Unicode::Char(c)), when);
            }
        }
    }
    shown
}

/// Characters that a face embeds all of once it shows any one of them.
/// Letters of a batch differ mostly in references, dates, names and
/// addresses, and only through these characters: without the classes
/// almost every letter's subsets differed and were made again (measured
/// on 40 letters of the 43342 case with references B01..B40, 21 subsets
/// made for 80 embedded faces; on 40 mail-merge rows varying names, dates
/// and references, 50), with them the first letter's are reused (2 and 2).
/// Measured alternatives, PDF size of the 43342 case against subsets
/// made: digits only, +650 B, 2 and 10 (every new capital in a name or
/// postcode missed); digits and capitals, +1,430 B, 2 and 3; all
/// printable ASCII, +4,900 B, no fewer misses than these classes at
/// +1,680 B.
const CLASSES: [&[std::ops::RangeInclusive<char>]; 2] = [&['0'..='9'], &['A'..='Z', 'a'..='z']];

/// Adds to each face the rest of every class in [`CLASSES`] it shows a
/// character of, reading as those characters, so the face's subset,
/// `/W` and ToUnicode map recur across a batch. Glyphs already shown keep
/// their text.
fn complete_classes(shown: &mut [Vec<Option<Unicode>>; Face::ALL.len()], fonts: &Fonts) {
    for face in Face::ALL {
        let glyphs = &mut shown[face.index()];
        if glyphs.is_empty() {
            continue;
        }
        let data = fonts.face(face);
        for class in CLASSES {
            let members = || class.iter().cloned().flatten().filter_map(|c| Some((usize::from(data.glyph(c)?.id), c)));
            if !members().any(|(id, _)| glyphs.get(id).is_some_and(Option::is_some)) {
                continue;
            }
            for (id, c) in members() {
                if let Some(slot @ None) = glyphs.get_mut(id) {
                    *slot = Some(Unicode::Char(c));
                }
            }
        }
    }
}

/// What a glyph reads as.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Unicode {
    /// One character, as for almost every glyph.
    Char(char),
    /// Several, for a ligature.
    Text(Box<str>),
}

impl Unicode {
    fn of(text: &str) -> Option<Unicode> {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (None, _) => None,
            (Some(c), None) => Some(Unicode::Char(c)),
            _ => Some(Unicode::Text(text.into())),
        }
    }

    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let (one, text) = match self {
            Unicode::Char(c) => (Some(*c), ""),
            Unicode::Text(text) => (None, &**text),
        };
        one.into_iter().chain(text.chars())
    }
}

fn runs(pages: &[Page]) -> impl Iterator<Item = &Run> {
    pages.iter().flat_map(|page| &page.items).flat_map(|item| match item {
        Item::Text(line) => line.runs.as_slice(),
        _ => &[],
    })
}

/// Embeds `face` for the glyphs `shown` (see [`glyphs_shown`]): as a
/// simple font of its standard subset when that holds them all and none
/// was `shaped`, else as a composite (Type0) font of a subset made for
/// them. Returns the glyph id → code table, the font and how long its
/// codes are.
fn embed_face(
    face: Face,
    shown: &[Option<Unicode>],
    shaped: bool,
    fonts: &Fonts,
    pdf: &mut Document,
) -> Result<(Vec<u16>, Dictionary, CodeLength), String> {
    let data = fonts.face(face);
    let glyphs: Vec<(u16, &Unicode)> =
        shown.iter().enumerate().filter_map(|(id, u)| Some((id as u16, u.as_ref()?))).collect();
    if let Some(standard) = standard_for(data, &glyphs).filter(|_| !shaped) {
        let (codes, font) = simple_font(face, data, standard, pdf)?;
        return Ok((codes, font, CodeLength::One));
    }
    // The subset's glyph ids are positions in this list, .notdef first, as
    // the subsetter requires; composite glyphs' components come after.
    let ids: Vec<u16> = std::iter::once(0).chain(glyphs.iter().map(|&(id, _)| id).filter(|&id| id != 0)).collect();
    let chars: Vec<(char, u16)> = glyphs
        .iter()
        .filter_map(|&(id, unicode)| match unicode {
            Unicode::Char(c) => Some((*c, id)),
            Unicode::Text(_) => None,
        })
        .collect();
    let program = font_file(face, data, ids.clone(), chars)?;
    let mut codes = vec![0; shown.len()];
    // (code, advance, text), in code order.
    let coded: Vec<(u16, u16, &Unicode)> = ids
        .iter()
        .enumerate()
        .filter_map(|(code, &id)| {
            let unicode = shown.get(usize::from(id))?.as_ref()?;
            let code = u16::try_from(code).ok()?;
            codes[usize::from(id)] = code;
            Some((code, data.glyph_advance(id), unicode))
        })
        .collect();

    let name = font_name(face, data);
    let program = pdf.add_object(program);
    let descriptor = pdf.add_object(descriptor(&metrics(face, data)?, &name, program));
    let mappings = coded.iter().map(|&(code, _, unicode)| (code, unicode.clone())).collect();
    let to_unicode = pdf.add_object(to_unicode_stream(face, mappings)?);
    let cid_font = dictionary! {
        "Type" => "Font",
        "BaseFont" => name.clone(),
        "Subtype" => "CIDFontType2",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "W" => widths(&coded),
        "DW" => 1000,
        "FontDescriptor" => descriptor,
        "CIDToGIDMap" => "Identity",
    };
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => name,
        "Encoding" => "Identity-H",
        "ToUnicode" => to_unicode,
        "DescendantFonts" => vec![cid_font.into()],
    };
    Ok((codes, font, CodeLength::Two))
}

/// Embeds `face` as a simple TrueType font of its `standard` subset, each
/// standard character under its WinAnsiEncoding code ([`win_ansi`]) with
/// its width, and the ToUnicode map `build.rs` made of them: the same font
/// whatever the letter shows. Its text is then written a byte a
/// character, not two: 43342's page content is 20,187 bytes to write and
/// deflate instead of 32,743, its PDF 32,823 B instead of 34,945, and a
/// one-letter process 12.76 M instructions instead of 13.54 M. Returns the
/// glyph id → code table (for a character outside the standard set that a
/// font draws with a standard glyph: that glyph's first standard
/// character, a hyphen-minus for U+2010, say) and the font.
fn simple_font(
    face: Face,
    data: &FaceData,
    standard: &Standard,
    pdf: &mut Document,
) -> Result<(Vec<u16>, Dictionary), String> {
    let (chars, _) = standard_glyphs(|c| Some(data.glyph(c)?.id));
    let mut coded: Vec<(u8, char, u16)> =
        chars.iter().filter_map(|&(c, id)| Some((win_ansi::code(c)?, c, id))).collect();
    let mut codes = vec![0; usize::from(data.glyph_count())];
    for &(code, _, id) in &coded {
        if let Some(slot @ 0) = codes.get_mut(usize::from(id)) {
            *slot = u16::from(code);
        }
    }
    coded.sort_unstable_by_key(|&(code, ..)| code);
    let (Some(&(first, ..)), Some(&(last, ..))) = (coded.first(), coded.last()) else {
        return Err(format!("the font of the {} face has none of the standard characters", face.role()));
    };
    let mut widths = vec![Object::from(0); usize::from(last - first) + 1];
    for &(code, _, id) in &coded {
        widths[usize::from(code - first)] = data.glyph_advance(id).into();
    }
    let name = font_name(face, data);
    let program = pdf.add_object(standard_program(standard));
    let descriptor = pdf.add_object(descriptor(&metrics(face, data)?, &name, program));
    let to_unicode = pdf.add_object(deflated_stream(Dictionary::new(), standard_to_unicode().to_vec()));
    let (difference, glyph_name) = win_ansi::DIFFERENCES;
    let font = dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => name,
        "FirstChar" => first,
        "LastChar" => last,
        "Widths" => widths,
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => vec![difference.into(), Object::Name(glyph_name.into())],
        },
        "FontDescriptor" => descriptor,
        "ToUnicode" => to_unicode,
    };
    Ok((codes, font))
}

/// The `/BaseFont` of `face`: its subset tag and PostScript name.
fn font_name(face: Face, data: &FaceData) -> String {
    format!("{}+{}", face.resource_id(), data.postscript_name().as_deref().unwrap_or(face.resource_id()))
}

/// What `face`'s font descriptor is derived from, or why it cannot be.
fn metrics(face: Face, data: &FaceData) -> Result<DescriptorMetrics, String> {
    data.descriptor_metrics().ok_or_else(|| format!("the font of the {} face lacks head or hhea", face.role()))
}

/// The face's standard subset (`standard.rs`), if it has one and it
/// holds every glyph in `glyphs`.
fn standard_for(data: &FaceData, glyphs: &[(u16, &Unicode)]) -> Option<&'static Standard> {
    data.standard.filter(|standard| glyphs.iter().all(|(id, _)| standard.ids.binary_search(id).is_ok()))
}

/// The `/FontFile2` stream of a standard subset, deflated by `build.rs`.
fn standard_program(standard: &Standard) -> Stream {
    deflated_stream(dictionary! { "Length1" => standard.length as i64 }, standard.deflated.to_vec())
}

/// The `/W` array: each run of consecutive codes as `first [w1 w2 …]`.
fn widths(coded: &[(u16, u16, &Unicode)]) -> Vec<Object> {
    coded
        .chunk_by(|a, b| u32::from(a.0) + 1 == u32::from(b.0))
        .flat_map(|run| [Object::from(run[0].0), run.iter().map(|g| Object::from(g.1)).collect::<Vec<_>>().into()])
        .collect()
}

/// The font descriptor, with the metrics as printpdf derived them: font
/// units scaled to thousandths of an em, the `hhea` ascent and descent, the
/// cap height set to the ascent (printpdf never read `OS/2`'s), the italic angle from the caret
/// slope, and StemV estimated from the weight class.
fn descriptor(metrics: &DescriptorMetrics, name: &str, program: ObjectId) -> Dictionary {
    let scale = 1000.0 / f32::from(metrics.units_per_em);
    let to_em = |units: i16| (f32::from(units) * scale).round() as i64;
    let ascent = to_em(metrics.ascender);
    let (rise, run) = (f32::from(metrics.caret_slope.0), f32::from(metrics.caret_slope.1));
    let italic_angle = if rise == 0.0 { 0 } else { (-run.atan2(rise).to_degrees()).round() as i64 };
    let (nonsymbolic, italic) = (1 << 5, 1 << 6);
    let flags = if italic_angle == 0 { nonsymbolic } else { nonsymbolic | italic };
    dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => name.to_owned(),
        "Ascent" => ascent,
        "Descent" => to_em(metrics.descender),
        "CapHeight" => ascent,
        "ItalicAngle" => italic_angle,
        "Flags" => flags,
        "StemV" => 50 + (f32::from(metrics.weight_class) / 65.0).powi(2).round() as i64,
        "FontBBox" => metrics.bbox.iter().map(|&v| Object::from(to_em(v))).collect::<Vec<_>>(),
        "FontFile2" => program,
    }
}

/// Streams made so far in this process, by what they are made from, so a
/// batch whose letters show the same glyphs makes each stream once; the
/// bytes are the same either way.
struct Made<K>(Mutex<Option<HashMap<K, Stream>>>);

/// At most this many streams of a kind are kept (then the cache starts
/// afresh), so a batch's memory stays flat however many letters it has.
const STREAMS_KEPT: usize = 64;

impl<K: Hash + Eq> Made<K> {
    const fn new() -> Made<K> {
        Made(Mutex::new(None))
    }

    /// The stream made from `key`, made by `make` if it is not kept yet.
    fn get(&self, key: K, make: impl FnOnce(&K) -> Result<Stream, String>) -> Result<Stream, String> {
        if let Some(found) = self.0.lock().unwrap_or_else(PoisonError::into_inner).as_ref().and_then(|m| m.get(&key)) {
            return Ok(found.clone());
        }
        let made = make(&key)?;
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let kept = kept.get_or_insert_with(HashMap::new);
        if kept.len() >= STREAMS_KEPT {
            kept.clear();
        }
        kept.insert(key, made.clone());
        Ok(made)
    }
}

/// The `/FontFile2` stream of `face` subset to `ids`, its `cmap` mapping
/// `chars` (each with its glyph id), deflated. Subsetting and deflating
/// are the costliest steps of encoding, so each distinct program (by font
/// program, whose address lives as long as the process, glyph ids and
/// characters) is made once per process.
fn font_file(face: Face, data: &FaceData, ids: Vec<u16>, chars: Vec<(char, u16)>) -> Result<Stream, String> {
    /// A subset program's key: the face's program (by address), glyph ids
    /// and characters mapped.
    type Program = (usize, Vec<u16>, Vec<(char, u16)>);
    static PROGRAMS: Made<Program> = Made::new();
    PROGRAMS.get((data.program.as_ptr() as usize, ids, chars), |(_, ids, chars)| {
        let program = subset(data.program, ids, chars)
            .map_err(|e| format!("cannot subset the font of the {} face: {e}", face.role()))?;
        let program_len = program.len() as i64;
        stream(dictionary! { "Length1" => program_len }, program)
    })
}

/// The ToUnicode stream of `face`'s composite font for its two-byte codes
/// and what each reads as (`mappings`, in code order), deflated: made once
/// per process for each distinct face and mapping, like the font programs.
fn to_unicode_stream(face: Face, mappings: Vec<(u16, Unicode)>) -> Result<Stream, String> {
    static MAPS: Made<(Face, Vec<(u16, Unicode)>)> = Made::new();
    MAPS.get((face, mappings), |(face, mappings)| {
        let cmap =
            to_unicode_cmap(face.resource_id(), CodeLength::Two, mappings.iter().map(|(code, u)| (*code, u.chars())));
        stream(Dictionary::new(), cmap.into_bytes())
    })
}
