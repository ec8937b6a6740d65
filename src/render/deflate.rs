//! Deflate for every backend: compressors reused per thread, and bytes
//! that recur from letter to letter compressed once.
//!
//! A letter is a few dozen small parts (DOCX entries, PDF streams). Making
//! a zlib-rs compressor allocates and zeroes some 370 KB of window and hash
//! tables, which for a 2 KB part cost more than compressing it; so each
//! thread keeps one compressor per [`Format`] and resets it instead. A reset
//! still zeroes zlib-rs's hash heads (a fixed 65,536 entries, 128 KB, whatever
//! the window size: a smaller window would shrink only the one-time
//! allocation), so parts that are the same in every letter of a batch
//! (styles, theme, fonts, ICC profile, a house style's parts) skip the
//! compressor altogether: [`deflate_shared`] keeps what it compressed in a
//! small cache keyed by a SHA-256 of the bytes and the settings.
//!
//! Output depends only on the bytes and the settings, never on what a
//! thread compressed before or on whether the cache held the part: a reset
//! compressor writes what a fresh one would, and a cached part was made by
//! the same call that would make it now.

use std::cell::RefCell;
use std::sync::{Arc, Mutex, PoisonError};

use flate2::{Compress, Compression, FlushCompress, Status};
use sha2::{Digest, Sha256};

/// Level of the parts written for each letter. Measured on the 43342
/// letter's six page content streams (36 KB) with one reused compressor
/// (callgrind, instructions including six resets): level 1 (zlib-rs's
/// "quick" strategy) 2.29 M for 16.1 KB; level 2, 4.00 M for 11.7 KB;
/// level 3, 4.63 M for 11.0 KB; level 6, 5.25 M for 10.6 KB; level 9,
/// 6.88 M for 10.6 KB. Its DOCX document and core properties (22 KB, raw
/// deflate): level 1, 0.94 M for 8.1 KB; level 2, 1.57 M for 6.3 KB;
/// level 3, 1.93 M for 6.0 KB; level 6, 2.28 M for 5.8 KB. Level 2 is the
/// knee: level 1 is two fifths bigger, level 3 saves 6% of the bytes for
/// 16-23% more work.
pub const LETTER_LEVEL: u32 = 2;

/// Level of [`deflate_shared`]'s parts: compressed once per batch, so the
/// smallest output costs nothing per letter.
pub const SHARED_LEVEL: u32 = 9;

/// How the deflate data is wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// zlib (RFC 1950): a PDF's `/FlateDecode` streams.
    Zlib,
    /// Bare deflate (RFC 1951): ZIP entries.
    Raw,
}

thread_local! {
    /// One compressor per format ([`Format::Zlib`], [`Format::Raw`]),
    /// made on first use and reset between parts.
    static COMPRESSORS: RefCell<[Option<Compress>; 2]> = const { RefCell::new([None, None]) };
}

/// `data` deflated at [`LETTER_LEVEL`]: for content that differs from
/// letter to letter, which a cache would only churn.
pub fn deflate(data: &[u8], format: Format) -> Result<Vec<u8>, String> {
    compress(data, format, LETTER_LEVEL)
}

/// `data` deflated at [`SHARED_LEVEL`], from the cache when the same bytes
/// were deflated before: for parts that recur from letter to letter.
pub fn deflate_shared(data: &[u8], format: Format) -> Result<Arc<[u8]>, String> {
    let key = cache_key(data, format, SHARED_LEVEL);
    if let Some(hit) = lock_cache().get(&key) {
        return Ok(hit);
    }
    // Compressed outside the lock: another thread may do the same part at
    // the same time, and both get the same bytes.
    let deflated: Arc<[u8]> = compress(data, format, SHARED_LEVEL)?.into();
    lock_cache().insert(key, Arc::clone(&deflated));
    Ok(deflated)
}

/// Deflates `data` with this thread's compressor for `format`, reset and
/// set to `level`.
fn compress(data: &[u8], format: Format, level: u32) -> Result<Vec<u8>, String> {
    let error = |e: flate2::CompressError| format!("cannot compress: {e}");
    COMPRESSORS.with_borrow_mut(|compressors| {
        let slot = &mut compressors[format as usize];
        let compressor = match slot {
            Some(compressor) => {
                compressor.reset();
                compressor
            }
            None => slot.insert(Compress::new(Compression::new(level), format == Format::Zlib)),
        };
        compressor.set_level(Compression::new(level)).map_err(error)?;
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let rest = data.get(compressor.total_in() as usize..).unwrap_or_default();
            if compressor.compress_vec(rest, &mut out, FlushCompress::Finish).map_err(error)? == Status::StreamEnd {
                return Ok(out);
            }
            out.reserve(out.capacity());
        }
    })
}

/// A SHA-256 of the settings and the bytes.
type Key = [u8; 32];

fn cache_key(data: &[u8], format: Format, level: u32) -> Key {
    let mut hash = Sha256::new();
    hash.update([format as u8, level as u8]);
    hash.update(data);
    hash.finalize().into()
}

/// At most this many parts are cached: a letter has about a dozen that
/// recur, a reference document a few more.
const CACHE_ENTRIES: usize = 64;
/// At most this many deflated bytes are cached (a letter's recurring
/// parts deflate to some 20 KB, fonts included).
const CACHE_BYTES: usize = 4 << 20;

/// Deflated parts, the least recently used dropped first.
struct Cache {
    entries: Vec<Entry>,
    bytes: usize,
    clock: u64,
}

