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

    fn index(self) -> usize {
        self as usize
    }
}

/// Advances are tabulated for code points below this (Latin, Greek,
/// Cyrillic, general punctuation, currency); rarer characters fall back to
/// a cmap lookup.
const TABLE_LEN: usize = 0x2200;

/// Marks "no glyph" in the advance table.
const MISSING: u16 = u16::MAX;

/// One face: metrics for layout and the parsed font for embedding.
pub struct FaceData {
    metrics: ttf_parser::Face<'static>,
    advances: Box<[u16]>,
    scale: f32,
    /// The face as printpdf needs it for embedding and subsetting.
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
        // The same factor printpdf uses for the /W array, so measured widths
        // equal the widths a viewer draws.
        let scale = 1000.0 / f32::from(metrics.units_per_em());
        let mut data = FaceData { metrics, advances: Box::new([]), scale, parsed };
        data.advances = (0..TABLE_LEN as u32)
            .map(|cp| char::from_u32(cp).and_then(|c| data.lookup(c)).unwrap_or(MISSING))
            .collect();
        Ok(data)
    }

    /// The advance of `c` in thousandths of an em, truncated exactly as
    /// printpdf truncates the widths it writes, or `None` without a glyph.
    pub fn advance(&self, c: char) -> Option<u16> {
        match self.advances.get(c as usize) {
            Some(&MISSING) => None,
            Some(&w) => Some(w),
            None => self.lookup(c),
        }
    }

    fn lookup(&self, c: char) -> Option<u16> {
        let glyph = self.metrics.glyph_index(c)?;
        let units = self.metrics.glyph_hor_advance(glyph)?;
        // Truncation (not rounding) mirrors `get_normalized_widths_codes`.
        Some((f32::from(units) * self.scale) as u16)
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
