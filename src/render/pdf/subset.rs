//! Font subsetting: the TrueType program a PDF embeds, holding only the
//! glyphs its letter shows.
//!
//! Written here rather than taken from a font library because the one
//! printpdf used (allsorts) parsed every glyph of the face into an owned
//! outline before it could keep any: for Liberation Sans that was 2.6
//! million instructions and 0.9 MB of heap per face in a one-letter
//! process (a third of the letter's PDF). This copies the kept glyphs'
//! bytes as they are, renumbering only composite glyphs' components, and
//! reads nothing else of `glyf`. Every face it is given is a `glyf` font
//! without hinting, as [`dehint`](super::dehint) leaves it.

use super::sfnt::{assemble, be16, components, directory, glyph, is_composite};

/// The program holding glyphs `ids` of `font` (`.notdef` first, no
/// repeats), each renumbered to its position in `ids`, with the components
/// of composite glyphs appended after them; its `cmap` maps each of `chars`
/// to the new id of its glyph (an old id among `ids`).
pub fn subset(font: &[u8], ids: &[u16], chars: &[(char, u16)]) -> Result<Vec<u8>, String> {
    let tables = directory(font).ok_or("the font's table directory is truncated")?;
    let find = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|(_, data)| *data);
    let table = |tag: &[u8; 4]| find(tag).ok_or_else(|| format!("the font has no `{}` table", tag.escape_ascii()));
    let (head, hhea, maxp, hmtx, loca, glyf) =
        (table(b"head")?, table(b"hhea")?, table(b"maxp")?, table(b"hmtx")?, table(b"loca")?, table(b"glyf")?);
    let truncated = |tag: &str| format!("the font's `{tag}` table is truncated");
    let num_glyphs = be16(maxp, 4).ok_or_else(|| truncated("maxp"))?;
    let long_loca = be16(head, 50).ok_or_else(|| truncated("head"))? == 1;
    let metrics = be16(hhea, 34).ok_or_else(|| truncated("hhea"))?;

    let (order, new_id) = closure(ids, num_glyphs, |id| glyph(glyf, loca, long_loca, usize::from(id)))?;
    let count = u16::try_from(order.len()).map_err(|_| "the subset has more than 65 535 glyphs")?;

    let mut new_glyf = Vec::new();
    let mut offsets = Vec::with_capacity(order.len() + 1);
    let mut new_hmtx = Vec::with_capacity(4 * order.len());
    for &old in &order {
        offsets.push(new_glyf.len());
        let bytes = glyph(glyf, loca, long_loca, usize::from(old)).ok_or_else(|| truncated("glyf"))?;
        let start = new_glyf.len();
        new_glyf.extend_from_slice(bytes);
        if !bytes.is_empty() && is_composite(bytes) {
            for component in components(bytes).ok_or_else(|| truncated("glyf"))? {
                let at = start + component.at + 2;
                let old_component = be16(&new_glyf, at).ok_or_else(|| truncated("glyf"))?;
                new_glyf[at..at + 2].copy_from_slice(&new_id[usize::from(old_component)].to_be_bytes());
            }
        }
        if new_glyf.len() % 2 == 1 {
            new_glyf.push(0);
        }
        new_hmtx.extend_from_slice(&horizontal_metric(hmtx, metrics, old).ok_or_else(|| truncated("hmtx"))?);
    }
    offsets.push(new_glyf.len());
    // Short offsets (halved) where they reach, as most fonts have them.
    let short = new_glyf.len() / 2 <= usize::from(u16::MAX);
    let new_loca: Vec<u8> = if short {
        offsets.iter().flat_map(|&o| ((o / 2) as u16).to_be_bytes()).collect()
    } else {
        offsets.iter().flat_map(|&o| (o as u32).to_be_bytes()).collect()
    };

    let mut new_head = head.to_vec();
    new_head.get_mut(8..12).ok_or_else(|| truncated("head"))?.fill(0); // checksum adjustment, set by `assemble`
    new_head[50..52].copy_from_slice(&u16::from(!short).to_be_bytes());
    let mut new_hhea = hhea.to_vec();
    new_hhea[34..36].copy_from_slice(&count.to_be_bytes());
    let mut new_maxp = maxp.to_vec();
    new_maxp[4..6].copy_from_slice(&count.to_be_bytes());

    let mut out: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(10);
    if let Some(os2) = find(b"OS/2") {
        out.push((*b"OS/2", os2.to_vec()));
    }
    let mapped: Vec<(u32, u16)> = chars
        .iter()
        .filter_map(|&(c, old)| new_id.get(usize::from(old)).filter(|&&id| id != UNMAPPED).map(|&id| (c as u32, id)))
        .collect();
    out.push((*b"cmap", cmap(mapped)));
    out.push((*b"glyf", new_glyf));
    out.push((*b"head", new_head));
    out.push((*b"hhea", new_hhea));
    out.push((*b"hmtx", new_hmtx));
    out.push((*b"loca", new_loca));
    out.push((*b"maxp", new_maxp));
    if let Some(name) = find(b"name") {
        out.push((*b"name", name.to_vec()));
    }
    if let Some(post) = find(b"post") {
        // Version 3: the header alone, without glyph names, which would
        // name the old ids.
        let mut post = post.get(..32).ok_or_else(|| truncated("post"))?.to_vec();
        post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
        out.push((*b"post", post));
    }
    Ok(assemble(out))
}

