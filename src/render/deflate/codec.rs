//! The deflate settings and loop every part goes through, at run time
//! ([`super`]) and at build time (`build.rs` deflates the parts every letter
//! carries unchanged with this same file), so both give the same bytes.

use libdeflater::{CompressionLvl, Compressor};

/// The deflate level of every part: libdeflate's level 1. Measured on the
/// 43342 letter's parts (time per part on the build machine, one reused
/// compressor; bytes out), against zlib-rs at level 2, which foikit used
/// before:
///
/// | | page content streams, 57.7 KB | DOCX document, 21.6 KB | DOCX styles, 5.0 KB |
/// |---|---|---|---|
/// | zlib-rs, level 2 | 189 µs, 13,263 B | 71 µs, 5,855 B | 22 µs, 1,152 B |
/// | libdeflate, level 1 | 118 µs, 13,548 B | 40 µs, 5,699 B | 12 µs, 1,139 B |
/// | libdeflate, level 2 | 175 µs, 11,424 B | 70 µs, 5,660 B | 19 µs, 1,090 B |
/// | libdeflate, level 3 | 241 µs, 10,260 B | 77 µs, 5,584 B | 20 µs, 1,072 B |
/// | libdeflate, level 6 | 542 µs, 8,752 B | 99 µs, 5,366 B | 24 µs, 1,014 B |
///
/// Level 1 makes a letter's files about as small as zlib-rs's level 2 did
/// in two fifths less time; deflating was over a third of a letter's work
/// in a batch. libdeflate compresses a whole buffer at once and keeps no
/// stream state, so one compressor serves both formats and needs no reset.
/// The built-in parts deflated at build time go through this same file,
/// so they match what run-time deflation of the same bytes gives.
pub const LEVEL: i32 = 1;

/// How the deflate data is wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// zlib (RFC 1950): a PDF's `/FlateDecode` streams.
    Zlib,
    /// Bare deflate (RFC 1951): ZIP entries.
    Raw,
}

/// A compressor at [`LEVEL`].
pub fn compressor() -> Compressor {
    Compressor::new(CompressionLvl::new(LEVEL).unwrap_or_default())
}

/// `data` deflated by `compressor` in `format`.
pub fn run(compressor: &mut Compressor, data: &[u8], format: Format) -> Result<Vec<u8>, String> {
    let bound = match format {
        Format::Zlib => compressor.zlib_compress_bound(data.len()),
        Format::Raw => compressor.deflate_compress_bound(data.len()),
    };
    let mut out = vec![0; bound];
    let written = match format {
        Format::Zlib => compressor.zlib_compress(data, &mut out),
        Format::Raw => compressor.deflate_compress(data, &mut out),
    }
    .map_err(|e| format!("cannot compress: {e:?}"))?;
    out.truncate(written);
    Ok(out)
}
