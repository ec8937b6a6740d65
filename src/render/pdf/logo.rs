//! The logo as an image XObject, written once and drawn on the first page.
//!
//! A JPEG goes in unchanged (`/DCTDecode`). A PNG's zlib data goes in
//! unchanged too (`/FlateDecode` with the PNG predictors, which PDF
//! shares), unless it has an alpha channel: PDF keeps transparency in a
//! separate soft-mask image, so such a PNG is inflated, unfiltered and split
//! into colour and alpha, each deflated again. PDF/A-2 allows soft masks
//! (PDF/A-1 did not), so a transparent logo keeps its transparency.

use std::io::Read;

use super::object::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, dictionary};

use super::deflate::shared_stream;
use crate::image::{Format, Image};

/// The resource name the logo is drawn by.
pub const NAME: &str = "Logo";

/// Adds `image` to `pdf` and returns its XObject.
pub fn xobject(image: &Image, pdf: &mut Document) -> Result<ObjectId, String> {
    let mut dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => i64::from(image.width),
        "Height" => i64::from(image.height),
    };
    let stream = match image.format {
        Format::Jpeg { components } => {
            dict.set("ColorSpace", if components == 1 { "DeviceGray" } else { "DeviceRGB" });
            dict.set("BitsPerComponent", 8);
            dict.set("Filter", "DCTDecode");
            Stream::new(dict, image.bytes.to_vec())
        }
        Format::Png { colour: colour @ (4 | 6), depth } => {
            let (pixels, alpha) = split_alpha(image, colour, depth)?;
            let mask = dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => i64::from(image.width),
                "Height" => i64::from(image.height),
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => i64::from(depth),
            };
            let mask = pdf.add_object(shared_stream(mask, alpha)?);
            dict.set("ColorSpace", if colour == 4 { "DeviceGray" } else { "DeviceRGB" });
            dict.set("BitsPerComponent", i64::from(depth));
            dict.set("SMask", mask);
            shared_stream(dict, pixels)?
        }
        Format::Png { colour, depth } => {
            let colours = if colour == 2 { 3 } else { 1 };
            dict.set("ColorSpace", png_colour_space(image, colour)?);
            dict.set("BitsPerComponent", i64::from(depth));
            dict.set("Filter", "FlateDecode");
            dict.set(
                "DecodeParms",
                dictionary! {
                    "Predictor" => 15,
                    "Colors" => colours,
                    "BitsPerComponent" => i64::from(depth),
                    "Columns" => i64::from(image.width),
                },
            );
            Stream::new(dict, image.png_chunks(b"IDAT").flatten().copied().collect())
        }
    };
    Ok(pdf.add_object(stream))
}

/// Grey, RGB, or the PNG's palette as an indexed RGB space.
fn png_colour_space(image: &Image, colour: u8) -> Result<Object, String> {
    Ok(match colour {
        0 => "DeviceGray".into(),
        2 => "DeviceRGB".into(),
        _ => {
            let palette = image.png_chunks(b"PLTE").next().filter(|p| p.len() >= 3).ok_or("the PNG has no palette")?;
            let entries = (palette.len() / 3).clamp(1, 256) as i64;
            let table = Object::String(palette[..entries as usize * 3].to_vec(), StringFormat::Hexadecimal);
            vec!["Indexed".into(), "DeviceRGB".into(), (entries - 1).into(), table].into()
        }
    })
}

