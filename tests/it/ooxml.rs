//! Word's schema: every DOCX foikit writes is valid ECMA-376 (transitional)
//! as Office 2016 validates it, judged by an independent validator,
//! `openxml-audit` from PyPI (`.ci/run` installs it in a venv). LibreOffice
//! opens files Word reports as damaged, so the interop test alone cannot
//! catch a property out of schema order.
//!
//! The letters are [`support::every_letter`].

use std::path::Path;
use std::process::Command;

use foikit::render::Format;

use crate::support;

/// Runs the validator once over every DOCX in `dir`; its JSON report.
pub fn audit(validator: &Path, dir: &Path) -> Vec<serde_json::Value> {
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
    let Some(validator) = support::python_tool("openxml-audit") else { return };
    let dir = support::scratch("openxml-audit");
    let letters = support::every_letter();
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
