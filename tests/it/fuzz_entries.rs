//! The entry points the fuzzer (`fuzz/`) drives, one per target. The fuzz
//! crate includes this file, and `fuzz_regressions` feeds every kept input
//! through it, so a crash found by the fuzzer is replayed by `cargo test`
//! through exactly the code that found it.
//!
//! Each entry returns `Ok` or the message a user would see: a kept input
//! must end in one or the other, never in a panic.

use std::sync::OnceLock;

use foikit::case::{self, SourceFormat};
use foikit::check::{self, report::Reading};
use foikit::compose::{Composer, markup};
use foikit::read::{self, LetterFormat};
use foikit::render::{self, Format, RenderOptions};

/// Case-file parsing: the bytes as a YAML, a JSON and a TOML case file,
/// each read and validated as `foikit render` would.
pub fn case_file(data: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(data).map_err(|e| e.to_string())?;
    let mut outcome = Ok(());
    for format in [SourceFormat::Yaml, SourceFormat::Json, SourceFormat::Toml] {
        match case::parse(text, format, "fuzz") {
            Ok(case) => drop(case.stage_kind()),
            Err(e) => outcome = Err(e.to_string()),
        }
    }
    outcome
}

/// Composition: a valid fixture case (chosen by the first byte) with some
/// of its string fields replaced, composed, checked and rendered in every
/// format. The rest of the input is NUL-separated edits: an edit's first
/// byte picks the string field, the rest is its new value.
pub fn compose(data: &[u8]) -> Result<(), String> {
    let (&pick, edits) = data.split_first().ok_or("empty input")?;
    let bases = bases();
    let mut value = bases[usize::from(pick) % bases.len()].clone();
    let mut fields = Vec::new();
    strings(&mut value, &mut fields);
    for edit in edits.split(|&b| b == 0) {
        if let Some((&field, new)) = edit.split_first() {
            let count = fields.len();
            *fields[usize::from(field) % count] = String::from_utf8_lossy(new).into_owned();
        }
    }
    let json = serde_json::to_string(&value).map_err(|e| e.to_string())?;
    let case = case::parse(&json, SourceFormat::Json, "fuzz.json").map_err(|e| e.to_string())?;
    let (doc, letter) =
        foikit::pipeline::compose(composer(), &case, case.stage_kind(), "fuzz.json", Some((json, SourceFormat::Json)))
            .map_err(|e| e.to_string())?;
    drop(check::check(&letter));
    let options = RenderOptions::for_document(&doc);
    for format in Format::ALL {
        render::render(&doc, format, &options).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// The markup parser on the bytes as template output; and, whatever the
/// bytes, the same text escaped as a case value must parse (escaping is
/// what keeps a requester's `**` or `::: section` literal).
pub fn markup(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = markup::parse(&markup::escape(&text)) {
        panic!("an escaped value must parse, but line {}: {}", e.line, e.message);
    }
    markup::parse(&text).map(drop).map_err(|e| format!("line {}: {}", e.line, e.message))
}

/// Letter reading: the bytes as a DOCX (`PK…`), PDF (`%PDF…`), HTML (`<…`)
/// or text file, extracted, its kind and facts recognised, and checked.
pub fn letter(data: &[u8]) -> Result<(), String> {
    let format = if data.starts_with(b"PK") {
        LetterFormat::Docx
    } else if data.starts_with(b"%PDF") {
        LetterFormat::Pdf
    } else if data.first() == Some(&b'<') {
        LetterFormat::Html
    } else {
        LetterFormat::Text
    };
    let letter = read::letter("fuzz", format, data, None).map_err(|e| e.to_string())?;
    drop(Reading::of(&letter));
    drop(check::check(&letter));
    Ok(())
}

/// The valid cases composition starts from, as JSON values: one per kind
/// of letter and regime the fixtures cover (cases that read a profile or
/// annex file from disk are left out, so the entry reads no files).
fn bases() -> &'static [serde_json::Value] {
    static BASES: OnceLock<Vec<serde_json::Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        [
            include_str!("../../fixtures/cases/ho-43342-refusal.yaml"),
            include_str!("../../fixtures/cases/ho-78814-release.yaml"),
            include_str!("../../fixtures/cases/council-acknowledgement-foia.yaml"),
            include_str!("../../fixtures/cases/council-holding-eir.yaml"),
            include_str!("../../fixtures/cases/council-ncnd-foia.yaml"),
            include_str!("../../fixtures/cases/council-partial-foia.yaml"),
            include_str!("../../fixtures/cases/council-refusal-eir.yaml"),
            include_str!("../../fixtures/cases/council-vexatious-foia.yaml"),
            include_str!("../../fixtures/cases/scottish-clarification-foisa.yaml"),
            include_str!("../../fixtures/cases/scottish-review-outcome-foisa.yaml"),
        ]
        .iter()
        .map(|src| {
            let case = case::parse(src, SourceFormat::Yaml, "base.yaml").unwrap_or_else(|e| panic!("{e}"));
            let mut value = serde_json::to_value(case).expect("a case serialises");
            drop_nulls(&mut value);
            value
        })
        .collect()
    })
}

/// Every string in `value`, in document order.
fn strings<'a>(value: &'a mut serde_json::Value, out: &mut Vec<&'a mut String>) {
    match value {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// Removes absent optional fields, which a case serialises as `null` but a
/// case file leaves out.
fn drop_nulls(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        serde_json::Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(drop_nulls);
        }
        _ => {}
    }
}

fn composer() -> &'static Composer {
    static COMPOSER: OnceLock<Composer> = OnceLock::new();
    COMPOSER.get_or_init(Composer::builtin)
}
