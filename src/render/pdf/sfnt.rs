//! Reading and writing the TrueType container (sfnt): the table directory,
//! big-endian fields, composite glyph records and checksums, shared by the
//! two programs that rewrite a font before it is embedded (`dehint`, run by
//! the build script too, and `subset`).

/// Set on the `flags` of a composite glyph's component record whose
/// component is followed by another (OpenType `glyf` specification).
const MORE_COMPONENTS: u16 = 0x0020;
/// Set on a composite glyph's last component record when instructions
/// follow the records.
pub const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;

pub fn be16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

pub fn be32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// The font's tables, by tag, in directory order.
pub fn directory(font: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
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

/// Glyph `i`'s bytes in `glyf`, located by `loca` (long offsets if
/// `long_loca`); `None` where either table is too short or the offsets
/// run backwards.
pub fn glyph<'a>(glyf: &'a [u8], loca: &[u8], long_loca: bool, i: usize) -> Option<&'a [u8]> {
    let offset = |i: usize| -> Option<usize> {
        if long_loca { be32(loca, 4 * i).map(|o| o as usize) } else { be16(loca, 2 * i).map(|o| 2 * usize::from(o)) }
    };
    glyf.get(offset(i)?..offset(i + 1)?)
}

/// Whether `glyph` (non-empty) is a composite: a negative contour count.
pub fn is_composite(glyph: &[u8]) -> bool {
    be16(glyph, 0).is_some_and(|contours| (contours as i16) < 0)
}

/// One component record of a composite glyph.
pub struct Component {
    /// Where the record starts in the glyph: its flags, then at `at + 2`
    /// the component's glyph id.
    pub at: usize,
    pub flags: u16,
    /// Where the record ends.
    pub end: usize,
}

/// The component records of composite `glyph`, in order; `None` if a
/// record runs past the glyph's end.
pub fn components(glyph: &[u8]) -> Option<Vec<Component>> {
    let mut records = Vec::new();
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
        if end > glyph.len() {
            return None;
        }
        records.push(Component { at, flags, end });
        at = end;
        if flags & MORE_COMPONENTS == 0 {
            return Some(records);
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

/// Writes a TrueType font from its tables, which must be in tag order
/// (as a directory lists them), and sets `head`'s checksum adjustment.
pub fn assemble(tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    let count = tables.len() as u16;
    let power = 1u16 << (15 - count.max(1).leading_zeros());
    let mut out = Vec::with_capacity(12 + 16 * tables.len() + tables.iter().map(|(_, d)| d.len() + 3).sum::<usize>());
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
