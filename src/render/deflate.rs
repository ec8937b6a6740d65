//! Deflate for every backend: compressors reused per thread, and bytes
//! that recur from letter to letter compressed once.
//!
//! A letter is a few dozen small parts (DOCX entries, PDF streams),
//! deflated by libdeflate ([`codec`]). Making a compressor allocates its
//! hash tables, which for a 2 KB part costs more than compressing it, so
//! each thread keeps one. Parts that may recur within a batch (styles, theme,
//! content types, headers and footers, font subsets and their ToUnicode
//! maps, the ICC profile, a house style's parts) go through
//! [`deflate_shared`], which keeps what it deflated in a small cache and
//! gives the same bytes again without compressing. The parts that are the
//! same in every letter unless a house style changes them (foikit's own
//! styles, settings, theme, font table, package relationships, the ICC
//! profile) are deflated at build time instead (`build.rs`, with
//! [`codec`], the same code and level), so not even the first letter of a
//! process compresses them: they cost one comparison of their bytes.
//!
//! The cache compares the bytes themselves, not a digest of them: with a
//! few dozen entries, comparing lengths rules out nearly every entry and
//! one `memcmp` confirms a hit, which costs less than hashing the part
//! (SHA-256 in software is some 34 instructions a byte, more than deflating
//! a small part at [`codec::LEVEL`]) and cannot mistake one part for another.
//!
//! Output depends only on the bytes and the format, never on what a thread
//! compressed before or on whether the cache held the part: a reused
//! compressor writes what a fresh one would, a cached part was made by
//! the same call that would make it now, and a built-in one by the same
//! code at build time (a test holds them equal).

mod codec;

use std::cell::RefCell;
use std::ops::Deref;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use libdeflater::Compressor;

pub use codec::Format;

thread_local! {
    /// This thread's compressor, made on first use (it serves both formats).
    static COMPRESSOR: RefCell<Option<Compressor>> = const { RefCell::new(None) };
}

/// `data` deflated: for content that differs from letter to letter,
/// which a cache would only churn.
pub fn deflate(data: &[u8], format: Format) -> Result<Vec<u8>, String> {
    compress(data, format)
}

/// `data` deflated, from the parts deflated at build time or the cache
/// when the same bytes were deflated before: for parts that may recur from
/// letter to letter.
pub fn deflate_shared(data: &[u8], format: Format) -> Result<Shared, String> {
    if let Some(built) = built(data, format) {
        return Ok(Shared::Built(built));
    }
    if let Some(hit) = lock_cache().get(data, format) {
        return Ok(Shared::Cached(hit));
    }
    // Compressed outside the lock: another thread may do the same part at
    // the same time, and both get the same bytes.
    let deflated: Arc<[u8]> = compress(data, format)?.into();
    lock_cache().insert(data, format, Arc::clone(&deflated));
    Ok(Shared::Cached(deflated))
}

/// A part deflated once: at build time, or by this process.
pub enum Shared {
    /// Deflated by `build.rs`.
    Built(&'static [u8]),
    /// Deflated by this process and kept in the cache.
    Cached(Arc<[u8]>),
}

impl Deref for Shared {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Shared::Built(bytes) => bytes,
            Shared::Cached(bytes) => bytes,
        }
    }
}

/// A part every letter may carry unchanged, deflated at build time by
/// `build.rs` with [`codec`], as run time would deflate it.
struct Built {
    format: Format,
    data: &'static [u8],
    deflated: &'static [u8],
}

// `static BUILT: [Built; _]`: the DOCX parts and PDF streams of
// `build.rs`'s list, each with its deflated bytes.
include!(concat!(env!("OUT_DIR"), "/built_parts.rs"));

/// The build-time deflation of `data`, if `data` is a built-in part: found
/// by comparing the bytes, so a part a house style changed is deflated as
/// any other.
fn built(data: &[u8], format: Format) -> Option<&'static [u8]> {
    BUILT.iter().find(|b| b.format == format && b.data == data).map(|b| b.deflated)
}

