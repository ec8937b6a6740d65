//! The embedded faces: Liberation Sans for the letter, and fallback faces
//! for the scripts it lacks, parsed once per process.
//!
//! Parsing a face for printpdf costs far more than laying out a letter, so
//! it happens at most once per face per process, behind a [`OnceLock`], and
//! only for a face a letter actually shows (the CJK fallback is large).
//! Measuring and shaping use rustybuzz's view of the original bytes, which
//! is cheap to create and keeps the OpenType layout tables that Arabic
//! shaping needs; embedding uses a [dehinted](super::dehint) copy, whose
//! glyph ids are the same.

use std::sync::{LazyLock, Mutex, OnceLock};

use printpdf::ParsedFont;

use super::dehint::dehint;
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

    /// The bundled font of this face.
    fn bundled(self) -> &'static [u8] {
        macro_rules! font {
            ($file:literal) => {
                include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/", $file))
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

/// Glyphs are tabulated for code points below this (Latin, Greek, Cyrillic,
/// Hebrew, general punctuation, currency); rarer characters fall back to a
/// cmap lookup.
const TABLE_LEN: usize = 0x2200;

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

/// One face: glyphs and metrics for layout, shaping and encoding, and the
/// parsed font for subsetting.
pub struct FaceData {
    face: Face,
    /// The font file.
    bytes: &'static [u8],
    /// The original font, layout tables included, for shaping and metrics.
    pub shaper: rustybuzz::Face<'static>,
    glyphs: Box<[Option<Glyph>]>,
    scale: f32,
    parsed: OnceLock<Result<ParsedFont, String>>,
}

impl FaceData {
    fn load(face: Face, bytes: &'static [u8]) -> Result<FaceData, String> {
        let shaper = rustybuzz::Face::from_slice(bytes, 0).ok_or_else(|| format!("font {face:?} is unreadable"))?;
        let scale = 1000.0 / shaper.units_per_em() as f32;
        let mut data = FaceData { face, bytes, shaper, glyphs: Box::new([]), scale, parsed: OnceLock::new() };
        if face < Face::Arabic {
            data.glyphs = (0..TABLE_LEN as u32).map(|cp| char::from_u32(cp).and_then(|c| data.lookup(c))).collect();
        }
        Ok(data)
    }

    /// The face as printpdf parsed it, for subsetting and for the metrics
    /// of the font descriptor; parsed on first use.
    pub fn parsed(&self) -> Result<&ParsedFont, String> {
        let (face, bytes) = (self.face, self.bytes);
        let parse = || {
            let lean = dehint(bytes).map_err(|e| format!("embedded font {face:?}: {e}"))?;
            ParsedFont::from_bytes(&lean, 0, &mut Vec::new())
                .ok_or_else(|| format!("embedded font {face:?} cannot be embedded"))
        };
        self.parsed.get_or_init(parse).as_ref().map_err(Clone::clone)
    }

    /// The glyph for `c`, or `None` if the face has none.
    pub fn glyph(&self, c: char) -> Option<Glyph> {
        match self.glyphs.get(c as usize) {
            Some(&glyph) => glyph,
            None => self.lookup(c),
        }
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

    /// The face that prints `c` in a run set in `face`: the face itself if
    /// it has a glyph, otherwise the regular face, otherwise the first
    /// fallback that does, or `None` if no face can print it. With a
    /// user's body font, the fallbacks serve only the scripts they are for:
    /// a Latin, Greek or Cyrillic letter, or punctuation, that the body
    /// font lacks is missing, not printed in another design.
    pub fn face_for(&self, c: char, face: Face) -> Option<Face> {
        let own = [face, Face::Regular].into_iter().find(|&f| self.face(f).glyph(c).is_some());
        if own.is_some() || (self.user.is_some() && body_script(c)) {
            return own;
        }
        Face::FALLBACKS.into_iter().find(|&f| self.face(f).glyph(c).is_some())
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
    let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    let data = FaceData::load(face, bytes).map_err(|e| format!("{name}: {e}"))?;
    // Checked now, so a font that cannot be embedded fails before layout.
    data.parsed().map_err(|e| format!("{name}: {e}"))?;
    Ok(Box::leak(Box::new(data)))
}
