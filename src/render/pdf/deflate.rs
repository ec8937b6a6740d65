//! PDF streams deflated by the shared [`crate::render::deflate`] module.

use std::borrow::Cow;

use super::object::{Dictionary, Stream};

use crate::render::deflate::{Format, deflate, deflate_shared};

/// A stream of `content` with `dict`, deflated unless that would not make
/// it smaller: for content that differs from letter to letter (pages).
pub fn stream(dict: Dictionary, content: Vec<u8>) -> Result<Stream, String> {
    let deflated = deflate(&content, Format::Zlib)?;
    Ok(smaller(dict, content, Cow::Owned(deflated)))
}

/// As [`stream`], for content that recurs from letter to letter (font
/// programs and their ToUnicode maps, the ICC profile, a logo), deflated
/// once per batch and then taken from the cache.
pub fn shared_stream(dict: Dictionary, content: Vec<u8>) -> Result<Stream, String> {
    let deflated = deflate_shared(&content, Format::Zlib)?;
    Ok(smaller(dict, content, Cow::Borrowed(&deflated)))
}

/// The stream with `deflated` and `/FlateDecode`, or `content` as it is
/// when deflating did not make it smaller.
fn smaller(dict: Dictionary, content: Vec<u8>, deflated: Cow<'_, [u8]>) -> Stream {
    if deflated.len() >= content.len() {
        return Stream::new(dict, content);
    }
    deflated_stream(dict, deflated.into_owned())
}

/// A stream of `deflated` (zlib) bytes with `dict` and `/FlateDecode`.
pub fn deflated_stream(dict: Dictionary, deflated: Vec<u8>) -> Stream {
    let mut stream = Stream::new(dict, deflated);
    stream.dict.set("Filter", "FlateDecode");
    stream
}
