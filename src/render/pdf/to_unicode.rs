//! The `/ToUnicode` CMap of an embedded face: what each code reads as, so
//! text can be searched, copied and read aloud.
//!
//! Written byte for byte as printpdf wrote it (the same header, `bfchar`
//! blocks of at most 100 entries that never straddle a high byte, targets
//! in UTF-16BE), so PDFs stay identical now that printpdf is not used.

use std::fmt::Write;

/// Entries per `beginbfchar` block: the CMap format allows at most 100.
const BLOCK: usize = 100;

/// How many bytes a font's codes take: one in a simple font, two in the
/// composite (Identity-H) ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeLength {
    One,
    Two,
}

/// The CMap named `name` mapping each code, `length` bytes long, to its
/// text; `mappings` must come in ascending code order.
pub fn to_unicode_cmap<I>(name: &str, length: CodeLength, mappings: impl IntoIterator<Item = (u16, I)>) -> String
where
    I: Iterator<Item = char>,
{
    let (codespace, width) = match length {
        CodeLength::One => ("<00> <FF>", 2),
        CodeLength::Two => ("<0000> <FFFF>", 4),
    };
    let mut cmap = format!(
        concat!(
            "/CIDInit /ProcSet findresource begin\n\n12 dict begin\n\nbegincmap\n\n",
            "%!PS-Adobe-3.0 Resource-CMap\n%%DocumentNeededResources: procset CIDInit\n",
            "%%IncludeResource: procset CIDInit\n\n/CIDSystemInfo 3 dict dup begin\n",
            "/Registry (FontSpecific) def\n/Ordering ({name}) def\n/Supplement 0 def\nend def\n\n",
            "/CMapName /FontSpecific-{name} def\n/CMapVersion 1 def\n/CMapType 2 def\n/WMode 0 def\n\n",
            "1 begincodespacerange\n{codespace}\nendcodespacerange\n",
        ),
        name = name,
        codespace = codespace,
    );
    let entries: Vec<(u16, String)> = mappings
        .into_iter()
        .map(|(code, chars)| {
            let mut target = String::new();
            for unit in chars.flat_map(|c| c.encode_utf16(&mut [0; 2]).to_vec()) {
                let _ = write!(target, "{unit:04X}");
            }
            (code, target)
        })
        .collect();
    for same_high_byte in entries.chunk_by(|a, b| a.0 >> 8 == b.0 >> 8) {
        for block in same_high_byte.chunks(BLOCK) {
            let _ = writeln!(cmap, "{} beginbfchar", block.len());
            for (code, target) in block {
                let _ = writeln!(cmap, "<{code:0width$X}> <{target}>");
            }
            cmap.push_str("endbfchar\n");
        }
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_split_at_100_entries_and_at_each_high_byte() {
        let mappings = (1u16..=150).chain([0x0100]).map(|code| (code, "a".chars()));
        let cmap = to_unicode_cmap("AAAAAA", CodeLength::Two, mappings);
        let blocks: Vec<&str> = cmap.lines().filter(|l| l.ends_with("beginbfchar")).collect();
        assert_eq!(blocks, ["100 beginbfchar", "50 beginbfchar", "1 beginbfchar"]);
        assert!(cmap.contains("/CMapName /FontSpecific-AAAAAA def"));
    }

    #[test]
    fn writes_what_printpdf_writes() {
        // Codes across several high bytes, ligatures and a character outside the BMP.
        let text = |code: u16| -> Vec<char> {
            match code % 7 {
                0 => vec!['f', 'i'],
                1 => vec!['\u{1F600}'],
                _ => vec![char::from_u32(0x41 + u32::from(code % 900)).unwrap_or('?')],
            }
        };
        let codes: Vec<u16> = (1..=260).chain(0x1F0..0x230).chain([0x4E00, 0xFFFE]).collect();
        let ours = to_unicode_cmap("F1", CodeLength::Two, codes.iter().map(|&c| (c, text(c).into_iter())));
        let mappings = codes.iter().map(|&c| (u32::from(c), text(c).into_iter().map(u32::from).collect())).collect();
        let theirs = printpdf::ToUnicodeCMap { mappings }.to_cmap_string("F1");
        assert_eq!(ours, theirs);
    }

    #[test]
    fn targets_are_utf16_and_keep_every_character_of_a_ligature() {
        let cmap = to_unicode_cmap("X", CodeLength::Two, [(3, "fi".chars()), (4, "\u{1F600}".chars())]);
        assert!(cmap.contains("<0003> <00660069>\n"), "{cmap}");
        assert!(cmap.contains("<0004> <D83DDE00>\n"), "{cmap}");
    }

    #[test]
    fn one_byte_codes_have_a_one_byte_codespace() {
        let cmap = to_unicode_cmap("X", CodeLength::One, [(0x41, "A".chars()), (0xA0, "\u{A0}".chars())]);
        assert!(cmap.contains("begincodespacerange\n<00> <FF>\nendcodespacerange"), "{cmap}");
        assert!(cmap.contains("<41> <0041>\n<A0> <00A0>\n"), "{cmap}");
    }
}
