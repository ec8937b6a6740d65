//! Word's schema: every DOCX foikit writes is valid ECMA-376 (transitional)
//! as Office 2016 validates it, judged by an independent validator,
//! `openxml-audit` from PyPI (`.ci/run` installs it in a venv). LibreOffice
//! opens files Word reports as damaged, so the interop test alone cannot
//! catch a property out of schema order.
//!
//! The letters are every case file in `fixtures/cases/` (found on disk, so
//! new fixtures are covered without touching this file) as final copy and
//! as draft, the review outcome of every case that has one, and the
//! requester's letters (review request, complaint).

use std::path::{Path, PathBuf};
use std::process::Command;

use foikit::doc::Document;
use foikit::render::Format;

use crate::support;

/// Every letter kind foikit writes, named for the report: the golden
/// letters (each fixture case's letter, the requester's letters), each also
/// as a draft.
fn every_letter() -> Vec<(String, Document)> {
    let mut letters = Vec::new();
    for p in support::letters() {
        let name = format!("{}-{}", p.case.replace('/', "-"), p.letter);
        let mut draft = p.doc.clone();
        draft.meta.draft = true;
        letters.push((format!("{name}-draft"), draft));
        letters.push((name, p.doc));
    }
    letters
}

/// The validator: on `PATH` (as `.ci/run` sets it) or in the repository's
/// own `.venv`. Missing, it skips the test with a message, or fails it when
/// `FOIKIT_REQUIRE_TOOLS=1`.
fn validator() -> Option<PathBuf> {
    let candidates = [PathBuf::from("openxml-audit"), support::root().join(".venv/bin/openxml-audit")];
    let found =
        candidates.into_iter().find(|path| Command::new(path).arg("--help").output().is_ok_and(|o| o.status.success()));
    if found.is_none() {
        assert!(
            std::env::var("FOIKIT_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "openxml-audit is required (FOIKIT_REQUIRE_TOOLS=1) but not installed"
        );
        eprintln!(
            "skipping: openxml-audit is not installed (python3 -m venv .venv && .venv/bin/pip install openxml-audit)"
        );
    }
    found
}

/// Runs the validator once over every DOCX in `dir`; its JSON report.
fn audit(validator: &Path, dir: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(validator)
        .args(["--recursive", "--format", "office2016", "--policy", "strict", "--output", "json", "--max-errors", "0"])
        .arg(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!("openxml-audit did not report JSON ({e}): {stdout}{}", String::from_utf8_lossy(&out.stderr))
    })
}

#[test]
fn openxml_audit_finds_no_error_in_any_docx() {
    let Some(validator) = validator() else { return };
    let dir = support::scratch("openxml-audit");
    let letters = every_letter();
    for (name, doc) in &letters {
        std::fs::write(dir.join(format!("{name}.docx")), support::render_doc(doc, Format::Docx)).unwrap();
    }
    let report = audit(&validator, &dir);
    assert_eq!(report.len(), letters.len(), "one result per file: {report:#?}");
    let failures: Vec<String> = report
        .iter()
        .filter(|result| result["valid"] != true || result["error_count"] != 0)
        .map(|result| format!("{}: {:#}", result["file"], result["errors"]))
        .collect();
    assert!(failures.is_empty(), "openxml-audit (office2016) found errors:\n{}", failures.join("\n"));
}