/// Marks a glyph of the face that is not in the subset.
const UNMAPPED: u16 = u16::MAX;

/// The glyphs to keep, in new-id order (`ids`, then the components of
/// composite glyphs as they are first met), and for every glyph of the
/// face its new id or [`UNMAPPED`].
fn closure<'a>(
    ids: &[u16],
    num_glyphs: u16,
    glyph: impl Fn(u16) -> Option<&'a [u8]>,
) -> Result<(Vec<u16>, Vec<u16>), String> {
    if ids.first() != Some(&0) {
        return Err("a subset starts with glyph 0 (.notdef)".into());
    }
    let mut new_id = vec![UNMAPPED; usize::from(num_glyphs)];
    let mut order = Vec::with_capacity(ids.len());
    let mut keep = |id: u16, order: &mut Vec<u16>| -> Result<bool, String> {
        let slot = new_id.get_mut(usize::from(id)).ok_or_else(|| format!("the font has no glyph {id}"))?;
        if *slot != UNMAPPED {
            return Ok(false);
        }
        *slot = u16::try_from(order.len()).ok().filter(|&n| n != UNMAPPED).ok_or("the subset has too many glyphs")?;
        order.push(id);
        Ok(true)
    };
    for &id in ids {
        if !keep(id, &mut order)? {
            return Err(format!("glyph {id} is asked for twice"));
        }
    }
    let mut next = 0;
    while let Some(&id) = order.get(next) {
        next += 1;
        let bytes = glyph(id).ok_or_else(|| format!("glyph {id} lies outside the font's `glyf` table"))?;
        if bytes.is_empty() || !is_composite(bytes) {
            continue;
        }
        for component in components(bytes).ok_or_else(|| format!("composite glyph {id} is truncated"))? {
            let component = be16(bytes, component.at + 2).unwrap_or(0);
            keep(component, &mut order)?;
        }
    }
    Ok((order, new_id))
}

/// Glyph `id`'s advance width and left side bearing from `hmtx`, whose
/// first `metrics` entries are pairs and the rest bearings alone (sharing
/// the last pair's advance).
fn horizontal_metric(hmtx: &[u8], metrics: u16, id: u16) -> Option<[u8; 4]> {
    let (metrics, id) = (usize::from(metrics), usize::from(id));
    let advance = be16(hmtx, 4 * id.min(metrics.checked_sub(1)?))?;
    let bearing = if id < metrics { be16(hmtx, 4 * id + 2)? } else { be16(hmtx, 4 * metrics + 2 * (id - metrics))? };
    let [a0, a1] = advance.to_be_bytes();
    let [b0, b1] = bearing.to_be_bytes();
    Some([a0, a1, b0, b1])
}

