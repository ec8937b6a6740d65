//! Work on the bundled fonts done once, at build time, so no process pays
//! for it: each face is dehinted for embedding (see `build/dehint.rs`; the
//! binary carries the original for shaping too), and the letter's own
//! faces get a table of glyph ids and advances for the common code points,
//! which took some 20 million instructions to build in every process.

#[path = "build/dehint.rs"]
mod dehint;

use std::path::PathBuf;

/// The faces embedded in PDFs, as named under `assets/fonts/`.
const FONTS: [&str; 5] = [
    "LiberationSans-Regular.ttf",
    "LiberationSans-Bold.ttf",
    "LiberationSans-Italic.ttf",
    "NotoSansArabic-Regular.ttf",
    "DroidSansFallback-subset.ttf",
];

/// The faces whose glyphs are tabulated: the letter's own (Liberation Sans),
/// looked up for nearly every character laid out.
const TABULATED: usize = 3;

/// Glyphs are tabulated for code points below this (Latin, Greek, Cyrillic,
/// Hebrew, general punctuation, currency); rarer characters are looked up
/// in the font's cmap at run time.
const TABLE_LEN: u32 = 0x2200;

/// The table entry for a code point the face has no glyph for.
const NO_GLYPH: u16 = u16::MAX;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (i, name) in FONTS.into_iter().enumerate() {
        let source = PathBuf::from("assets/fonts").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let font = std::fs::read(&source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        let lean = dehint::dehint(&font).unwrap_or_else(|e| panic!("cannot dehint {name}: {e}"));
        std::fs::write(out.join(name), lean).unwrap_or_else(|e| panic!("cannot write dehinted {name}: {e}"));
        let table = if i < TABULATED { glyph_table(&font, name) } else { Vec::new() };
        std::fs::write(out.join(format!("{name}.glyphs")), table).unwrap_or_else(|e| panic!("cannot write: {e}"));
    }
    println!("cargo::rerun-if-changed=build/dehint.rs");
}

/// Per code point below [`TABLE_LEN`], four bytes: the glyph id and its
/// advance in thousandths of an em (truncated, as layout measures), both
/// little-endian, or [`NO_GLYPH`] and 0.
fn glyph_table(font: &[u8], name: &str) -> Vec<u8> {
    let face = ttf_parser::Face::parse(font, 0).unwrap_or_else(|e| panic!("cannot parse {name}: {e}"));
    let scale = 1000.0 / f32::from(face.units_per_em());
    let mut table = Vec::with_capacity(4 * TABLE_LEN as usize);
    for cp in 0..TABLE_LEN {
        let glyph = char::from_u32(cp).and_then(|c| face.glyph_index(c)).and_then(|id| {
            let units = face.glyph_hor_advance(id)?;
            Some((id.0, (f32::from(units) * scale) as u16))
        });
        let (id, advance) = glyph.unwrap_or((NO_GLYPH, 0));
        table.extend_from_slice(&id.to_le_bytes());
        table.extend_from_slice(&advance.to_le_bytes());
    }
    table
}
