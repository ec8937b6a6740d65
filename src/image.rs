//! Logo images: PNG and JPEG, read far enough to place and embed them.
//!
//! A letterhead logo needs its pixel size, colour model and bit depth, and
//! for PDF the pixel data in a form a PDF filter can take: a JPEG goes in
//! as it is (`/DCTDecode`), a PNG's zlib data too (`/FlateDecode` with the
//! PNG predictors), except that transparency must be split off into a soft
//! mask. The headers are read by hand (a few dozen lines) rather than
//! through an image crate, which would bring a decoder for every format
//! for the sake of two headers.

use std::fmt;
use std::sync::Arc;

use crate::limits::{LOGO_PIXELS, TooLarge};

/// A decoded image header with its file's bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Image {
    /// PNG or JPEG, and what the encoders need to know about its pixels.
    pub format: Format,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The file as read.
    pub bytes: Arc<[u8]>,
}

impl fmt::Debug for Image {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Image({:?}, {}x{}, {} bytes)", self.format, self.width, self.height, self.bytes.len())
    }
}

/// The image format and its pixel layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A PNG.
    Png {
        /// PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGB + alpha.
        colour: u8,
        /// Bits per sample (per palette index for type 3).
        depth: u8,
    },
    /// A baseline or progressive JPEG.
    Jpeg {
        /// 1 (grey) or 3 (YCbCr, shown as RGB).
        components: u8,
    },
}

impl Format {
    /// The MIME type, for HTML data URIs and DOCX content types.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Png { .. } => "image/png",
            Format::Jpeg { .. } => "image/jpeg",
        }
    }

    /// The file extension a package part gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png { .. } => "png",
            Format::Jpeg { .. } => "jpeg",
        }
    }
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

impl Image {
    /// Reads the header of a PNG or JPEG file.
    ///
    /// # Errors
    ///
    /// A file that is neither, is truncated, uses a layout foikit cannot
    /// embed (an interlaced PNG, a CMYK JPEG, which PDF/A with an sRGB
    /// output intent forbids), or has more than [`LOGO_PIXELS`] pixels.
    pub fn read(bytes: Vec<u8>) -> Result<Image, String> {
        let (format, width, height) = if bytes.starts_with(PNG_SIGNATURE) {
            png_header(&bytes)?
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            jpeg_header(&bytes)?
        } else {
            return Err("is neither a PNG nor a JPEG image".into());
        };
        if width == 0 || height == 0 {
            return Err("has no pixels (width or height 0)".into());
        }
        if u64::from(width) * u64::from(height) > LOGO_PIXELS {
            return Err(TooLarge::new("the image", LOGO_PIXELS, "pixels").to_string());
        }
        Ok(Image { format, width, height, bytes: bytes.into() })
    }

    /// The PNG's chunks of type `kind`, in order.
    pub fn png_chunks<'a>(&'a self, kind: &'a [u8; 4]) -> impl Iterator<Item = &'a [u8]> + 'a {
        png_chunks(&self.bytes).filter(move |(k, _)| k == kind).map(|(_, data)| data)
    }
}

/// Every chunk of a PNG after the signature, stopping at the first that is
/// truncated.
fn png_chunks(bytes: &[u8]) -> impl Iterator<Item = ([u8; 4], &[u8])> {
    let mut at = PNG_SIGNATURE.len();
    std::iter::from_fn(move || {
        let len = usize::try_from(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?)).ok()?;
        let kind: [u8; 4] = bytes.get(at + 4..at + 8)?.try_into().ok()?;
        let data = bytes.get(at + 8..at.checked_add(8 + len)?)?;
        at += 12 + len;
        Some((kind, data))
    })
}

fn png_header(bytes: &[u8]) -> Result<(Format, u32, u32), String> {
    let truncated = || "is a truncated PNG".to_string();
    let (kind, ihdr) = png_chunks(bytes).next().ok_or_else(truncated)?;
    if &kind != b"IHDR" || ihdr.len() < 13 {
        return Err("is a PNG without its IHDR header".into());
    }
    let be32 = |at: usize| u32::from_be_bytes([ihdr[at], ihdr[at + 1], ihdr[at + 2], ihdr[at + 3]]);
    let (width, height, depth, colour, interlace) = (be32(0), be32(4), ihdr[8], ihdr[9], ihdr[12]);
    let depth_ok = match colour {
        0 => matches!(depth, 1 | 2 | 4 | 8 | 16),
        3 => matches!(depth, 1 | 2 | 4 | 8),
        2 | 4 | 6 => matches!(depth, 8 | 16),
        _ => false,
    };
    if !depth_ok {
        return Err(format!("is a PNG with an invalid colour type {colour} at bit depth {depth}"));
    }
    if interlace != 0 {
        return Err("is an interlaced PNG: save it again without interlacing".into());
    }
    if colour == 3 && !png_chunks(bytes).any(|(k, _)| &k == b"PLTE") {
        return Err("is a palette PNG without its palette".into());
    }
    if !png_chunks(bytes).any(|(k, _)| &k == b"IDAT") {
        return Err(truncated());
    }
    Ok((Format::Png { colour, depth }, width, height))
}

