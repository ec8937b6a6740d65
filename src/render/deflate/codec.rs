//! The deflate settings and loop every part goes through, at run time
//! ([`super`]) and at build time (`build.rs` deflates the parts every letter
//! carries unchanged with this same file), so both give the same bytes.

use flate2::{Compress, Compression, FlushCompress, Status};

/// The deflate level of every part. Measured with one reused compressor
/// (callgrind instructions, resets included; bytes out), on the 43342
/// letter's parts:
///
/// | level | six page streams, 36 KB | DOCX document and core properties, 22 KB | two font subsets and their ToUnicode maps, 20 KB | DOCX parts that recur, 12 KB |
/// |---|---|---|---|---|
/// | 1 | 2.29 M, 16.1 KB | 0.94 M, 8.1 KB | | |
/// | 2 | 4.00 M, 11.7 KB | 1.57 M, 6.3 KB | 2.99 M, 12.8 KB | 3.49 M, 3.66 KB |
/// | 3 | 4.63 M, 11.0 KB | 1.93 M, 6.0 KB | 3.44 M, 12.7 KB | 3.70 M, 3.54 KB |
/// | 6 | 5.25 M, 10.6 KB | 2.28 M, 5.8 KB | 3.87 M, 12.6 KB | 3.83 M, 3.46 KB |
/// | 9 | 6.88 M, 10.6 KB | 3.33 M, 5.8 KB | 4.70 M, 12.4 KB | 4.13 M, 3.43 KB |
///
/// Level 2 is the knee: level 1 (zlib-rs's "quick" strategy) is two fifths
/// bigger, level 3 saves 6% of the letter's bytes for 16-23% more work. The
/// parts that recur get no higher level: font subsets differ whenever the
/// glyphs do, so at level 9 the 3% it saves on them would cost 57% more
/// each time, and the built-in parts deflated at build time must match
/// what run-time deflation of the same bytes gives.
pub const LEVEL: u32 = 2;

/// How the deflate data is wrapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// zlib (RFC 1950): a PDF's `/FlateDecode` streams.
    Zlib,
    /// Bare deflate (RFC 1951): ZIP entries.
    Raw,
}

/// A compressor for `format` at [`LEVEL`].
pub fn compressor(format: Format) -> Compress {
    Compress::new(Compression::new(LEVEL), format == Format::Zlib)
}

/// `data` deflated by `compressor`, fresh or reset.
pub fn run(compressor: &mut Compress, data: &[u8]) -> Result<Vec<u8>, String> {
    let error = |e: flate2::CompressError| format!("cannot compress: {e}");
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let rest = data.get(compressor.total_in() as usize..).unwrap_or_default();
        if compressor.compress_vec(rest, &mut out, FlushCompress::Finish).map_err(error)? == Status::StreamEnd {
            return Ok(out);
        }
        out.reserve(out.capacity());
    }
}
