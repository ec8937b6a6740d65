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

/// Tables kept: what a PDF viewer and printpdf's subsetter need.
const KEEP: [&[u8; 4]; 10] = [b"OS/2", b"cmap", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name", b"post"];

/// Composite glyph flags (OpenType `glyf` specification).
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

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

fn be16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The font's tables, by tag.
fn directory(font: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let count = usize::from(be16(font, 4)?);
    (0..count)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
            let offset = be32(font, record + 8)? as usize;
            let length = be32(font, record + 12)? as usize;
            Some((tag, font.get(offset..offset.checked_add(length)?)?))
        })
        .collect()
}

/// Rebuilds `glyf` without instructions and the matching long `loca`.
fn strip_glyphs(glyf: &[u8], loca: &[u8], num_glyphs: usize, long_loca: bool) -> Option<(Vec<u8>, Vec<u8>)> {
    let offset = |i: usize| -> Option<usize> {
        if long_loca { be32(loca, 4 * i).map(|o| o as usize) } else { be16(loca, 2 * i).map(|o| 2 * usize::from(o)) }
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (num_glyphs + 1));
    for i in 0..num_glyphs {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        let glyph = glyf.get(offset(i)?..offset(i + 1)?)?;
        new_glyf.extend(strip_glyph(glyph)?);
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
    let contours = be16(glyph, 0)? as i16;
    if contours >= 0 {
        // header, endPtsOfContours, instructionLength, instructions, points
        let at = 10 + 2 * usize::try_from(contours).ok()?;
        let skip = usize::from(be16(glyph, at)?);
        let mut out = glyph.get(..at)?.to_vec();
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(glyph.get(at + 2 + skip..)?);
        Some(out)
    } else {
        strip_composite(glyph)
    }
}

/// A composite glyph without the instructions after its last component.
fn strip_composite(glyph: &[u8]) -> Option<Vec<u8>> {
    let mut out = glyph.get(..10)?.to_vec();
    let mut at = 10;
    loop {
        let flags = be16(glyph, at)?;
        let args = if flags & ARG_1_AND_2_ARE_WORDS != 0 { 4 } else { 2 };
        let transform = if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        let end = at + 4 + args + transform;
        out.extend_from_slice(&(flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
        out.extend_from_slice(glyph.get(at + 2..end)?);
        at = end;
        if flags & MORE_COMPONENTS == 0 {
            return Some(out);
        }
    }
}

/// Sum of big-endian 32-bit words, the sfnt table checksum.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// Writes an sfnt from tables (already in tag order, as read).
fn assemble(tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    let count = tables.len() as u16;
    let power = 1u16 << (15 - count.max(1).leading_zeros());
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for value in [count, power * 16, power.trailing_zeros() as u16, count * 16 - power * 16] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}
