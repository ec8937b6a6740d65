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
//! [`CAPACITY`] paragraphs, so memory stays flat however long the batch.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use rustc_hash::FxHasher;

use super::fonts::{Face, Fonts};
use super::wrap::{TextStyle, Wrapped};
use crate::doc::Inline;

/// Paragraphs kept per thread: several letters' worth (a letter has some
/// eighty), a few megabytes at most.
const CAPACITY: usize = 4096;

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

thread_local! {
    static SEEN: RefCell<(Table, usize)> = RefCell::new((Table::default(), 0));
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
    let hit = SEEN.with_borrow(|(table, _)| {
        table.get(&hash).and_then(|entries| entries.iter().find(|(key, _)| same(key))).map(|(_, lines)| lines.clone())
    });
    if let Some(lines) = hit {
        return lines;
    }
    let lines = wrap();
    SEEN.with_borrow_mut(|(table, count)| {
        if *count >= CAPACITY {
            table.clear();
            *count = 0;
        }
        let key = Key { inlines: inlines.to_vec(), size, base: style.base, max_width, fonts: fonts_at };
        table.entry(hash).or_default().push((key, lines.clone()));
        *count += 1;
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
        SEEN.with_borrow(|(_, count)| assert!(*count <= CAPACITY));
    }
}