/// A `cmap` table for `mapped` (code point, new glyph id) pairs: a Windows
/// Unicode BMP subtable (format 4), and a full-repertoire one (format 12)
/// as well when a code point lies beyond the BMP.
fn cmap(mut mapped: Vec<(u32, u16)>) -> Vec<u8> {
    mapped.sort_unstable();
    mapped.dedup_by_key(|&mut (c, _)| c);
    let bmp: Vec<(u32, u16)> = mapped.iter().copied().filter(|&(c, _)| c < 0xFFFF).collect();
    let mut subtables = vec![((3u16, 1u16), format4(&bmp))];
    if bmp.len() < mapped.len() {
        subtables.push(((3, 10), format12(&mapped)));
    }
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(subtables.len() as u16).to_be_bytes());
    let mut offset = 4 + 8 * subtables.len();
    for ((platform, encoding), table) in &subtables {
        out.extend_from_slice(&platform.to_be_bytes());
        out.extend_from_slice(&encoding.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        offset += table.len();
    }
    for (_, table) in subtables {
        out.extend(table);
    }
    out
}

/// Runs of consecutive code points mapped to consecutive glyph ids, as
/// `(first code point, last code point, first glyph id)`.
fn runs(mapped: &[(u32, u16)]) -> Vec<(u32, u32, u16)> {
    mapped
        .chunk_by(|a, b| a.0 + 1 == b.0 && u32::from(a.1) + 1 == u32::from(b.1))
        .map(|run| (run[0].0, run[run.len() - 1].0, run[0].1))
        .collect()
}

/// Format 4: segments with a delta each (no glyph index array), closed by
/// the 0xFFFF segment the format requires.
fn format4(bmp: &[(u32, u16)]) -> Vec<u8> {
    let mut segments: Vec<(u16, u16, u16)> = runs(bmp)
        .into_iter()
        .map(|(first, last, id)| (first as u16, last as u16, id.wrapping_sub(first as u16)))
        .collect();
    segments.push((0xFFFF, 0xFFFF, 1));
    let count = segments.len() as u16;
    let power = 1u16 << (15 - count.leading_zeros());
    let mut out = Vec::with_capacity(16 + 8 * segments.len());
    let length = 16 + 8 * segments.len();
    for value in [4, length as u16, 0, 2 * count, 2 * power, power.trailing_zeros() as u16, 2 * count - 2 * power] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    out.extend(segments.iter().flat_map(|s| s.1.to_be_bytes()));
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend(segments.iter().flat_map(|s| s.0.to_be_bytes()));
    out.extend(segments.iter().flat_map(|s| s.2.to_be_bytes()));
    out.extend(segments.iter().flat_map(|_| 0u16.to_be_bytes()));
    out
}

