//! Shared helpers: fixtures, goldens, external tools, text extraction.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use foikit::compose::Composer;
use foikit::doc::Document;
use foikit::render::{self, Format, RenderOptions};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The fixture cases, by file stem.
pub const CASES: &[&str] = &["ho-43342-refusal", "ho-78814-release"];

/// Built-in templates compiled once for the whole test binary.
pub fn composer() -> &'static Composer {
    static C: OnceLock<Composer> = OnceLock::new();
    C.get_or_init(Composer::builtin)
}

/// The composed document of a fixture case.
pub fn document(case: &str) -> Document {
    let path = root().join("fixtures/cases").join(format!("{case}.yaml"));
    let case = foikit::case::load(&path).unwrap_or_else(|e| panic!("{e}"));
    composer().compose(&case).unwrap_or_else(|e| panic!("{e}"))
}

/// Renders a fixture with fixed options (no SOURCE_DATE_EPOCH dependence).
pub fn render(case: &str, format: Format) -> Vec<u8> {
    render_doc(&document(case), format)
}

/// Renders a document with its own date as the timestamp.
pub fn render_doc(doc: &Document, format: Format) -> Vec<u8> {
    let opts = RenderOptions { timestamp: doc.meta.date.midnight().assume_utc() };
    render::render(doc, format, &opts).unwrap_or_else(|e| panic!("{e}"))
}

/// The reply of a fixture case, as a requester's letter sees it.
pub fn reply(case: &str) -> foikit::requester::Reply {
    let path = root().join("fixtures/cases").join(format!("{case}.yaml"));
    let c = foikit::case::load(&path).unwrap_or_else(|e| panic!("{e}"));
    foikit::requester::Reply::from_case(case, &c, &document(case))
}

/// The requester fixture for 43342.
pub fn gallagher() -> foikit::requester::RequesterFile {
    let path = root().join("fixtures/requester/gallagher-43342.yaml");
    foikit::case::load_as(&path, foikit::requester::facts).unwrap_or_else(|e| panic!("{e}"))
}

/// Every case file in `fixtures/cases/` (not `broken/`), by file stem,
/// discovered so a new fixture gets its goldens without being listed.
pub fn fixture_cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("fixtures/cases"))
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != "yaml" {
                return None;
            }
            Some(path.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

/// Letters whose DOCX and PDF bytes are committed as goldens (the seed
/// replies and the requester letters); every other letter's bytes are
/// held to determinism only, so goldens stay reviewable text.
pub const BYTE_GOLDENS: &[&str] =
    &["ho-43342-refusal", "ho-78814-release", "review-request-43342", "complaint-43342", "example-review-outcome"];

/// Every letter with a golden: each fixture case's letter (the one its
/// stage calls for) and the requester letters: (golden name, document).
pub fn letters() -> Vec<(String, Document)> {
    let mut out: Vec<(String, Document)> = fixture_cases()
        .into_iter()
        .map(|c| {
            let doc = document(&c);
            (c, doc)
        })
        .collect();
    let reply = reply("ho-43342-refusal");
    let who = gallagher();
    let date = |s: &str| foikit::case::Date::parse_iso(s).unwrap();
    out.push((
        "review-request-43342".into(),
        composer().compose_review_request(&reply, &who, who.date.unwrap()).unwrap(),
    ));
    out.push(("complaint-43342".into(), composer().compose_complaint(&reply, &who, date("2017-07-03")).unwrap().0));
    out
}

/// Compares `actual` with the golden file, or rewrites it under UPDATE_GOLDEN=1.
pub fn golden(name: &str, actual: &[u8]) {
    let path = root().join("fixtures/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!("missing golden {}: {e}\nrun `UPDATE_GOLDEN=1 cargo test` and review the diff", path.display())
    });
    if expected != actual {
        let (e, a) = (String::from_utf8_lossy(&expected), String::from_utf8_lossy(actual));
        let first = e.lines().zip(a.lines()).position(|(x, y)| x != y);
        let detail = match first {
            Some(i) => format!(
                "first difference at line {}:\n  golden: {}\n  actual: {}",
                i + 1,
                e.lines().nth(i).unwrap(),
                a.lines().nth(i).unwrap()
            ),
            None => format!("lengths differ: golden {} bytes, actual {} bytes", expected.len(), actual.len()),
        };
        panic!(
            "{} differs from its golden.\n{detail}\nIf the change is intended: UPDATE_GOLDEN=1 cargo test --test it, then review `git diff fixtures/golden`.",
            path.display()
        );
    }
}

