//! Strips TrueType hinting from a font before it is embedded.
//!
//! Liberation Sans is heavily hinted: in a typical letter's subset, glyph
//! instructions and the `fpgm`/`prep`/`cvt ` programs are well over half
//! the font bytes. PDF viewers draw unhinted outlines perfectly well (most
//! ignore hints at print resolutions anyway), so dropping them roughly
//! halves each embedded face, and with it the time spent compressing it.
//! The kerning and OpenType layout tables go too: layout here uses plain
//! advances, and PDF embedding never reads them.
//!
//! The build script runs it on the bundled fonts, so no process pays for
//! them; a user's body font is dehinted once per process, when loaded.

use super::sfnt::{WE_HAVE_INSTRUCTIONS, assemble, be16, components, directory, glyph, is_composite};

/// Tables kept: what a PDF viewer and the subsetter (`subset`) need.
const KEEP: [&[u8; 4]; 10] = [b"OS/2", b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"post"];

/// Returns `font` without hinting instructions and unneeded tables.
pub fn dehint(font: &[u8]) -> Result<Vec<u8>, String> {
    let tables = directory(font).ok_or("font table directory is truncated")?;
    let find = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|(_, data)| *data);
    let (Some(head), Some(maxp), Some(loca), Some(glyf)) = (find(b"head"), find(b"maxp"), find(b"loca"), find(b"glyf"))
    else {
        return Err("font lacks head, maxp, loca or glyf".into());
    };
    let num_glyphs = usize::from(be16(maxp, 4).ok_or("maxp is truncated")?);
    let long_loca = be16(head, 50).ok_or("head is truncated")? == 1;
    let (mut new_glyf, mut new_loca) =
        strip_glyphs(glyf, loca, num_glyphs, long_loca).ok_or("glyf or loca is malformed")?;

    let mut new_head = head.to_vec();
    new_head[8..12].fill(0); // checkSumAdjustment, recomputed below
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes()); // long loca offsets
    let mut new_maxp = maxp.to_vec();
    if new_maxp.len() >= 28 {
        new_maxp[26..28].fill(0); // maxSizeOfInstructions
    }

    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for (tag, data) in &tables {
        let replaced = match tag {
            b"head" => std::mem::take(&mut new_head),
            b"maxp" => std::mem::take(&mut new_maxp),
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            _ if KEEP.contains(&tag) => data.to_vec(),
            _ => continue,
        };
        out_tables.push((*tag, replaced));
    }
    Ok(assemble(out_tables))
}

/// Rebuilds `glyf` without instructions and the matching long `loca`.
fn strip_glyphs(glyf: &[u8], loca: &[u8], num_glyphs: usize, long_loca: bool) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (num_glyphs + 1));
    for i in 0..num_glyphs {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        new_glyf.extend(strip_glyph(glyph(glyf, loca, long_loca, i)?)?);
        while new_glyf.len() % 4 != 0 {
            new_glyf.push(0);
        }
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
    Some((new_glyf, new_loca))
}

/// One glyph without its instructions.
fn strip_glyph(glyph: &[u8]) -> Option<Vec<u8>> {
    if glyph.is_empty() {
        return Some(Vec::new());
    }
    if is_composite(glyph) {
        return strip_composite(glyph);
    }
    // header, endPtsOfContours, instructionLength, instructions, points
    let contours = be16(glyph, 0)?;
    let at = 10 + 2 * usize::from(contours);
    let skip = usize::from(be16(glyph, at)?);
    let mut out = glyph.get(..at)?.to_vec();
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(glyph.get(at + 2 + skip..)?);
    Some(out)
}

/// A composite glyph without the instructions after its last component.
fn strip_composite(glyph: &[u8]) -> Option<Vec<u8>> {
    let mut out = glyph.get(..10)?.to_vec();
    for component in components(glyph)? {
        out.extend_from_slice(&(component.flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
        out.extend_from_slice(&glyph[component.at + 2..component.end]);
    }
    Some(out)
}
