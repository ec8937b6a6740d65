//! The embedded faces: Liberation Sans for the letter, and fallback faces
//! for the scripts it lacks, parsed once per process.
//!
//! Nothing here parses a whole font: measuring and shaping use rustybuzz's
//! view of the original bytes, which is cheap to create and keeps the
//! OpenType layout tables that Arabic shaping needs; embedding subsets a
//! [dehinted](super::dehint) copy, whose glyph ids are the same. For the
//! bundled faces the copy and the glyph tables are made at build time, so
//! no process pays for them; a user's body font gets both when it is
//! loaded, once per process.

use std::sync::{LazyLock, Mutex};

use ttf_parser::{Tag, name_id};

use super::dehint::dehint;
use super::glyph_table::{NO_GLYPH, glyph_table};
use crate::doc::BodyFont;

/// A typeface used by the letter. Three Liberation faces cover everything
/// the document model can express (plain, strong, emphasis); bold italic is
/// deliberately absent so no letter ever pays for subsetting a fourth face.
/// The fallback faces print what Liberation Sans cannot, in one weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    /// Body text, links, footers.
    Regular,
    /// Headings, strong runs, table headers, the DRAFT mark.
    Bold,
    /// Emphasis runs.
    Italic,
    /// Arabic script (Noto Sans Arabic).
    Arabic,
    /// Chinese, Japanese and Korean characters and full-width forms (Droid
    /// Sans Fallback, subset to the common national character sets).
    Cjk,
}

impl Face {
    /// Every face, in resource id order.
    pub const ALL: [Face; 5] = [Face::Regular, Face::Bold, Face::Italic, Face::Arabic, Face::Cjk];

    /// The faces tried, in order, for a character the run's own face lacks.
    const FALLBACKS: [Face; 2] = [Face::Arabic, Face::Cjk];

    /// The PDF resource id. Fixed (rather than printpdf's counter-based ids)
    /// so that two renders produce identical bytes; the first six capitals
    /// also become the font's subset tag, which must be uppercase letters.
    pub fn resource_id(self) -> &'static str {
        match self {
            Face::Regular => "AAAAAA",
            Face::Bold => "AAAAAB",
            Face::Italic => "AAAAAC",
            Face::Arabic => "AAAAAD",
            Face::Cjk => "AAAAAE",
        }
    }

    /// The font as bundled, dehinted by the build script for embedding,
    /// its glyph table (see `build.rs`; empty for the fallback faces) and
    /// its standard subset (none for the fallback faces).
    fn bundled(self) -> ([&'static [u8]; 3], Option<&'static Standard>) {
        macro_rules! font {
            ($file:literal) => {
                (
                    [
                        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/", $file)).as_slice(),
                        include_bytes!(concat!(env!("OUT_DIR"), "/", $file)).as_slice(),
                        include_bytes!(concat!(env!("OUT_DIR"), "/", $file, ".glyphs")).as_slice(),
                    ],
                    STANDARD.iter().find(|(file, _)| *file == $file).map(|(_, standard)| standard),
                )
            };
        }
        match self {
            Face::Regular => font!("LiberationSans-Regular.ttf"),
            Face::Bold => font!("LiberationSans-Bold.ttf"),
            Face::Italic => font!("LiberationSans-Italic.ttf"),
            Face::Arabic => font!("NotoSansArabic-Regular.ttf"),
            Face::Cjk => font!("DroidSansFallback-subset.ttf"),
        }
    }

    /// What the face is for, for messages (its font may be the user's).
    pub fn role(self) -> &'static str {
        match self {
            Face::Regular => "regular",
            Face::Bold => "bold",
            Face::Italic => "italic",
            Face::Arabic => "Arabic fallback",
            Face::Cjk => "CJK fallback",
        }
    }

    /// The position of the face in [`Face::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether this is a fallback face rather than one of the letter's own.
    pub fn is_fallback(self) -> bool {
        Face::FALLBACKS.contains(&self)
    }

    /// Whether text in this face must go through the shaper even when it
    /// runs left to right: Arabic letters take contextual forms. Everything
    /// else is one glyph per character unless it runs right to left.
    pub fn needs_shaping(self) -> bool {
        self == Face::Arabic
    }
}

/// A glyph of a face: what layout measures and the encoder writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    /// The glyph id in the full (unsubsetted) font.
    pub id: u16,
    /// The advance in thousandths of an em. Layout measures with it and the
    /// encoder writes it into `/W`, so a viewer advances exactly as far as
    /// layout measured.
    pub advance: u16,
}

