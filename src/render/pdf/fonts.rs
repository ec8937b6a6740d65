//! The embedded Liberation Sans faces, parsed once per process.
//!
//! Parsing a face for printpdf costs far more than laying out a letter, so
//! both parses (ttf-parser for measuring, printpdf for embedding, the latter
//! of a [dehinted](super::dehint) copy) happen once behind a [`LazyLock`]
//! and every render borrows the result.

use std::sync::LazyLock;

use printpdf::ParsedFont;

use super::dehint::dehint;

/// A typeface used by the letter. Three faces cover everything the document
/// model can express (plain, strong, emphasis); bold italic is deliberately
/// absent so no letter ever pays for subsetting a fourth face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    /// Body text, links, footers.
    Regular,
    /// Headings, strong runs, table headers, the DRAFT mark.
    Bold,
    /// Emphasis runs.
    Italic,
}

impl Face {
    /// Every face, in resource id order.
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    /// The PDF resource id. Fixed (rather than printpdf's counter-based ids)
    /// so that two renders produce identical bytes; the first six capitals
    /// also become the font's subset tag, which must be uppercase letters.
    pub fn resource_id(self) -> &'static str {
        match self {
            Face::Regular => "AAAAAA",
            Face::Bold => "AAAAAB",
            Face::Italic => "AAAAAC",
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => {
                include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/LiberationSans-Regular.ttf"))
            }
            Face::Bold => include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/LiberationSans-Bold.ttf")),
            Face::Italic => {
                include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/LiberationSans-Italic.ttf"))
            }
        }
    }

    /// The position of the face in [`Face::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Glyphs are tabulated for code points below this (Latin, Greek, Cyrillic,
/// general punctuation, currency); rarer characters fall back to a cmap
/// lookup.
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

/// One face: glyphs and metrics for layout and encoding, and the parsed font
/// for subsetting.
pub struct FaceData {
    metrics: ttf_parser::Face<'static>,
    glyphs: Box<[Option<Glyph>]>,
    scale: f32,
    /// The face as printpdf parsed it, for subsetting and for the metrics
    /// of the font descriptor.
    pub parsed: ParsedFont,
}

impl FaceData {
    fn load(face: Face) -> Result<FaceData, String> {
        let bytes = face.bytes();
        let metrics =
            ttf_parser::Face::parse(bytes, 0).map_err(|e| format!("embedded font {face:?} is unreadable: {e}"))?;
        let lean = dehint(bytes).map_err(|e| format!("embedded font {face:?}: {e}"))?;
        let parsed = ParsedFont::from_bytes(&lean, 0, &mut Vec::new())
            .ok_or_else(|| format!("embedded font {face:?} cannot be embedded"))?;
        let scale = 1000.0 / f32::from(metrics.units_per_em());
        let mut data = FaceData { metrics, glyphs: Box::new([]), scale, parsed };
        data.glyphs = (0..TABLE_LEN as u32).map(|cp| char::from_u32(cp).and_then(|c| data.lookup(c))).collect();
        Ok(data)
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

    /// How many glyphs the full font has: glyph ids are below this.
    pub fn glyph_count(&self) -> u16 {
        self.metrics.number_of_glyphs()
    }

    fn lookup(&self, c: char) -> Option<Glyph> {
        let id = self.metrics.glyph_index(c)?;
        let units = self.metrics.glyph_hor_advance(id)?;
        // Truncated, not rounded: the widths printpdf used to write, kept so
        // that layout (and every line break) stays as it was.
        Some(Glyph { id: id.0, advance: (f32::from(units) * self.scale) as u16 })
    }

    /// Ascender and descender as fractions of the em, for placing baselines.
    pub fn vertical_extent(&self) -> (f32, f32) {
        let upem = f32::from(self.metrics.units_per_em());
        (f32::from(self.metrics.ascender()) / upem, -f32::from(self.metrics.descender()) / upem)
    }
}

/// All faces, loaded together on first use.
pub struct Fonts {
    faces: [FaceData; 3],
}

impl Fonts {
    /// The data for `face`.
    pub fn face(&self, face: Face) -> &FaceData {
        &self.faces[face.index()]
    }
}

static FONTS: LazyLock<Result<Fonts, String>> = LazyLock::new(|| {
    let faces = [FaceData::load(Face::Regular)?, FaceData::load(Face::Bold)?, FaceData::load(Face::Italic)?];
    Ok(Fonts { faces })
});

/// The process-wide fonts, or why they could not be loaded (which would mean
/// a broken build, but is still reported rather than panicking).
pub fn fonts() -> Result<&'static Fonts, String> {
    FONTS.as_ref().map_err(Clone::clone)
}