/// The pixels of a PNG with an alpha channel, unfiltered and split: the
/// colour samples and the alpha samples, each row after row.
fn split_alpha(image: &Image, colour: u8, depth: u8) -> Result<(Vec<u8>, Vec<u8>), String> {
    let sample = usize::from(depth / 8);
    let channels = if colour == 6 { 4 } else { 2 };
    let pixel = channels * sample;
    let (width, height) = (image.width as usize, image.height as usize);
    let stride = width * pixel;
    let expected = height * (stride + 1);
    let compressed: Vec<u8> = image.png_chunks(b"IDAT").flatten().copied().collect();
    let mut raw = Vec::with_capacity(expected);
    flate2::read::ZlibDecoder::new(compressed.as_slice())
        .take(expected as u64)
        .read_to_end(&mut raw)
        .map_err(|e| format!("the logo's PNG data is damaged: {e}"))?;
    if raw.len() < expected {
        return Err("the logo's PNG data is truncated".into());
    }
    let mut colours = Vec::with_capacity(height * width * (channels - 1) * sample);
    let mut alpha = Vec::with_capacity(height * width * sample);
    let mut previous = vec![0u8; stride];
    for row in raw.chunks_exact(stride + 1) {
        let mut line = row[1..].to_vec();
        unfilter(row[0], &mut line, &previous, pixel)?;
        for px in line.chunks_exact(pixel) {
            let (colour, a) = px.split_at(pixel - sample);
            colours.extend_from_slice(colour);
            alpha.extend_from_slice(a);
        }
        previous = line;
    }
    Ok((colours, alpha))
}

/// Undoes a PNG row filter (PNG specification, section 9) in place.
fn unfilter(filter: u8, line: &mut [u8], previous: &[u8], bpp: usize) -> Result<(), String> {
    for i in 0..line.len() {
        let left = if i >= bpp { line[i - bpp] } else { 0 };
        let up = previous[i];
        let up_left = if i >= bpp { previous[i - bpp] } else { 0 };
        let predicted = match filter {
            0 => 0,
            1 => left,
            2 => up,
            3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
            4 => paeth(left, up, up_left),
            f => return Err(format!("the logo's PNG uses an unknown row filter {f}")),
        };
        line[i] = line[i].wrapping_add(predicted);
    }
    Ok(())
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = ((p - i16::from(a)).abs(), (p - i16::from(b)).abs(), (p - i16::from(c)).abs());
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// Adds the logo to the shared page resources, under [`NAME`].
pub fn add_to_resources(pdf: &mut Document, resources: ObjectId, logo: ObjectId) -> Result<(), String> {
    let dict: &mut Dictionary =
        pdf.get_object_mut(resources).and_then(Object::as_dict_mut).ok_or("page resources are missing")?;
    dict.set("XObject", dictionary! { NAME => logo });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::tests::{jpeg, png};

    #[test]
    fn alpha_is_split_into_a_soft_mask() {
        let image = Image::read(png(2, 2, 6, &[10, 20, 30, 128])).unwrap();
        let (colour, alpha) = split_alpha(&image, 6, 8).unwrap();
        assert_eq!(colour, [10, 20, 30].repeat(4));
        assert_eq!(alpha, vec![128; 4]);
        let mut pdf = Document::new();
        let id = xobject(&image, &mut pdf).unwrap();
        let dict = &pdf.get_object(id).unwrap().as_stream().unwrap().dict;
        assert!(dict.get(b"SMask").is_some());
    }

    #[test]
    fn opaque_png_and_jpeg_pass_through() {
        let mut pdf = Document::new();
        let image = Image::read(png(3, 1, 2, &[1, 2, 3])).unwrap();
        let id = xobject(&image, &mut pdf).unwrap();
        let stream = pdf.get_object(id).unwrap().as_stream().unwrap();
        assert_eq!(stream.content, image.png_chunks(b"IDAT").next().unwrap());
        let image = Image::read(jpeg(4, 4, 3)).unwrap();
        let id = xobject(&image, &mut pdf).unwrap();
        let stream = pdf.get_object(id).unwrap().as_stream().unwrap();
        assert_eq!(stream.content, *image.bytes);
        assert_eq!(stream.dict.get(b"Filter").unwrap().as_name().unwrap(), b"DCTDecode");
    }

    #[test]
    fn filters_are_undone() {
        let mut line = vec![1, 1, 1, 1];
        unfilter(1, &mut line, &[0; 4], 1).unwrap();
        assert_eq!(line, [1, 2, 3, 4]);
        let mut line = vec![1, 1];
        unfilter(4, &mut line, &[5, 5], 1).unwrap();
        assert_eq!(line, [6, 7]);
        assert!(unfilter(9, &mut [0], &[0], 1).is_err());
    }
}
