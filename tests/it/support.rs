//! Shared helpers: fixtures, the golden letters, external tools, text extraction.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use foikit::case::Date;
use foikit::check::{self, Letter, LetterKind};
use foikit::compose::Composer;
use foikit::doc::Document;
use foikit::golden::{Produced, source};
use foikit::law::deadline::Clock;
use foikit::render::{self, Format, RenderOptions};
use foikit::requester::RequesterFile;

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
    render::render(doc, format, &fixed(doc)).unwrap_or_else(|e| panic!("{e}"))
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

/// The fixture case files, found on disk so a new fixture is covered
/// without being listed (`fixtures/broken-cases/` holds the broken variants).
fn case_files() -> Vec<source::CaseFile> {
    source::discover(&[root().join("fixtures/cases/*.yaml")]).unwrap_or_else(|e| panic!("{e}"))
}

/// Every fixture case, by file stem.
pub fn fixture_cases() -> Vec<String> {
    case_files().into_iter().map(|c| c.id).collect()
}

/// The letter's own date as the file timestamp, whatever the environment
/// says, so the hashes are the same on every machine and in CI.
pub fn fixed(doc: &Document) -> RenderOptions {
    RenderOptions { timestamp: doc.meta.date.midnight().assume_utc(), reference_doc: None }
}

/// Every golden letter: the cases' letters, then the requester fixtures'.
pub fn letters() -> Vec<Produced> {
    let cases = case_files();
    let mut out: Vec<Produced> =
        cases.iter().flat_map(|c| source::letters(c, composer(), &[]).unwrap_or_else(|e| panic!("{e}"))).collect();
    out.extend(requester_letters(&cases));
    out
}

/// A requester file `<who>-<reference>.yaml` answers the fixture case with
/// that reference: it gives a review request dated the file's `date`, and a
/// complaint dated the first day the Commissioner expects one (the day after
/// the review outcome was due).
fn requester_letters(cases: &[source::CaseFile]) -> Vec<Produced> {
    let dir = root().join("fixtures/requester");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let who: RequesterFile =
            foikit::case::load_as(&path, foikit::requester::facts).unwrap_or_else(|e| panic!("{e}"));
        let (case, parsed) = cases
            .iter()
            .map(|c| (c, foikit::case::load(&c.path).unwrap()))
            .find(|(_, parsed)| stem.ends_with(&format!("-{}", parsed.reference)))
            .unwrap_or_else(|| panic!("{}: no fixture case has the reference its name ends with", path.display()));
        let file = case.path.display().to_string();
        let kind = parsed.reply_kind().unwrap_or_else(|| panic!("{}: the case has no reply", case.path.display()));
        let doc = composer().compose_letter(&parsed, kind).unwrap();
        let reply = foikit::requester::Reply::from_case(&file, &parsed, &doc);
        let asked = who.date.unwrap_or_else(|| panic!("{}: give the `date` of the review request", path.display()));
        let calendar = foikit::law::calendar::Calendar::builtin();
        let mut clock = Clock::new(&calendar, reply.regime);
        let review_due = clock.deadline(asked.0, reply.regime.regime().review.answer_within, &[]).unwrap().due;
        let complained = Date(review_due.0.next_day().unwrap());
        let review = composer().compose_review_request(&reply, &who, asked).unwrap();
        let (complaint, _) = composer().compose_complaint(&reply, &who, complained).unwrap();
        for (letter, kind, doc, date) in [
            ("review-request", LetterKind::ReviewRequest, review, asked),
            ("complaint", LetterKind::Complaint, complaint, complained),
        ] {
            let name = path.display().to_string();
            let findings =
                check::check(&Letter::composed(&name, kind, reply.regime, &doc, (reply.replied, Some(date))));
            let source = std::fs::read_to_string(&path).ok();
            out.push(Produced { case: stem.clone(), file: name, letter: letter.into(), doc, findings, source });
        }
    }
    out
}

/// Whether an external tool is available. Missing tools fail the test when
/// FOIKIT_REQUIRE_TOOLS=1 (CI), and skip it with a message otherwise.
pub fn tool(name: &str) -> bool {
    tool_from(name, "install poppler-utils, qpdf, libreoffice-writer")
}

/// [`tool`], with `install` saying how to get it in the skip message.
pub fn tool_from(name: &str, install: &str) -> bool {
    let found = Command::new(name).arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var("FOIKIT_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{name} is required (FOIKIT_REQUIRE_TOOLS=1) but not installed"
        );
        eprintln!("skipping: {name} is not installed ({install} to run this check)");
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

/// The parts of a DOCX (zip), in archive order, as text.
pub fn docx_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            // Pictures are not text; their names are what tests look at.
            (f.name().to_string(), String::from_utf8_lossy(&bytes).into_owned())
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

/// Every letter kind foikit writes, named for reports: the golden letters
/// (each fixture case's letters, the requester's letters), each also as a
/// draft.
pub fn every_letter() -> Vec<(String, Document)> {
    let mut out = Vec::new();
    for p in letters() {
        let name = format!("{}-{}", p.case.replace('/', "-"), p.letter);
        let mut draft = p.doc.clone();
        draft.meta.draft = true;
        out.push((format!("{name}-draft"), draft));
        out.push((name, p.doc));
    }
    out
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