/// A bundled face's standard subset (`standard.rs`), made by `build.rs`.
#[derive(Debug)]
pub struct Standard {
    /// The glyph ids it keeps, in the order of their codes: `.notdef`
    /// first, then ascending.
    pub ids: &'static [u16],
    /// The font program's length before deflating (`/Length1`).
    pub length: usize,
    /// The font program, deflated in the zlib format.
    pub deflated: &'static [u8],
}

// `STANDARD`, each bundled letter face's standard subset by font file, and
// `STANDARD_TO_UNICODE`, the ToUnicode map (name, deflated) of them all.
include!(concat!(env!("OUT_DIR"), "/standard_subsets.rs"));

/// The ToUnicode map every standard subset's simple font uses, deflated
/// by `build.rs`: each code reads as its character, whatever the face.
pub fn standard_to_unicode() -> &'static [u8] {
    STANDARD_TO_UNICODE.1
}

/// One face: glyphs and metrics for layout, shaping and encoding, and the
/// dehinted font program for subsetting.
pub struct FaceData {
    /// The original font, layout tables included, for shaping and metrics.
    pub shaper: rustybuzz::Face<'static>,
    /// The dehinted font, with the same glyph ids: what is subset and
    /// embedded.
    pub program: &'static [u8],
    /// Glyph id and advance of each common code point (see
    /// [`glyph_table`]); empty for the fallback faces.
    glyphs: &'static [u8],
    /// The program's standard subset, for a bundled letter face.
    pub standard: Option<&'static Standard>,
    scale: f32,
}

impl FaceData {
    /// A face from its font file, its dehinted program and its glyph table.
    fn load(
        face: Face,
        ([original, program, glyphs], standard): ([&'static [u8]; 3], Option<&'static Standard>),
    ) -> Result<FaceData, String> {
        let shaper = rustybuzz::Face::from_slice(original, 0)
            .ok_or_else(|| format!("the font of the {} face is unreadable", face.role()))?;
        let scale = 1000.0 / shaper.units_per_em() as f32;
        Ok(FaceData { shaper, program, glyphs, standard, scale })
    }

    /// The face's PostScript name, for `/BaseFont` and `/FontName`.
    pub fn postscript_name(&self) -> Option<String> {
        self.shaper.names().into_iter().filter(|n| n.name_id == name_id::POST_SCRIPT_NAME).find_map(|n| n.to_string())
    }

    /// The raw metrics of the font descriptor, read from the `head`, `hhea`
    /// and `OS/2` tables as they are stored (no typographic-metrics
    /// preference, unlike [`FaceData::vertical_extent`]'s source).
    pub fn descriptor_metrics(&self) -> Option<DescriptorMetrics> {
        let table = |tag: &[u8; 4]| self.shaper.raw_face().table(Tag::from_bytes(tag));
        let field = |data: &[u8], at: usize| Some(i16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?));
        let (head, hhea) = (table(b"head")?, table(b"hhea")?);
        let weight = table(b"OS/2").and_then(|os2| field(os2, 4)).map_or(0, |w| w as u16);
        Some(DescriptorMetrics {
            units_per_em: field(head, 18)? as u16,
            bbox: [field(head, 36)?, field(head, 38)?, field(head, 40)?, field(head, 42)?],
            ascender: field(hhea, 4)?,
            descender: field(hhea, 6)?,
            caret_slope: (field(hhea, 18)?, field(hhea, 20)?),
            weight_class: weight,
        })
    }

    /// The glyph for `c`, or `None` if the face has none. Inlined: layout
    /// asks this for nearly every character, and the tabulated answer is a
    /// few instructions, less than a call.
    #[inline]
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        let at = 4 * c as usize;
        let Some(&[id0, id1, advance0, advance1]) = self.glyphs.get(at..at + 4) else { return self.lookup(c) };
        let id = u16::from_le_bytes([id0, id1]);
        (id != NO_GLYPH).then(|| Glyph { id, advance: u16::from_le_bytes([advance0, advance1]) })
    }

    /// The advance of `c` in thousandths of an em, or `None` without a glyph.
    pub fn advance(&self, c: char) -> Option<u16> {
        self.glyph(c).map(|g| g.advance)
    }

    /// The nominal advance of glyph `id` in thousandths of an em: what `/W`
    /// says for it.
    pub fn glyph_advance(&self, id: u16) -> u16 {
        self.shaper.glyph_hor_advance(ttf_parser::GlyphId(id)).map_or(0, |units| self.to_thousandths(units))
    }

    /// Font units as thousandths of an em, truncated (not rounded): the
    /// widths printpdf used to write, kept so that layout (and every line
    /// break) stays as it was.
    pub fn to_thousandths(&self, units: u16) -> u16 {
        (f32::from(units) * self.scale) as u16
    }

    /// How many glyphs the full font has: glyph ids are below this.
    pub fn glyph_count(&self) -> u16 {
        self.shaper.number_of_glyphs()
    }

    #[cold]
    fn lookup(&self, c: char) -> Option<Glyph> {
        let id = self.shaper.glyph_index(c)?;
        let units = self.shaper.glyph_hor_advance(id)?;
        Some(Glyph { id: id.0, advance: self.to_thousandths(units) })
    }

    /// Ascender and descender as fractions of the em, for placing baselines.
    pub fn vertical_extent(&self) -> (f32, f32) {
        let upem = self.shaper.units_per_em() as f32;
        (f32::from(self.shaper.ascender()) / upem, -f32::from(self.shaper.descender()) / upem)
    }
}

