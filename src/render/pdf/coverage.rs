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
        if ascii_printed && text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
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
