//! Work on the bundled fonts done once, at build time, so no process pays
//! for it: each face is dehinted for embedding (`src/render/pdf/dehint.rs`;
//! the binary carries the original for shaping too), and the letter's own
//! faces get a table of glyph ids and advances for the common code points
//! (`src/render/pdf/glyph_table.rs`), which took some 20 million
//! instructions to build in every process.
//!
//! The built-in templates are compiled here too, into code that constructs
//! them (`build/precompile.rs`, `src/compose/precompiled.rs`): compiling
//! them took a quarter of a one-letter process.
//!
//! The letter's own faces are also subset to their standard glyphs
//! (`src/render/pdf/standard.rs`) and deflated, so a letter that shows no
//! other glyph embeds them without subsetting or compressing.
//!
//! And the parts every letter carries unchanged (DOCX styles, settings,
//! theme, font table, package relationships; the PDF's ICC profile) are
//! deflated here with the run-time deflate code (`src/render/deflate/`),
//! so the first letter of a process need not compress them.

#[path = "src/compose/builtin.rs"]
mod builtin;
#[path = "src/render/deflate/codec.rs"]
mod codec;
#[path = "src/compose/compile.rs"]
mod compile;
#[path = "src/compose/construct.rs"]
mod construct;
#[path = "src/render/pdf/dehint.rs"]
mod dehint;
#[path = "src/render/docx/fixed.rs"]
mod fixed;
#[path = "src/render/pdf/glyph_table.rs"]
mod glyph_table;
#[path = "build/precompile.rs"]
mod precompile;
#[path = "src/render/pdf/sfnt.rs"]
mod sfnt;
#[path = "src/render/pdf/standard.rs"]
mod standard;
#[path = "src/render/pdf/subset.rs"]
mod subset;
// The build writes only the one-byte map of the standard subsets, and
// needs only their codes, not the glyph name their encoding gives one.
#[path = "src/render/docx/theme.rs"]
mod theme;
#[allow(dead_code)]
#[path = "src/render/pdf/to_unicode.rs"]
mod to_unicode;
#[allow(dead_code)]
#[path = "src/render/pdf/win_ansi.rs"]
mod win_ansi;

use std::path::{Path, PathBuf};

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

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fonts(&out);
    templates(&out);
    built_parts(&out);
}

