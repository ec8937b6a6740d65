//! Refusing text no bundled font can print, before anything is laid out:
//! a name printed as `?` or a blank box would go out wrong without anyone
//! noticing, so the letter is not written at all and the error names the
//! character and the text it occurs in.

use super::fonts::{Face, Fonts};
use super::wrap::{Printable, printable};
use crate::doc::{Block, Document, Inline};

/// Checks every piece of text in `doc` against the fonts.
///
/// # Errors
///
/// The first character no bundled face has a glyph for, and a message
/// naming it and the text it occurs in.
pub fn check(doc: &Document, fonts: &Fonts) -> Result<(), (char, String)> {
    let lines = doc.walk().into_iter().flat_map(|(_, block)| -> Vec<&[Inline]> {
        match block {
            Block::Heading { content, .. } | Block::Paragraph(content) => vec![content],
            Block::Lines { lines, .. } | Block::List { items: lines, .. } => lines.iter().map(Vec::as_slice).collect(),
            Block::Table { header, rows } => header.iter().chain(rows).flatten().map(Vec::as_slice).collect(),
            Block::Quote(_) | Block::Section { .. } => Vec::new(),
        }
    });
    let texts = doc.letterhead.iter().map(Vec::as_slice).chain(lines).flatten().map(Inline::text);
    let labels = doc.annexes.iter().filter_map(|annex| annex.label.as_deref());
    // Nearly every character is printable ASCII: asked once for them all.
    let missing = |c: char| printable(c, Face::Regular, fonts) == Printable::Missing;
    let ascii_printed = !(' '..='~').any(missing);
    let missing = |c: char| !(ascii_printed && (' '..='~').contains(&c)) && missing(c);
    for text in texts.chain(labels).chain(doc.house.footer.as_deref()) {
        if ascii_printed && printable_ascii(text.as_bytes()) {
            continue;
        }
        if let Some(c) = text.chars().find(|&c| missing(c)) {
            let (code, text) = (u32::from(c), text.trim());
            return Err((
                c,
                match fonts.user() {
                    Some(font) => format!(
                        "the body font {font} has no glyph for {c} (U+{code:04X}) in \u{201c}{text}\u{201d}: \
                     choose a font that has it (render --font, or house.font in the profile)"
                    ),
                    None => format!("no bundled font can print {c} (U+{code:04X}) in \u{201c}{text}\u{201d}"),
                },
            ));
        }
    }
    Ok(())
}

/// Whether every byte is printable ASCII (space to `~`): nearly every text
/// of a letter.
fn printable_ascii(bytes: &[u8]) -> bool {
    none_odd(bytes, |b| u8::from(b.wrapping_sub(b' ') > b'~' - b' '))
}

/// Whether `odd` (1 for an odd byte, else 0) finds no odd byte. Tested 32
/// bytes at a time, bitwise and without stopping early, which the compiler
/// turns into vector compares; a byte-by-byte `all` costs some six
/// instructions a byte, over every line of every letter.
pub(super) fn none_odd(bytes: &[u8], odd: impl Fn(u8) -> u8) -> bool {
    let mut chunks = bytes.chunks_exact(32);
    chunks.all(|chunk| chunk.iter().fold(0, |any, &b| any | odd(b)) == 0)
        && chunks.remainder().iter().all(|&b| odd(b) == 0)
}

#[cfg(test)]
mod tests {
    use super::printable_ascii;

    #[test]
    fn printable_ascii_is_space_to_tilde_anywhere_in_the_text() {
        let text = "x".repeat(100);
        assert!(printable_ascii(text.as_bytes()));
        assert!(printable_ascii(b""));
        for at in [0, 31, 32, 63, 64, 99] {
            for bad in [b'\n', 0x7F, 0x1F, 0xC3, 0] {
                let mut bytes = text.clone().into_bytes();
                bytes[at] = bad;
                assert!(!printable_ascii(&bytes), "{bad:#x} at {at}");
            }
        }
    }
}