/// Whether an external tool is available. Missing tools fail the test when
/// FOIKIT_REQUIRE_TOOLS=1 (CI), and skip it with a message otherwise.
pub fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var("FOIKIT_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{name} is required (FOIKIT_REQUIRE_TOOLS=1) but not installed"
        );
        eprintln!(
            "skipping: {name} is not installed (install poppler-utils, qpdf, libreoffice-writer to run this check)"
        );
    }
    found
}

/// A fresh, empty scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("foikit-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Text of a PDF by pdftotext (reading order).
pub fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The parts of a DOCX (zip), in archive order.
pub fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().to_string(), s)
        })
        .collect()
}

/// The text of a DOCX body, paragraph by paragraph, as a reader sees it.
pub fn docx_text(bytes: &[u8]) -> String {
    let parts = docx_parts(bytes);
    let doc = &parts.iter().find(|(n, _)| n == "word/document.xml").expect("document.xml").1;
    let mut out = String::new();
    for para in doc.split("</w:p>") {
        let mut rest = para;
        while let Some(i) = rest.find("<w:t") {
            let after = &rest[i + 4..];
            let Some(gt) = after.find('>') else { break };
            if !(after.starts_with('>') || after.starts_with(' ')) {
                rest = after;
                continue;
            }
            let body = &after[gt + 1..];
            let end = body.find("</w:t>").unwrap_or(body.len());
            out.push_str(&unescape(&body[..end]));
            rest = &body[end..];
        }
        out.push('\n');
    }
    out
}

/// The visible text of an HTML page.
pub fn html_text(html: &str) -> String {
    let body = html.split("<body>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Words for comparison: lower case, letters and digits only.
pub fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| w.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The share of `expected`'s words that appear in `actual` in the same
/// order (longest common subsequence / expected length).
pub fn in_order_share(expected: &[String], actual: &[String]) -> f64 {
    let mut prev = vec![0u32; actual.len() + 1];
    let mut cur = vec![0u32; actual.len() + 1];
    for e in expected {
        for (j, a) in actual.iter().enumerate() {
            cur[j + 1] = if e == a { prev[j] + 1 } else { prev[j + 1].max(cur[j]) };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    f64::from(prev[actual.len()]) / expected.len().max(1) as f64
}

/// A document's plain text with all whitespace runs made single spaces, so
/// assertions do not depend on where the text backend wraps lines.
pub fn flat_text(doc: &Document) -> String {
    render::text::text(doc).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every letter kind foikit writes, named for reports: every case file in
/// `fixtures/cases/` (found on disk, so new fixtures are covered without
/// touching a test) as final copy and as draft, the review outcome of every
/// case that has one, and the requester's letters (review request,
/// complaint).
pub fn every_letter() -> Vec<(String, Document)> {
    let mut letters = letters();
    let dir = root().join("fixtures/cases");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ["yaml", "yml", "json", "toml"].iter().any(|e| ext == *e)))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no case files in {}", dir.display());
    for path in cases {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let case = foikit::case::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut draft = composer().compose(&case).unwrap_or_else(|e| panic!("{stem}: {e}"));
        draft.meta.draft = true;
        letters.push((format!("{stem}-draft"), draft.clone()));
        draft.meta.draft = false;
        letters.push((stem.clone(), draft));
        if case.internal_review.is_some() {
            let outcome = composer().compose_review_outcome(&case).unwrap_or_else(|e| panic!("{stem}: {e}"));
            letters.push((format!("{stem}-review-outcome"), outcome));
        }
    }
    letters.sort_by(|a, b| a.0.cmp(&b.0));
    letters.dedup_by(|a, b| a.0 == b.0);
    letters
}

/// A Python checker from PyPI (`openxml-audit`, `pdfua`): on `PATH` (as
/// `.ci/run` sets it) or in the repository's own `.venv`. Missing, it skips
/// the test with a message, or fails it when `FOIKIT_REQUIRE_TOOLS=1`.
pub fn python_tool(name: &str) -> Option<PathBuf> {
    let candidates = [PathBuf::from(name), root().join(".venv/bin").join(name)];
    let found =
        candidates.into_iter().find(|path| Command::new(path).arg("--help").output().is_ok_and(|o| o.status.success()));
    if found.is_none() {
        assert!(
            std::env::var("FOIKIT_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{name} is required (FOIKIT_REQUIRE_TOOLS=1) but not installed"
        );
        eprintln!("skipping: {name} is not installed (python3 -m venv .venv && .venv/bin/pip install {name})");
    }
    found
}
