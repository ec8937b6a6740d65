//! WinAnsiEncoding codes (ISO 32000-1, Annex D.2) of the characters a
//! standard subset holds (`standard.rs`): a face whose text needs nothing
//! else is embedded as a simple TrueType font, and its text is written a
//! byte a character rather than two.
//!
//! WinAnsiEncoding names code 240 (0xA0) `space`: a reader that decodes by
//! the encoding alone would read a no-break space as a space, so the font's
//! encoding names it `nbspace` ([`DIFFERENCES`]), a name the Adobe Glyph
//! List maps to U+00A0, as PDF/A-2 requires of the names in a non-symbolic
//! TrueType font's `/Differences`.

/// The code of `c` in the standard subsets' encoding: WinAnsiEncoding
/// with [`DIFFERENCES`]; `None` for a character outside the standard set.
pub fn code(c: char) -> Option<u8> {
    Some(match c {
        ' '..='~' | '\u{A0}' | '\u{A3}' | '\u{B7}' => c as u8,
        '\u{20AC}' => 0x80,
        '\u{2026}' => 0x85,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        _ => return None,
    })
}

/// Where the encoding differs from WinAnsiEncoding: code 0xA0 and its
/// glyph name.
pub const DIFFERENCES: (u8, &str) = (0xA0, "nbspace");

#[cfg(test)]
mod tests {
    use lopdf::dictionary;

    use super::super::standard::STANDARD_CHARS;
    use super::*;

    /// Each standard character has its own code, and lopdf (an
    /// independent reading of Annex D and the glyph list) decodes every
    /// code, through the encoding the standard fonts declare, back to its
    /// character.
    #[test]
    fn every_standard_character_has_a_code_that_reads_back_as_it() {
        let (difference, name) = DIFFERENCES;
        let font = dictionary! {
            "Type" => "Font",
            "Subtype" => "TrueType",
            "Encoding" => dictionary! {
                "Type" => "Encoding",
                "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![difference.into(), lopdf::Object::Name(name.into())],
            },
        };
        let document = lopdf::Document::new();
        let encoding = font.get_font_encoding(&document).unwrap();
        let mut codes: Vec<u8> = Vec::new();
        for c in STANDARD_CHARS.iter().cloned().flatten() {
            let code = code(c).unwrap_or_else(|| panic!("{c:?} has a code"));
            assert_eq!(lopdf::Document::decode_text(&encoding, &[code]).unwrap(), c.to_string(), "{code:#04X}");
            codes.push(code);
        }
        let count = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), count, "no two characters share a code");
        assert_eq!(code('\u{E9}'), None, "only the standard set");
    }
}