/// What a PDF font descriptor is derived from, in font units as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DescriptorMetrics {
    /// `head.unitsPerEm`.
    pub units_per_em: u16,
    /// `head` xMin, yMin, xMax, yMax.
    pub bbox: [i16; 4],
    /// `hhea.ascender`.
    pub ascender: i16,
    /// `hhea.descender`.
    pub descender: i16,
    /// `hhea` caretSlopeRise and caretSlopeRun.
    pub caret_slope: (i16, i16),
    /// `OS/2.usWeightClass` (0 without an OS/2 table).
    pub weight_class: u16,
}

/// All faces, loaded together on first use.
pub struct Fonts {
    faces: [&'static FaceData; Face::ALL.len()],
    /// The user's body font file, when the letter's own faces come from it
    /// rather than the bundled Liberation Sans: named in messages.
    user: Option<String>,
}

impl Fonts {
    /// The data for `face`.
    pub fn face(&self, face: Face) -> &FaceData {
        self.faces[face.index()]
    }

    /// The face that prints `c` in a run set in `face`, and its glyph: the
    /// face itself if it has a glyph, otherwise the regular face, otherwise
    /// the first fallback that does, or `None` if no face can print it.
    /// With a user's body font, the fallbacks serve only the scripts they
    /// are for: a Latin, Greek or Cyrillic letter, or punctuation, that the
    /// body font lacks is missing, not printed in another design.
    #[inline]
    pub fn glyph_for(&self, c: char, face: Face) -> Option<(Face, Glyph)> {
        match self.face(face).glyph(c) {
            Some(glyph) => Some((face, glyph)),
            None => self.glyph_elsewhere(c),
        }
    }

    /// [`Fonts::glyph_for`] for a character the run's own face lacks.
    #[inline(never)]
    fn glyph_elsewhere(&self, c: char) -> Option<(Face, Glyph)> {
        if let Some(glyph) = self.face(Face::Regular).glyph(c) {
            return Some((Face::Regular, glyph));
        }
        if self.user.is_some() && body_script(c) {
            return None;
        }
        Face::FALLBACKS.into_iter().find_map(|f| Some((f, self.face(f).glyph(c)?)))
    }

    /// The user's body font file, if the letter is set in one.
    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }
}

/// Characters a body font is expected to have: Latin, Greek, Cyrillic and
/// their marks (everything below Hebrew), and general punctuation.
fn body_script(c: char) -> bool {
    c < '\u{0590}' || ('\u{2000}'..='\u{206F}').contains(&c)
}

/// The bundled faces, in [`Face::ALL`] order.
static BUNDLED: LazyLock<Result<[FaceData; Face::ALL.len()], String>> = LazyLock::new(|| {
    let load = |face: Face| FaceData::load(face, face.bundled());
    Ok([load(Face::Regular)?, load(Face::Bold)?, load(Face::Italic)?, load(Face::Arabic)?, load(Face::Cjk)?])
});

static FONTS: LazyLock<Result<Fonts, String>> = LazyLock::new(|| {
    let faces = BUNDLED.as_ref().map_err(Clone::clone)?;
    Ok(Fonts { faces: Face::ALL.map(|face| &faces[face.index()]), user: None })
});

/// The process-wide fonts, or why they could not be loaded (which would mean
/// a broken build, but is still reported rather than panicking).
pub fn fonts() -> Result<&'static Fonts, String> {
    FONTS.as_ref().map_err(Clone::clone)
}

