//! Chunks → pages.
//!
//! Chunks joined by [`Chunk::keep_with_next`] form a group that moves to the
//! next page as a whole when it does not fit. A group taller than a whole
//! page cannot be kept together; it is then broken wherever a chunk does
//! not fit, which is the "where avoidable" in the widow and orphan rules.

use super::flow::Chunk;
use super::layout::{Item, Page};
use super::style::{BODY_BOTTOM, BODY_TOP};

/// Slack for float noise when checking whether a chunk fits.
const EPSILON: f32 = 0.01;

/// Places `chunks` on pages, in order. Their items move onto the pages;
/// only table headers, which may be repeated further on, are copied.
pub fn paginate(mut chunks: Vec<Chunk>) -> Vec<Page> {
    let mut repeated = vec![false; chunks.len()];
    for header in chunks.iter().filter_map(|chunk| chunk.repeat) {
        if let Some(flag) = repeated.get_mut(header) {
            *flag = true;
        }
    }
    let mut pager = Pager { pages: Vec::new(), page: Page::default(), y: BODY_TOP, empty: true };
    let mut start = 0;
    while start < chunks.len() {
        let end = group_end(&chunks, start);
        let group = &chunks[start..end];
        if group[0].page_break_before && !pager.empty {
            pager.new_page();
        }
        let height = group_height(group, pager.empty);
        if !pager.empty && !pager.fits(height) && height <= BODY_BOTTOM - BODY_TOP {
            pager.new_page();
        }
        for (i, &header) in (start..end).zip(&repeated[start..end]) {
            pager.place(i, &mut chunks, header);
        }
        start = end;
    }
    pager.finish()
}

/// One past the last chunk of the group starting at `start`. A forced page
/// break ends a group even after a chunk that asked to be kept with it.
fn group_end(chunks: &[Chunk], start: usize) -> usize {
    (start..chunks.len())
        .find(|&i| !chunks[i].keep_with_next || chunks.get(i + 1).is_some_and(|c| c.page_break_before))
        .map_or(chunks.len(), |i| i + 1)
}

/// Height of a group placed together, the first gap dropped at a page top.
fn group_height(group: &[Chunk], at_top: bool) -> f32 {
    group.iter().enumerate().map(|(i, c)| if i == 0 && at_top { c.height } else { c.height + c.space_before }).sum()
}

/// Pagination state: finished pages and the page being filled.
struct Pager {
    pages: Vec<Page>,
    page: Page,
    /// Where the next chunk's space starts.
    y: f32,
    /// Nothing has been placed on `page` yet.
    empty: bool,
}

impl Pager {
    fn fits(&self, height: f32) -> bool {
        self.y + height <= BODY_BOTTOM + EPSILON
    }

    fn new_page(&mut self) {
        self.pages.push(std::mem::take(&mut self.page));
        self.y = BODY_TOP;
        self.empty = true;
    }

    /// Places chunk `i` of `all`, starting a new page if it does not fit
    /// here, and repeating its table header if it is a row that starts a
    /// page. Its items are moved out unless it is a header that may be
    /// `repeated` later.
    fn place(&mut self, i: usize, all: &mut [Chunk], repeated: bool) {
        let chunk = &all[i];
        if !self.empty && !self.fits(chunk.space_before + chunk.height) {
            self.new_page();
        }
        if self.empty
            && let Some(header) = chunk.repeat.and_then(|h| all.get(h))
        {
            self.put(header, header.items.clone(), true);
        }
        let chunk = &mut all[i];
        let items = if repeated { chunk.items.clone() } else { std::mem::take(&mut chunk.items) };
        self.put(chunk, items, false);
    }

    /// Places `items` of `chunk` below what is on the page; a `repeat` (a
    /// table header above a continued table) is not content a second time.
    fn put(&mut self, chunk: &Chunk, items: Vec<Item>, repeat: bool) {
        let top = if self.empty { self.y } else { self.y + chunk.space_before };
        let items = items.into_iter().map(|item| item.shifted(top));
        if repeat {
            self.page.items.extend(items.map(Item::artifact));
        } else {
            self.page.items.extend(items);
        }
        self.y = top + chunk.height;
        self.empty = false;
    }

    fn finish(mut self) -> Vec<Page> {
        if !self.empty {
            self.pages.push(self.page);
        }
        self.pages
    }
}
