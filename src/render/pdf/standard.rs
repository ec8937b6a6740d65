//! The standard subset of each bundled letter face: the glyphs of printable
//! ASCII and the typographic marks foikit's templates and clerks' text use,
//! subset and deflated once, when foikit is built (`build.rs`, with
//! [`subset`](super::subset) itself).
//!
//! A letter whose text in a face needs no other glyph embeds that face's
//! standard subset as it was built, so no process subsets or deflates the
//! font: 1.25 million instructions less in a one-letter process (14.86 M
//! to 13.61 M for 43342), a twelfth of it. The price is the glyphs a
//! letter carries without showing them: 43342's two faces grew from 9.9
//! and 9.4 KB to 12.3 KB each (6.8 and 6.4 KB deflated to 8.3 KB each;
//! libdeflate's best level, which run time could not afford, gains only
//! 3% on glyph outlines). Trimming the faces' `name` tables (see
//! [`dehint`](super::dehint)) won most of that back: the PDF is 34,945 B
//! against 33,843 B. A letter that shows any other glyph in a face (an
//! accented name, say) has that face subset at run time, as before.
//!
//! This file is shared with the build script, so both read the same set.

use std::ops::RangeInclusive;

/// The characters of the standard subsets: printable ASCII, the no-break
/// space, the middle dot and the pound sign, dashes, curly quotes, the
/// bullet, the ellipsis and the euro sign.
pub const STANDARD_CHARS: [RangeInclusive<char>; 10] = [
    ' '..='~',
    '\u{A0}'..='\u{A0}',
    '\u{A3}'..='\u{A3}',
    '\u{B7}'..='\u{B7}',
    '\u{2013}'..='\u{2014}',
    '\u{2018}'..='\u{2019}',
    '\u{201C}'..='\u{201D}',
    '\u{2022}'..='\u{2022}',
    '\u{2026}'..='\u{2026}',
    '\u{20AC}'..='\u{20AC}',
];

/// The standard characters each with its glyph id in a face (`glyph`
/// looks one up), and the subset's glyph ids: `.notdef` first, then
/// every distinct glyph in ascending order, as the subsetter takes them.
/// A character the face lacks is left out.
pub fn standard_glyphs(glyph: impl Fn(char) -> Option<u16>) -> (Vec<(char, u16)>, Vec<u16>) {
    let chars: Vec<(char, u16)> = STANDARD_CHARS
        .iter()
        .cloned()
        .flatten()
        .filter_map(|c| Some((c, glyph(c)?)))
        .filter(|&(_, id)| id != 0)
        .collect();
    let mut ids: Vec<u16> = chars.iter().map(|&(_, id)| id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.insert(0, 0);
    (chars, ids)
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::super::fonts::{Face, fonts};
    use super::super::subset::subset;
    use super::*;

    #[test]
    fn each_built_subset_is_what_subsetting_its_glyphs_makes_now() {
        let fonts = fonts().unwrap();
        for face in [Face::Regular, Face::Bold, Face::Italic] {
            let data = fonts.face(face);
            let built = data.standard.unwrap_or_else(|| panic!("{face:?} has a standard subset"));
            let (chars, ids) = standard_glyphs(|c| Some(data.glyph(c)?.id));
            assert_eq!(built.ids, ids, "{face:?}");
            assert_eq!(chars.len(), STANDARD_CHARS.iter().cloned().flatten().count(), "{face:?} has every character");
            let program = subset(data.program, &ids, &chars).unwrap();
            let mut inflated = Vec::new();
            flate2::read::ZlibDecoder::new(built.deflated).read_to_end(&mut inflated).unwrap();
            assert_eq!((built.length, inflated), (program.len(), program), "{face:?}");
        }
        for face in [Face::Arabic, Face::Cjk] {
            assert!(fonts.face(face).standard.is_none(), "{face:?}");
        }
    }
}