fn jpeg_header(bytes: &[u8]) -> Result<(Format, u32, u32), String> {
    let mut at = 2;
    while let Some(&[0xFF, marker]) = bytes.get(at..at + 2) {
        if marker == 0xFF {
            at += 1; // fill byte
            continue;
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(at + 2).unwrap_or(&0), *bytes.get(at + 3).unwrap_or(&0)]));
        // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let sof = bytes.get(at + 4..at + 2 + len).filter(|s| s.len() >= 6).ok_or("is a truncated JPEG")?;
            let (precision, components) = (sof[0], sof[5]);
            let height = u32::from(u16::from_be_bytes([sof[1], sof[2]]));
            let width = u32::from(u16::from_be_bytes([sof[3], sof[4]]));
            if precision != 8 {
                return Err(format!("is a {precision}-bit JPEG: PDF takes 8-bit JPEGs only"));
            }
            return match components {
                1 | 3 => Ok((Format::Jpeg { components }, width, height)),
                4 => Err("is a CMYK JPEG: PDF/A with an sRGB output intent cannot show it; save it as RGB".into()),
                n => Err(format!("is a JPEG with {n} colour components")),
            };
        }
        if len < 2 {
            break;
        }
        at += 2 + len;
    }
    Err("is a JPEG without a frame header (truncated?)".into())
}

/// Image files built for tests (the PDF logo tests use them too).
#[cfg(test)]
pub mod tests {
    use super::*;

    /// A PNG of `width` × `height` pixels of colour type `colour`, 8 bits,
    /// every pixel `pixel` (one byte per channel), unfiltered.
    pub fn png(width: u32, height: u32, colour: u8, pixel: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let row: Vec<u8> = std::iter::once(0).chain(pixel.repeat(width as usize)).collect();
        let raw = row.repeat(height as usize);
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&raw).unwrap();
        let idat = z.finish().unwrap();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&width.to_be_bytes());
        ihdr.extend_from_slice(&height.to_be_bytes());
        ihdr.extend_from_slice(&[8, colour, 0, 0, 0]);
        let mut out = PNG_SIGNATURE.to_vec();
        for (kind, data) in [(b"IHDR", ihdr), (b"IDAT", idat), (b"IEND", Vec::new())] {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            out.extend_from_slice(kind);
            out.extend_from_slice(&data);
            out.extend_from_slice(&[0; 4]); // CRC: not checked by readers here
        }
        out
    }

    /// A minimal JPEG header: SOI, a SOF0 frame of `components`.
    pub fn jpeg(width: u16, height: u16, components: u8) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0];
        let len = 8 + 3 * u16::from(components);
        out.extend_from_slice(&len.to_be_bytes());
        out.push(8);
        out.extend_from_slice(&height.to_be_bytes());
        out.extend_from_slice(&width.to_be_bytes());
        out.push(components);
        for i in 0..components {
            out.extend_from_slice(&[i + 1, 0x11, 0]);
        }
        out.extend_from_slice(&[0xFF, 0xD9]);
        out
    }

    #[test]
    fn reads_png_headers() {
        let image = Image::read(png(3, 2, 6, &[1, 2, 3, 255])).unwrap();
        assert_eq!((image.width, image.height, image.format), (3, 2, Format::Png { colour: 6, depth: 8 }));
        assert_eq!(image.png_chunks(b"IDAT").count(), 1);
    }

    #[test]
    fn reads_jpeg_headers() {
        let image = Image::read(jpeg(640, 480, 3)).unwrap();
        assert_eq!((image.width, image.height, image.format), (640, 480, Format::Jpeg { components: 3 }));
        let cmyk = Image::read(jpeg(10, 10, 4)).unwrap_err();
        assert!(cmyk.contains("CMYK"), "{cmyk}");
    }

    #[test]
    fn refuses_what_it_cannot_embed() {
        assert!(Image::read(b"GIF89a".to_vec()).unwrap_err().contains("neither"));
        let mut interlaced = png(1, 1, 2, &[0, 0, 0]);
        interlaced[8 + 8 + 12] = 1;
        assert!(Image::read(interlaced).unwrap_err().contains("interlaced"));
        assert!(Image::read(png(1, 1, 2, &[0, 0, 0])[..20].to_vec()).is_err());
        assert!(Image::read(jpeg(0, 10, 3)).unwrap_err().contains("no pixels"));
        let huge = Image::read(jpeg(u16::MAX, u16::MAX, 3)).unwrap_err();
        assert!(huge.contains("limit"), "{huge}");
    }
}
