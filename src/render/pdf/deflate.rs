//! Stream compression with one reused zlib compressor per thread.

use std::cell::RefCell;

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{Dictionary, Stream};

/// zlib level for streams. Deflating the 6-page 43342 letter's streams
/// (best of 50) took 0.19 ms at level 1 for a 34.8 KB file, 0.39 ms at
/// level 2 (28.4 KB), 0.46 ms at level 3 (27.6 KB), 0.63 ms at level 6
/// (27.2 KB) and 1.2 ms at level 9 (27.0 KB); the rest of the render takes
/// about 1.3 ms.
const DEFLATE_LEVEL: u32 = 3;

thread_local! {
    /// Reset between streams rather than created for each: a fresh
    /// compressor allocates and zeroes some 300 KB of window and hash
    /// tables, which for a letter's ten or so small streams cost more than
    /// the compressing did. Reset output is identical to a fresh one's.
    static COMPRESSOR: RefCell<Compress> = RefCell::new(Compress::new(Compression::new(DEFLATE_LEVEL), true));
}

/// A stream of `content` with `dict`, deflated unless that would not make
/// it smaller.
pub fn stream(dict: Dictionary, content: Vec<u8>) -> Result<Stream, String> {
    let compressed = deflate(&content).map_err(|e| format!("cannot compress: {e}"))?;
    if compressed.len() >= content.len() {
        return Ok(Stream::new(dict, content));
    }
    let mut stream = Stream::new(dict, compressed);
    stream.dict.set("Filter", "FlateDecode");
    Ok(stream)
}

fn deflate(data: &[u8]) -> Result<Vec<u8>, flate2::CompressError> {
    COMPRESSOR.with_borrow_mut(|compressor| {
        compressor.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let rest = &data[compressor.total_in() as usize..];
            if compressor.compress_vec(rest, &mut out, FlushCompress::Finish)? == Status::StreamEnd {
                return Ok(out);
            }
            out.reserve(out.capacity());
        }
    })
}