/// Dehints every face, and tabulates the letter's own and makes their
/// standard subsets.
fn fonts(out: &Path) {
    let mut standard = format!("static STANDARD: [(&str, Standard); {TABULATED}] = [\n");
    for (i, name) in FONTS.into_iter().enumerate() {
        let source = PathBuf::from("assets/fonts").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let font = std::fs::read(&source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        let lean = dehint::dehint(&font).unwrap_or_else(|e| panic!("cannot dehint {name}: {e}"));
        std::fs::write(out.join(name), &lean).unwrap_or_else(|e| panic!("cannot write dehinted {name}: {e}"));
        let table = if i < TABULATED {
            let face = ttf_parser::Face::parse(&font, 0).unwrap_or_else(|e| panic!("cannot parse {name}: {e}"));
            standard.push_str(&standard_subset(out, name, &face, &lean));
            glyph_table::glyph_table(&face)
        } else {
            Vec::new()
        };
        std::fs::write(out.join(format!("{name}.glyphs")), table).unwrap_or_else(|e| panic!("cannot write: {e}"));
    }
    standard.push_str("];\n");
    standard.push_str(&standard_to_unicode(out));
    std::fs::write(out.join("standard_subsets.rs"), standard).unwrap_or_else(|e| panic!("cannot write: {e}"));
    println!("cargo::rerun-if-changed=src/render/pdf/dehint.rs");
    println!("cargo::rerun-if-changed=src/render/pdf/sfnt.rs");
    println!("cargo::rerun-if-changed=src/render/pdf/glyph_table.rs");
    println!("cargo::rerun-if-changed=src/render/pdf/standard.rs");
    println!("cargo::rerun-if-changed=src/render/pdf/subset.rs");
    println!("cargo::rerun-if-changed=src/render/pdf/to_unicode.rs");
    println!("cargo::rerun-if-changed=src/render/pdf/win_ansi.rs");
}

/// Writes the ToUnicode map every standard subset's simple font shares
/// (each code reads as its character, whatever the face), deflated, and
/// returns its entry for `src/render/pdf/fonts.rs`: the map's name and
/// its deflated bytes.
fn standard_to_unicode(out: &Path) -> String {
    const NAME: &str = "WinAnsi";
    let mut codes: Vec<(u16, char)> = standard::STANDARD_CHARS
        .iter()
        .cloned()
        .flatten()
        .map(|c| (u16::from(win_ansi::code(c).unwrap_or_else(|| panic!("{c:?} has no code"))), c))
        .collect();
    codes.sort_unstable();
    let cmap = to_unicode::to_unicode_cmap(
        NAME,
        to_unicode::CodeLength::One,
        codes.iter().map(|&(code, c)| (code, std::iter::once(c))),
    );
    let mut best = libdeflater::Compressor::new(libdeflater::CompressionLvl::best());
    let deflated = codec::run(&mut best, cmap.as_bytes(), codec::Format::Zlib)
        .unwrap_or_else(|e| panic!("cannot deflate the ToUnicode map: {e}"));
    std::fs::write(out.join("standard.to_unicode"), deflated).unwrap_or_else(|e| panic!("cannot write: {e}"));
    format!(
        "static STANDARD_TO_UNICODE: (&str, &[u8]) = ({NAME:?}, include_bytes!(concat!(env!(\"OUT_DIR\"), \"/standard.to_unicode\")));\n"
    )
}

/// Writes the standard subset of `program` (the dehinted `face`) deflated
/// at libdeflate's best level, and returns its entry in the table
/// `src/render/pdf/fonts.rs` includes: the font's file name, the subset's
/// glyph ids, its length before deflating and its deflated bytes.
fn standard_subset(out: &Path, name: &str, face: &ttf_parser::Face, program: &[u8]) -> String {
    let (chars, ids) = standard::standard_glyphs(|c| Some(face.glyph_index(c)?.0));
    let subset = subset::subset(program, &ids, &chars).unwrap_or_else(|e| panic!("cannot subset {name}: {e}"));
    let mut best = libdeflater::Compressor::new(libdeflater::CompressionLvl::best());
    let deflated =
        codec::run(&mut best, &subset, codec::Format::Zlib).unwrap_or_else(|e| panic!("cannot deflate {name}: {e}"));
    let file = format!("{name}.standard");
    std::fs::write(out.join(&file), deflated).unwrap_or_else(|e| panic!("cannot write {file}: {e}"));
    format!(
        "    ({name:?}, Standard {{ ids: &{ids:?}, length: {}, deflated: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{file}\")) }}),\n",
        subset.len()
    )
}

/// Writes the code that constructs the built-in templates.
fn templates(out: &Path) {
    let code = precompile::generate();
    std::fs::write(out.join("precompiled_templates.rs"), code).unwrap_or_else(|e| panic!("cannot write: {e}"));
    for source in [
        "templates",
        "build/precompile.rs",
        "src/compose/builtin.rs",
        "src/compose/compile.rs",
        "src/compose/construct.rs",
    ] {
        println!("cargo::rerun-if-changed={source}");
    }
}

/// Deflates the built-in parts and writes the table that pairs each with
/// its deflated bytes (`src/render/deflate.rs` includes it): the Rust
/// path of the part, as the crate names it, its bytes here and its format.
fn built_parts(out: &Path) {
    use codec::Format::{Raw, Zlib};
    let srgb = std::fs::read("assets/icc/sRGB.icc").unwrap_or_else(|e| panic!("cannot read the ICC profile: {e}"));
    let parts: [(&str, &[u8], codec::Format); 9] = [
        ("docx::fixed::STYLES_XML.as_bytes()", fixed::STYLES_XML.as_bytes(), Raw),
        ("docx::fixed::PACKAGE_RELS.as_bytes()", fixed::PACKAGE_RELS.as_bytes(), Raw),
        ("docx::fixed::APP_XML.as_bytes()", fixed::APP_XML.as_bytes(), Raw),
        ("docx::fixed::SETTINGS_XML.as_bytes()", fixed::SETTINGS_XML.as_bytes(), Raw),
        ("docx::fixed::EVEN_AND_ODD_SETTINGS_XML.as_bytes()", fixed::EVEN_AND_ODD_SETTINGS_XML.as_bytes(), Raw),
        ("docx::fixed::WEB_SETTINGS_XML.as_bytes()", fixed::WEB_SETTINGS_XML.as_bytes(), Raw),
        ("docx::fixed::FONT_TABLE_XML.as_bytes()", fixed::FONT_TABLE_XML.as_bytes(), Raw),
        ("docx::theme::THEME_XML.as_bytes()", theme::THEME_XML.as_bytes(), Raw),
        ("pdf::archival::SRGB", &srgb, Zlib),
    ];
    let mut code = format!("static BUILT: [Built; {}] = [\n", parts.len());
    for (i, (path, data, format)) in parts.into_iter().enumerate() {
        let deflated = codec::run(&mut codec::compressor(), data, format).unwrap_or_else(|e| panic!("{path}: {e}"));
        let name = format!("built_part_{i}.deflated");
        std::fs::write(out.join(&name), deflated).unwrap_or_else(|e| panic!("cannot write {name}: {e}"));
        code.push_str(&format!(
            "    Built {{ format: Format::{format:?}, data: crate::render::{path}, deflated: include_bytes!(concat!(env!(\"OUT_DIR\"), \"/{name}\")) }},\n"
        ));
    }
    code.push_str("];\n");
    std::fs::write(out.join("built_parts.rs"), code).unwrap_or_else(|e| panic!("cannot write: {e}"));
    for source in
        ["assets/icc/sRGB.icc", "src/render/deflate/codec.rs", "src/render/docx/fixed.rs", "src/render/docx/theme.rs"]
    {
        println!("cargo::rerun-if-changed={source}");
    }
}