struct Entry {
    key: Key,
    deflated: Arc<[u8]>,
    used: u64,
}

static CACHE: Mutex<Cache> = Mutex::new(Cache { entries: Vec::new(), bytes: 0, clock: 0 });

/// The cache, even if a thread panicked holding it: every entry in it is
/// complete, as entries are only added whole.
fn lock_cache() -> std::sync::MutexGuard<'static, Cache> {
    CACHE.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Cache {
    fn get(&mut self, key: &Key) -> Option<Arc<[u8]>> {
        self.clock += 1;
        let entry = self.entries.iter_mut().find(|entry| entry.key == *key)?;
        entry.used = self.clock;
        Some(Arc::clone(&entry.deflated))
    }

    fn insert(&mut self, key: Key, deflated: Arc<[u8]>) {
        if deflated.len() > CACHE_BYTES || self.entries.iter().any(|entry| entry.key == key) {
            return;
        }
        while self.entries.len() >= CACHE_ENTRIES || self.bytes + deflated.len() > CACHE_BYTES {
            let Some(oldest) = self.entries.iter().enumerate().min_by_key(|(_, entry)| entry.used).map(|(at, _)| at)
            else {
                break;
            };
            self.bytes -= self.entries.swap_remove(oldest).deflated.len();
        }
        self.clock += 1;
        self.bytes += deflated.len();
        self.entries.push(Entry { key, deflated, used: self.clock });
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
    fn fresh(data: &[u8], format: Format, level: u32) -> Vec<u8> {
        let mut compressor = Compress::new(Compression::new(level), format == Format::Zlib);
        let mut out = Vec::with_capacity(data.len() + 1024);
        assert_eq!(compressor.compress_vec(data, &mut out, FlushCompress::Finish).unwrap(), Status::StreamEnd);
        out
    }

    #[test]
    fn reused_compressors_write_what_fresh_ones_do() {
        for (seed, format) in [(1, Format::Zlib), (2, Format::Raw), (3, Format::Zlib), (4, Format::Raw)] {
            let data = text(seed);
            assert_eq!(deflate(&data, format).unwrap(), fresh(&data, format, LETTER_LEVEL));
            assert_eq!(compress(&data, format, SHARED_LEVEL).unwrap(), fresh(&data, format, SHARED_LEVEL));
        }
    }

    #[test]
    fn output_inflates_back_in_both_formats() {
        let data = text(5);
        let mut back = Vec::new();
        flate2::read::ZlibDecoder::new(&deflate(&data, Format::Zlib).unwrap()[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);
        back.clear();
        flate2::read::DeflateDecoder::new(&deflate_shared(&data, Format::Raw).unwrap()[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, data);
        assert_eq!(deflate(b"", Format::Raw).unwrap(), fresh(b"", Format::Raw, LETTER_LEVEL));
    }

    #[test]
    fn shared_parts_are_the_same_whatever_the_order_or_thread() {
        let parts: Vec<Vec<u8>> = (10..30).map(text).collect();
        let expected: Vec<Vec<u8>> =
            parts.iter().map(|part| fresh(part, Format::Raw, SHARED_LEVEL)).collect();
        let run = |order: Vec<usize>| {
            let parts = &parts;
            std::thread::scope(|scope| {
                let handles: Vec<_> = (0..3)
                    .map(|_| {
                        let order = order.clone();
                        scope.spawn(move || {
                            order.iter().map(|&i| (i, deflate_shared(&parts[i], Format::Raw).unwrap())).collect::<Vec<_>>()
                        })
                    })
                    .collect();
                handles.into_iter().flat_map(|handle| handle.join().unwrap()).collect::<Vec<_>>()
            })
        };
        for order in [(0..20).collect::<Vec<_>>(), (0..20).rev().collect()] {
            for (i, deflated) in run(order) {
                assert_eq!(&deflated[..], &expected[i][..], "part {i}");
            }
        }
        // The settings are part of the key, not just the bytes.
        let key = |format, level| cache_key(&parts[0], format, level);
        assert_ne!(key(Format::Raw, SHARED_LEVEL), key(Format::Zlib, SHARED_LEVEL));
        assert_ne!(key(Format::Raw, SHARED_LEVEL), key(Format::Raw, LETTER_LEVEL));
    }

    #[test]
    fn the_cache_keeps_within_its_bounds_and_drops_the_least_used() {
        let mut cache = Cache { entries: Vec::new(), bytes: 0, clock: 0 };
        let key = |i: usize| cache_key(&i.to_le_bytes(), Format::Raw, SHARED_LEVEL);
        for i in 0..CACHE_ENTRIES {
            cache.insert(key(i), vec![0; 10].into());
        }
        assert!(cache.get(&key(0)).is_some());
        cache.insert(key(CACHE_ENTRIES), vec![0; 10].into());
        assert_eq!(cache.entries.len(), CACHE_ENTRIES);
        assert!(cache.get(&key(0)).is_some(), "recently used, kept");
        assert!(cache.get(&key(1)).is_none(), "least recently used, dropped");
        cache.insert(key(999), vec![0; CACHE_BYTES - 5].into());
        assert!(cache.bytes <= CACHE_BYTES);
        assert!(cache.get(&key(999)).is_some());
        cache.insert(key(1000), vec![0; CACHE_BYTES + 1].into());
        assert!(cache.get(&key(1000)).is_none(), "bigger than the whole cache: not kept");
    }
}