/// Deflates `data` with this thread's compressor.
fn compress(data: &[u8], format: Format) -> Result<Vec<u8>, String> {
    COMPRESSOR.with_borrow_mut(|slot| codec::run(slot.get_or_insert_with(codec::compressor), data, format))
}

/// At most this many parts are cached: a letter has about fifteen that
/// may recur, a reference document a few more.
const CACHE_ENTRIES: usize = 64;
/// At most this many bytes are cached, parts and their deflated forms (a
/// letter's recurring parts come to some 60 KB).
const CACHE_BYTES: usize = 4 << 20;

/// Deflated parts, the least recently used dropped first.
struct Cache {
    entries: Vec<Entry>,
    bytes: usize,
    clock: u64,
}

struct Entry {
    format: Format,
    data: Box<[u8]>,
    deflated: Arc<[u8]>,
    used: u64,
}

impl Entry {
    fn size(&self) -> usize {
        self.data.len() + self.deflated.len()
    }

    fn holds(&self, data: &[u8], format: Format) -> bool {
        self.format == format && self.data.len() == data.len() && *self.data == *data
    }
}

static CACHE: Mutex<Cache> = Mutex::new(Cache { entries: Vec::new(), bytes: 0, clock: 0 });

/// The cache, even if a thread panicked holding it: entries are only ever
/// added whole.
fn lock_cache() -> MutexGuard<'static, Cache> {
    CACHE.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Cache {
    fn get(&mut self, data: &[u8], format: Format) -> Option<Arc<[u8]>> {
        self.clock += 1;
        let entry = self.entries.iter_mut().find(|entry| entry.holds(data, format))?;
        entry.used = self.clock;
        Some(Arc::clone(&entry.deflated))
    }

    fn insert(&mut self, data: &[u8], format: Format, deflated: Arc<[u8]>) {
        let entry = Entry { format, data: data.into(), deflated, used: 0 };
        if entry.size() > CACHE_BYTES || self.entries.iter().any(|old| old.holds(data, format)) {
            return;
        }
        while self.entries.len() >= CACHE_ENTRIES || self.bytes + entry.size() > CACHE_BYTES {
            let Some(oldest) = self.entries.iter().enumerate().min_by_key(|(_, entry)| entry.used).map(|(at, _)| at)
            else {
                break;
            };
            self.bytes -= self.entries.swap_remove(oldest).size();
        }
        self.clock += 1;
        self.bytes += entry.size();
        self.entries.push(Entry { used: self.clock, ..entry });
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    /// Some text that deflates well, different for each `seed`.
    fn text(seed: usize) -> Vec<u8> {
        (0..400).map(|i| format!("<w:p>{} {}</w:p>", i * seed % 97, seed)).collect::<String>().into_bytes()
    }

    /// What a fresh compressor writes.
    fn fresh(data: &[u8], format: Format) -> Vec<u8> {
        codec::run(&mut codec::compressor(), data, format).unwrap()
    }

    #[test]
    fn built_parts_are_what_run_time_deflation_gives() {
        assert!(BUILT.len() >= 9);
        for part in &BUILT {
            assert_eq!(part.deflated, &fresh(part.data, part.format)[..]);
            assert_eq!(part.deflated, &compress(part.data, part.format).unwrap()[..]);
            assert!(matches!(deflate_shared(part.data, part.format).unwrap(), Shared::Built(b) if b == part.deflated));
        }
        // A copy of a part's bytes is found as well as the constant itself.
        let styles = crate::render::docx::fixed::STYLES_XML.as_bytes().to_vec();
        assert!(matches!(deflate_shared(&styles, Format::Raw).unwrap(), Shared::Built(_)));
    }

    #[test]
    fn changed_parts_are_deflated_not_served_the_built_bytes() {
        let styles = crate::render::docx::fixed::STYLES_XML.as_bytes();
        let mut same_length = styles.to_vec();
        let at = same_length.len() / 2;
        same_length[at] ^= 1;
        let longer = [styles, b" "].concat();
        for changed in [same_length, longer, styles[..styles.len() - 1].to_vec()] {
            let deflated = deflate_shared(&changed, Format::Raw).unwrap();
            assert!(matches!(deflated, Shared::Cached(_)));
            assert_eq!(&deflated[..], &fresh(&changed, Format::Raw)[..]);
        }
        // The same bytes in the other format are not the built part either.
        let zlib = deflate_shared(styles, Format::Zlib).unwrap();
        assert!(matches!(zlib, Shared::Cached(_)));
        assert_eq!(&zlib[..], &fresh(styles, Format::Zlib)[..]);
    }

    #[test]
    fn reused_compressors_write_what_fresh_ones_do() {
        for (seed, format) in
            [(1, Format::Zlib), (2, Format::Raw), (3, Format::Zlib), (4, Format::Raw), (5, Format::Raw)]
        {
            let data = text(seed);
            assert_eq!(deflate(&data, format).unwrap(), fresh(&data, format));
        }
        assert_eq!(deflate(b"", Format::Raw).unwrap(), fresh(b"", Format::Raw));
    }

    #[test]
    fn output_inflates_back_in_both_formats() {
        let data = text(6);
        let mut back = Vec::new();
        flate2::read::ZlibDecoder::new(&deflate(&data, Format::Zlib).unwrap()[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);
        back.clear();
        flate2::read::DeflateDecoder::new(&deflate_shared(&data, Format::Raw).unwrap()[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn shared_parts_are_the_same_whatever_the_order_or_thread() {
        let parts: Vec<(Vec<u8>, Format)> =
            (10..30).map(|seed| (text(seed), if seed % 2 == 0 { Format::Zlib } else { Format::Raw })).collect();
        let expected: Vec<Vec<u8>> = parts.iter().map(|(data, format)| fresh(data, *format)).collect();
        let run = |order: Vec<usize>| {
            let parts = &parts;
            std::thread::scope(|scope| {
                let threads: Vec<_> = (0..3)
                    .map(|_| {
                        let order = order.clone();
                        scope.spawn(move || {
                            let deflated = |i: usize| deflate_shared(&parts[i].0, parts[i].1).unwrap();
                            order.iter().map(|&i| (i, deflated(i))).collect::<Vec<_>>()
                        })
                    })
                    .collect();
                threads.into_iter().flat_map(|thread| thread.join().unwrap()).collect::<Vec<_>>()
            })
        };
        for order in [(0..20).collect(), (0..20).rev().collect(), vec![3, 3, 7, 3, 0, 19, 7]] {
            for (i, deflated) in run(order) {
                assert_eq!(&deflated[..], &expected[i][..], "part {i}");
            }
        }
        // The same bytes in the other format are another part.
        let (data, format) = &parts[0];
        let other = if *format == Format::Raw { Format::Zlib } else { Format::Raw };
        assert_eq!(&deflate_shared(data, other).unwrap()[..], &fresh(data, other)[..]);
    }

    #[test]
    fn the_cache_keeps_within_its_bounds_and_drops_the_least_used() {
        let mut cache = Cache { entries: Vec::new(), bytes: 0, clock: 0 };
        let part = |i: usize| i.to_le_bytes();
        for i in 0..CACHE_ENTRIES {
            cache.insert(&part(i), Format::Raw, vec![0; 10].into());
        }
        assert!(cache.get(&part(0), Format::Raw).is_some());
        assert!(cache.get(&part(0), Format::Zlib).is_none(), "the format is part of the key");
        cache.insert(&part(CACHE_ENTRIES), Format::Raw, vec![0; 10].into());
        assert_eq!(cache.entries.len(), CACHE_ENTRIES);
        assert!(cache.get(&part(0), Format::Raw).is_some(), "recently used, kept");
        assert!(cache.get(&part(1), Format::Raw).is_none(), "least recently used, dropped");
        cache.insert(&part(999), Format::Raw, vec![0; CACHE_BYTES - 100].into());
        assert!(cache.bytes <= CACHE_BYTES);
        assert!(cache.get(&part(999), Format::Raw).is_some());
        cache.insert(&part(1000), Format::Raw, vec![0; CACHE_BYTES].into());
        assert!(cache.get(&part(1000), Format::Raw).is_none(), "bigger than the whole cache: not kept");
        assert!(cache.bytes <= CACHE_BYTES);
    }
}