/// The fonts of a letter set in `body` (the bundled ones without it).
/// Each distinct body font is read and parsed once per process and kept
/// for its life, like the bundled fonts: a batch renders every letter in
/// the same few fonts.
///
/// # Errors
///
/// A file that cannot be read, is too large, is not a font, or has
/// PostScript (CFF) outlines, which foikit cannot subset.
pub fn fonts_for(body: Option<&BodyFont>) -> Result<&'static Fonts, String> {
    let Some(body) = body else { return fonts() };
    static USER: Mutex<Vec<(BodyFont, &'static Fonts)>> = Mutex::new(Vec::new());
    let mut loaded = USER.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, fonts)) = loaded.iter().find(|(b, _)| b == body) {
        return Ok(fonts);
    }
    let bundled = BUNDLED.as_ref().map_err(Clone::clone)?;
    let regular = user_face(Face::Regular, &body.regular)?;
    let styled = |face: Face, file: Option<&std::path::PathBuf>| match file {
        Some(file) => user_face(face, file),
        None => Ok(regular),
    };
    let faces = [
        regular,
        styled(Face::Bold, body.bold.as_ref())?,
        styled(Face::Italic, body.italic.as_ref())?,
        &bundled[Face::Arabic.index()],
        &bundled[Face::Cjk.index()],
    ];
    let fonts: &'static Fonts = Box::leak(Box::new(Fonts { faces, user: Some(body.regular.display().to_string()) }));
    loaded.push((body.clone(), fonts));
    Ok(fonts)
}

/// Reads, checks and parses one of the user's font files, kept for the
/// life of the process.
fn user_face(face: Face, path: &std::path::Path) -> Result<&'static FaceData, String> {
    let name = path.display();
    let bytes = crate::limits::read_file(path, crate::limits::FONT_FILE_BYTES)
        .map_err(|e| format!("cannot read the font file {name}: {e}"))?;
    let parsed =
        ttf_parser::RawFace::parse(&bytes, 0).map_err(|_| format!("{name} is not a TrueType or OpenType font"))?;
    let has = |tag: &[u8; 4]| parsed.table(ttf_parser::Tag::from_bytes(tag)).is_some();
    if has(b"CFF ") || has(b"CFF2") {
        return Err(format!(
            "{name} is an OpenType font with PostScript (CFF) outlines, which foikit cannot embed: \
             use the TrueType (.ttf) version of the font"
        ));
    }
    if !has(b"glyf") {
        return Err(format!("{name} has no TrueType outlines (glyf table)"));
    }
    let program = dehint(&bytes).map_err(|e| format!("{name} cannot be embedded: {e}"))?;
    let shaper =
        ttf_parser::Face::parse(&bytes, 0).map_err(|_| format!("{name} is not a TrueType or OpenType font"))?;
    let glyphs = glyph_table(&shaper);
    let leak = |bytes: Vec<u8>| -> &'static [u8] { Box::leak(bytes.into_boxed_slice()) };
    let data =
        FaceData::load(face, ([leak(bytes), leak(program), leak(glyphs)], None)).map_err(|e| format!("{name}: {e}"))?;
    if data.descriptor_metrics().is_none() {
        return Err(format!("{name} lacks its head or hhea table"));
    }
    Ok(Box::leak(Box::new(data)))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::super::standard::standard_glyphs;
    use super::super::to_unicode::{CodeLength, to_unicode_cmap};
    use super::super::win_ansi;
    use super::*;

    /// The ToUnicode map `build.rs` made for the standard fonts is what
    /// each face's standard characters, under their codes, make now.
    #[test]
    fn the_built_to_unicode_map_reads_each_standard_code_as_its_character() {
        let (name, deflated) = STANDARD_TO_UNICODE;
        let mut built = String::new();
        flate2::read::ZlibDecoder::new(deflated).read_to_string(&mut built).unwrap();
        let fonts = fonts().unwrap();
        for face in [Face::Regular, Face::Bold, Face::Italic] {
            let data = fonts.face(face);
            let (chars, _) = standard_glyphs(|c| Some(data.glyph(c)?.id));
            let mut codes: Vec<(u16, char)> =
                chars.iter().map(|&(c, _)| (u16::from(win_ansi::code(c).expect("a standard code")), c)).collect();
            codes.sort_unstable();
            let now = to_unicode_cmap(name, CodeLength::One, codes.iter().map(|&(code, c)| (code, std::iter::once(c))));
            assert_eq!(built, now, "{face:?}");
        }
    }

    /// The build script's glyph tables say what the fonts' own cmaps and
    /// advances say, for every tabulated code point.
    #[test]
    fn glyph_tables_agree_with_the_fonts() {
        let fonts = fonts().unwrap();
        for face in [Face::Regular, Face::Bold, Face::Italic] {
            let data = fonts.face(face);
            assert!(!data.glyphs.is_empty(), "{face:?} has a table");
            for cp in 0..(data.glyphs.len() / 4) as u32 {
                let Some(c) = char::from_u32(cp) else { continue };
                assert_eq!(data.glyph(c), data.lookup(c), "{face:?} U+{cp:04X}");
            }
        }
    }
}