/// Format 12: sequential map groups over every code point.
fn format12(mapped: &[(u32, u16)]) -> Vec<u8> {
    let groups = runs(mapped);
    let mut out = Vec::with_capacity(16 + 12 * groups.len());
    out.extend_from_slice(&12u16.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    for value in [16 + 12 * groups.len() as u32, 0, groups.len() as u32] {
        out.extend_from_slice(&value.to_be_bytes());
    }
    for (first, last, id) in groups {
        for value in [first, last, u32::from(id)] {
            out.extend_from_slice(&value.to_be_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use ttf_parser::{GlyphId, OutlineBuilder};

    use super::super::fonts::{Face, fonts};
    use super::*;

    /// An outline as the drawing commands a reader makes of it.
    #[derive(Default, PartialEq, Debug)]
    struct Drawn(Vec<String>);

    impl OutlineBuilder for Drawn {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("M {x} {y}"));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(format!("L {x} {y}"));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(format!("Q {x1} {y1} {x} {y}"));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(format!("C {x1} {y1} {x2} {y2} {x} {y}"));
        }
        fn close(&mut self) {
            self.0.push("Z".into());
        }
    }

    fn drawn(face: &ttf_parser::Face<'_>, id: u16) -> Drawn {
        let mut drawn = Drawn::default();
        face.outline_glyph(GlyphId(id), &mut drawn);
        drawn
    }

    /// A face's program and the glyph ids of `text`'s characters.
    fn program_and_ids(face: Face, text: &str) -> (&'static [u8], Vec<(char, u16)>) {
        let data = fonts().unwrap().face(face);
        let chars = text.chars().map(|c| (c, data.glyph(c).expect("the face has it").id)).collect();
        (data.program, chars)
    }

    /// Every kept glyph is drawn, advanced and reached from its
    /// character exactly as in the full face, composites (accented
    /// letters in Liberation Sans) through their renumbered components.
    #[test]
    fn kept_glyphs_are_the_faces_own() {
        for face in [Face::Regular, Face::Bold, Face::Italic] {
            let (program, chars) = program_and_ids(face, "Ref 43342: Dear Ms Ó Súilleabháin, £25 – “Zoë”, naïve");
            let mut ids = vec![0];
            for &(_, id) in &chars {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            let bytes = subset(program, &ids, &chars).unwrap();
            let full = ttf_parser::Face::parse(program, 0).unwrap();
            let part = ttf_parser::Face::parse(&bytes, 0).expect("the subset parses");
            assert!(part.number_of_glyphs() as usize > ids.len(), "{face:?}: components were appended");
            for (new, &old) in ids.iter().enumerate() {
                let new = new as u16;
                assert_eq!(drawn(&part, new), drawn(&full, old), "{face:?} glyph {old}");
                assert_eq!(part.glyph_hor_advance(GlyphId(new)), full.glyph_hor_advance(GlyphId(old)));
                assert_eq!(part.glyph_hor_side_bearing(GlyphId(new)), full.glyph_hor_side_bearing(GlyphId(old)));
            }
            for &(c, old) in &chars {
                let new = ids.iter().position(|&id| id == old).unwrap() as u16;
                assert_eq!(part.glyph_index(c), Some(GlyphId(new)), "{face:?} {c:?}");
            }
            assert_eq!(part.glyph_index('X'), None, "{face:?}: only what was asked is mapped");
            assert_eq!(part.units_per_em(), full.units_per_em());
            assert!(bytes.len() < program.len() / 10, "{face:?}: {} bytes", bytes.len());
        }
    }

    /// Code points beyond the BMP get a full-repertoire subtable; the
    /// BMP ones stay in the format 4 one too.
    #[test]
    fn code_points_beyond_the_bmp_are_mapped() {
        let (program, chars) = program_and_ids(Face::Regular, "Ab");
        let mapped = [chars[0], chars[1], ('\u{1D400}', chars[0].1)];
        let bytes = subset(program, &[0, chars[0].1, chars[1].1], &mapped).unwrap();
        let part = ttf_parser::Face::parse(&bytes, 0).unwrap();
        assert_eq!(part.glyph_index('\u{1D400}'), Some(GlyphId(1)));
        assert_eq!(part.glyph_index('A'), Some(GlyphId(1)));
        assert_eq!(part.glyph_index('b'), Some(GlyphId(2)));
    }

    /// Bad requests and damaged fonts are errors, never panics.
    #[test]
    fn bad_input_is_an_error() {
        let (program, chars) = program_and_ids(Face::Regular, "A");
        let a = chars[0].1;
        assert!(subset(program, &[a], &[]).unwrap_err().contains(".notdef"));
        assert!(subset(program, &[0, a, a], &[]).unwrap_err().contains("twice"));
        assert!(subset(program, &[0, 60_000], &[]).unwrap_err().contains("no glyph"));
        for cut in [0, 11, 100, program.len() / 2, program.len() - 1] {
            let _ = subset(&program[..cut], &[0, a], &chars);
        }
        let mut damaged = program.to_vec();
        for at in (12..damaged.len()).step_by(997) {
            damaged[at] ^= 0xA5;
            let _ = subset(&damaged, &[0, a], &chars);
        }
    }
}
