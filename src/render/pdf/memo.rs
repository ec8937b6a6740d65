//! Wrapped paragraphs remembered per thread, as typst's `comemo`
//! remembers layout: the letters of a batch share most of their paragraphs
//! (the rights to a review and to complain, the public interest wording, the
//! sign-off), and wrapping one into lines is a fifth of a letter's work.
//!
//! [`wrap`](super::wrap::wrap) is a pure function of its arguments, so a
//! paragraph met again with the same inlines, style, width and fonts gets a
//! copy of the lines it got before: the same lines, so the same bytes. The
//! key is compared in full on every hit (the hash only finds the slot), so
//! no letter can ever be given another's lines. The table is per thread,
//! so batch workers never wait on each other, and is emptied when it holds
//! [`CAPACITY`] paragraphs or [`TEXT_BUDGET`] bytes of their text, so
//! memory stays flat however long the batch and however large its
//! paragraphs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use rustc_hash::FxHasher;

use super::fonts::{Face, Fonts};
use super::wrap::{TextStyle, Wrapped};
use crate::doc::Inline;

/// Paragraphs kept per thread: several letters' worth (a letter has some
/// eighty).
const CAPACITY: usize = 4096;

/// Text kept per thread, in bytes: with the lines made of it, a few
/// megabytes. A case file may hold a paragraph of megabytes; a batch of
/// such files must not fill memory with them.
const TEXT_BUDGET: usize = 2 << 20;

/// Paragraphs longer than this are wrapped afresh: no letter repeats one,
/// and each would take a large share of [`TEXT_BUDGET`].
const LONGEST: usize = 16 << 10;

/// Everything a paragraph's lines depend on. The fonts are compared by
/// address: each set is made once per process and never freed.
#[derive(PartialEq)]
struct Key {
    inlines: Vec<Inline>,
    size: u32,
    base: Face,
    max_width: u32,
    fonts: usize,
}

type Table = HashMap<u64, Vec<(Key, Vec<Wrapped>)>, BuildHasherDefault<FxHasher>>;

/// The table, how many paragraphs it holds, and their text's bytes.
#[derive(Default)]
struct Seen {
    table: Table,
    count: usize,
    bytes: usize,
}

thread_local! {
    static SEEN: RefCell<Seen> = RefCell::new(Seen::default());
}

/// The lines `wrap` makes of `inlines`, from the table when this thread
/// wrapped the same paragraph the same way before.
pub fn wrapped(
    inlines: &[Inline],
    style: TextStyle,
    max_width: f32,
    fonts: &Fonts,
    wrap: impl FnOnce() -> Vec<Wrapped>,
) -> Vec<Wrapped> {
    let bytes: usize = inlines.iter().map(|inline| inline.text().len()).sum();
    if bytes > LONGEST {
        return wrap();
    }
    let (size, max_width) = (style.size.to_bits(), max_width.to_bits());
    let fonts_at = std::ptr::from_ref(fonts) as usize;
    let mut hasher = FxHasher::default();
    (inlines, size, style.base, max_width, fonts_at).hash(&mut hasher);
    let hash = hasher.finish();
    let same = |key: &Key| {
        key.size == size
            && key.max_width == max_width
            && key.base == style.base
            && key.fonts == fonts_at
            && key.inlines == inlines
    };
    let hit = SEEN.with_borrow(|seen| {
        let entries = seen.table.get(&hash)?;
        entries.iter().find(|(key, _)| same(key)).map(|(_, lines)| lines.clone())
    });
    if let Some(lines) = hit {
        return lines;
    }
    let lines = wrap();
    SEEN.with_borrow_mut(|seen| {
        if seen.count >= CAPACITY || seen.bytes + bytes > TEXT_BUDGET {
            *seen = Seen::default();
        }
        let key = Key { inlines: inlines.to_vec(), size, base: style.base, max_width, fonts: fonts_at };
        seen.table.entry(hash).or_default().push((key, lines.clone()));
        seen.count += 1;
        seen.bytes += bytes;
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::fonts::fonts;
    use crate::render::pdf::wrap::{wrap, wrap_uncached};

    fn style(size: f32) -> TextStyle {
        TextStyle { size, base: Face::Regular }
    }

    fn paragraph(i: usize) -> Vec<Inline> {
        vec![
            Inline::Text(format!("Paragraph {i}: ").repeat(1 + i % 7)),
            Inline::Strong("bold words".into()),
            Inline::Text(" and the rest of the sentence, long enough to wrap.".repeat(i % 3)),
        ]
    }

    /// Remembered lines are the lines wrapping gives, for every paragraph,
    /// size and width, met again in any order, and after the table empties.
    #[test]
    fn remembered_lines_are_the_lines() {
        let fonts = fonts().unwrap();
        for round in 0..3 {
            for i in 0..40 {
                for (size, width) in [(11.0, 400.0), (11.0, 250.0), (12.0, 400.0)] {
                    let inlines = paragraph(i);
                    let fresh = wrap_uncached(&inlines, style(size), width, fonts);
                    assert_eq!(wrap(&inlines, style(size), width, fonts), fresh, "paragraph {i}, round {round}");
                }
            }
        }
        for i in 0..CAPACITY + 10 {
            wrap(&[Inline::Text(format!("filler {i}"))], style(11.0), 400.0, fonts);
        }
        let inlines = paragraph(5);
        assert_eq!(wrap(&inlines, style(11.0), 400.0, fonts), wrap_uncached(&inlines, style(11.0), 400.0, fonts));
        SEEN.with_borrow(|seen| assert!(seen.count <= CAPACITY && seen.bytes <= TEXT_BUDGET));
    }

    /// Long paragraphs are wrapped but not kept, and the text kept stays
    /// within its budget however many long ones come.
    #[test]
    fn long_paragraphs_are_not_kept() {
        let fonts = fonts().unwrap();
        let long = vec![Inline::Text("word ".repeat(LONGEST / 5 + 1))];
        let before = SEEN.with_borrow(|seen| seen.bytes);
        assert_eq!(wrap(&long, style(11.0), 400.0, fonts), wrap_uncached(&long, style(11.0), 400.0, fonts));
        assert_eq!(SEEN.with_borrow(|seen| seen.bytes), before);
        for i in 0..(TEXT_BUDGET / (LONGEST / 2)) * 2 {
            let inlines = vec![Inline::Text(format!("{i} {}", "x".repeat(LONGEST / 2)))];
            wrap(&inlines, style(11.0), 400.0, fonts);
            SEEN.with_borrow(|seen| assert!(seen.bytes <= TEXT_BUDGET));
        }
    }
}
