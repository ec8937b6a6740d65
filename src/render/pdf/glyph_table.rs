//! Glyph tables: for each common code point, the glyph id and advance a
//! face gives it, so layout looks characters up by index rather than in the
//! font's cmap. Built at build time for the bundled faces (the build script
//! includes this file) and once per process for a user's body font.

/// Glyphs are tabulated for code points below this (Latin, Greek, Cyrillic,
/// Hebrew, general punctuation, currency); rarer characters are looked up
/// in the font's cmap.
pub const TABLE_LEN: u32 = 0x2200;

/// The entry for a code point the face has no glyph for.
pub const NO_GLYPH: u16 = u16::MAX;

/// Per code point below [`TABLE_LEN`], four bytes: the glyph id and its
/// advance in thousandths of an em (truncated, as layout measures), both
/// little-endian, or [`NO_GLYPH`] and 0.
pub fn glyph_table(face: &ttf_parser::Face<'_>) -> Vec<u8> {
    let scale = 1000.0 / f32::from(face.units_per_em());
    let mut table = Vec::with_capacity(4 * TABLE_LEN as usize);
    for cp in 0..TABLE_LEN {
        let glyph = char::from_u32(cp).and_then(|c| face.glyph_index(c)).and_then(|id| {
            let units = face.glyph_hor_advance(id)?;
            Some((id.0, (f32::from(units) * scale) as u16))
        });
        let (id, advance) = glyph.unwrap_or((NO_GLYPH, 0));
        table.extend_from_slice(&id.to_le_bytes());
        table.extend_from_slice(&advance.to_le_bytes());
    }
    table
}
