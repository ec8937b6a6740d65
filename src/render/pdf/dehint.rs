//! Strips TrueType hinting from a font before it is embedded.
//!
//! Liberation Sans is heavily hinted: in a typical letter's subset, glyph
//! instructions and the `fpgm`/`prep`/`cvt ` programs are well over half
//! the font bytes. PDF viewers draw unhinted outlines perfectly well (most
//! ignore hints at print resolutions anyway), so dropping them roughly
//! halves each embedded face, and with it the time spent compressing it.
//! The kerning and OpenType layout tables go too: layout here uses plain
//! advances, and PDF embedding never reads them. The `name` table keeps
//! the records a reader of the font may want (copyright, names, version,
//! licence) in their Windows form only: Liberation Sans's was 2.9 KB of
//! every embedded face, a third of it a description of the design and
//! half of it the same strings again for the old Macintosh platform.
//!
//! The build script runs it on the bundled fonts, so no process pays for
//! them; a user's body font is dehinted once per process, when loaded.

use super::sfnt::{WE_HAVE_INSTRUCTIONS, assemble, be16, components, directory, glyph, is_composite};

/// Tables kept: what a PDF viewer and the subsetter (`subset`) need, and
/// the font's names.
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
            b"name" => lean_names(data).unwrap_or_else(|| data.to_vec()),
            _ if KEEP.contains(&tag) => data.to_vec(),
            _ => continue,
        };
        out_tables.push((*tag, replaced));
    }
    Ok(assemble(out_tables))
}

/// Name ids kept: copyright, family, subfamily, unique id, full name,
/// version, PostScript name, licence and licence URL (OpenType `name`).
const NAMES_KEPT: [u16; 9] = [0, 1, 2, 3, 4, 5, 6, 13, 14];

/// The Windows platform's id in `name` records.
const WINDOWS: u16 = 3;

/// A format 0 `name` table with only the Windows records of
/// [`NAMES_KEPT`]; `None` (keep the table as it is) for another format,
/// a table without such records, or a malformed one.
fn lean_names(name: &[u8]) -> Option<Vec<u8>> {
    let (format, count, storage) = (be16(name, 0)?, be16(name, 2)?, usize::from(be16(name, 4)?));
    if format != 0 {
        return None;
    }
    let mut kept: Vec<([u8; 8], &[u8])> = Vec::new();
    for record in name.get(6..6 + 12 * usize::from(count))?.chunks_exact(12) {
        let (platform, id) = (be16(record, 0)?, be16(record, 6)?);
        let (length, offset) = (usize::from(be16(record, 8)?), usize::from(be16(record, 10)?));
        let text = name.get(storage + offset..storage + offset + length)?;
        if platform == WINDOWS && NAMES_KEPT.contains(&id) {
            kept.push((record[..8].try_into().ok()?, text));
        }
    }
    if kept.is_empty() {
        return None;
    }
    let count = u16::try_from(kept.len()).ok()?;
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&(6 + 12 * count).to_be_bytes());
    let mut offset = 0u16;
    for (head, text) in &kept {
        let length = u16::try_from(text.len()).ok()?;
        out.extend_from_slice(head);
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&offset.to_be_bytes());
        offset = offset.checked_add(length)?;
    }
    for (_, text) in kept {
        out.extend_from_slice(text);
    }
    Some(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    const LIBERATION: &[u8] =
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/fonts/LiberationSans-Regular.ttf"));

    /// Each name the font gives for `id`, as (platform, text).
    fn names(font: &[u8], id: u16) -> Vec<(u16, String)> {
        let face = ttf_parser::Face::parse(font, 0).unwrap();
        face.names()
            .into_iter()
            .filter(|n| n.name_id == id)
            .map(|n| (n.platform_id as u16, n.to_string().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn names_keep_copyright_family_and_licence_once() {
        let lean = dehint(LIBERATION).unwrap();
        for id in NAMES_KEPT {
            let windows: Vec<_> = names(LIBERATION, id).into_iter().filter(|(p, _)| *p == WINDOWS).collect();
            assert!(!windows.is_empty(), "Liberation has name {id}");
            assert_eq!(names(&lean, id), windows, "name {id}");
        }
        assert!(names(&lean, 10).is_empty(), "the description goes");
        assert!(names(&lean, 0)[0].1.contains("copyright"));
        assert!(names(&lean, 13)[0].1.contains("Open Font License"));
    }

    #[test]
    fn a_name_table_it_cannot_read_is_kept_as_it_is() {
        assert_eq!(lean_names(&[0, 1, 0, 0]), None, "format 1");
        assert_eq!(lean_names(&[0, 0, 0, 5, 0, 66]), None, "records cut off");
        let mac_only = [&[0u8, 0, 0, 1, 0, 18][..], &[0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0], b"A"].concat();
        assert_eq!(lean_names(&mac_only), None, "no Windows names");
    }
}
