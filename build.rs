//! Dehints the bundled fonts once, at build time, so no process pays for it
//! (see `build/dehint.rs`): the binary carries each face twice, the original
//! for shaping and metrics and the lean copy for embedding.

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

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for name in FONTS {
        let source = PathBuf::from("assets/fonts").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let font = std::fs::read(&source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
        let lean = dehint::dehint(&font).unwrap_or_else(|e| panic!("cannot dehint {name}: {e}"));
        std::fs::write(out.join(name), lean).unwrap_or_else(|e| panic!("cannot write dehinted {name}: {e}"));
    }
    println!("cargo::rerun-if-changed=build/dehint.rs");
}
