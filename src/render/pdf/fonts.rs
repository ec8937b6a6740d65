//! The embedded faces: Liberation Sans for the letter, and fallback faces
//! for the scripts it lacks, parsed once per process.
//!
//! Nothing here parses a whole font: measuring and shaping use rustybuzz's
//! view of the original bytes, which is cheap to create and keeps the
//! OpenType layout tables that Arabic shaping needs; embedding subsets a
//! copy dehinted at build time (`build/dehint.rs`), whose glyph ids are the
//! same, so no process pays for stripping hints or for a full parse.

use std::sync::LazyLock;

use ttf_parser::{Tag, name_id};

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
    /// and its glyph table (see `build.rs`; empty for the fallback faces).
    fn bytes(self) -> [&'static [u8]; 3] {
        macro_rules! font {
            ($file:literal) => {
                [
                    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/", $file)).as_slice(),
                    include_bytes!(concat!(env!("OUT_DIR"), "/", $file)).as_slice(),
                    include_bytes!(concat!(env!("OUT_DIR"), "/", $file, ".glyphs")).as_slice(),
                ]
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

/// The glyph table's entry for a code point the face has no glyph for
/// (the build script's `NO_GLYPH`).
const NO_GLYPH: u16 = u16::MAX;

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
/// dehinted font program for subsetting.
pub struct FaceData {
    /// The original font, layout tables included, for shaping and metrics.
    pub shaper: rustybuzz::Face<'static>,
    /// The dehinted font, with the same glyph ids: what is subset and
    /// embedded.
    pub program: &'static [u8],
    /// Glyph id and advance of each common code point, built at build time
    /// (see `build.rs`): four little-endian bytes per code point.
    glyphs: &'static [u8],
    scale: f32,
}

impl FaceData {
    fn load(face: Face) -> Result<FaceData, String> {
        let [original, program, glyphs] = face.bytes();
        let shaper =
            rustybuzz::Face::from_slice(original, 0).ok_or_else(|| format!("embedded font {face:?} is unreadable"))?;
        let scale = 1000.0 / shaper.units_per_em() as f32;
        Ok(FaceData { shaper, program, glyphs, scale })
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

    /// The glyph for `c`, or `None` if the face has none.
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
    faces: [FaceData; Face::ALL.len()],
}

impl Fonts {
    /// The data for `face`.
    pub fn face(&self, face: Face) -> &FaceData {
        &self.faces[face.index()]
    }

    /// The face that prints `c` in a run set in `face`: the face itself if
    /// it has a glyph, otherwise the regular face, otherwise the first
    /// fallback that does, or `None` if no bundled face can print it.
    pub fn face_for(&self, c: char, face: Face) -> Option<Face> {
        [face, Face::Regular].into_iter().chain(Face::FALLBACKS).find(|&f| self.face(f).glyph(c).is_some())
    }
}

static FONTS: LazyLock<Result<Fonts, String>> = LazyLock::new(|| {
    let faces = [
        FaceData::load(Face::Regular)?,
        FaceData::load(Face::Bold)?,
        FaceData::load(Face::Italic)?,
        FaceData::load(Face::Arabic)?,
        FaceData::load(Face::Cjk)?,
    ];
    Ok(Fonts { faces })
});

/// The process-wide fonts, or why they could not be loaded (which would mean
/// a broken build, but is still reported rather than panicking).
pub fn fonts() -> Result<&'static Fonts, String> {
    FONTS.as_ref().map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

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
