//! Shaping with rustybuzz: text in one face and direction → positioned
//! glyphs, for the text that is not one glyph per character left to right
//! (Arabic, whose letters join, and anything right to left).

use std::ops::Range;

use rustybuzz::{Direction, UnicodeBuffer};

use super::fonts::FaceData;

/// One shaped glyph, in visual order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapedGlyph {
    /// The glyph id in the full font.
    pub id: u16,
    /// How far the pen moves after it, in thousandths of an em; may differ
    /// from the glyph's nominal `/W` width (marks, kerning).
    pub advance: u16,
    /// The bytes of the shaped text this glyph's cluster stands for.
    pub cluster: Range<usize>,
}

/// Shapes `text` in `face`, right to left if `rtl`, otherwise in the
/// direction of its script. Glyphs come back in visual (left to right)
/// order.
pub fn shape(face: &FaceData, text: &str, rtl: Option<bool>) -> Vec<ShapedGlyph> {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    if let Some(rtl) = rtl {
        buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
    }
    buffer.guess_segment_properties();
    let shaped = rustybuzz::shape(&face.shaper, &[], buffer);
    let mut starts: Vec<usize> = shaped.glyph_infos().iter().map(|info| info.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: usize| starts.iter().copied().find(|&s| s > start).unwrap_or(text.len());
    shaped
        .glyph_infos()
        .iter()
        .zip(shaped.glyph_positions())
        .map(|(info, position)| {
            let id = u16::try_from(info.glyph_id).unwrap_or(0);
            let units = u16::try_from(position.x_advance.max(0)).unwrap_or(u16::MAX);
            let cluster = info.cluster as usize;
            ShapedGlyph { id, advance: face.to_thousandths(units), cluster: cluster..end_of(cluster) }
        })
        .collect()
}
