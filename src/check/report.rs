//! Printing findings: for people (rustc style), as JSON, and as SARIF 2.1.0
//! for code-scanning in CI.

use serde_json::{Value, json};

use super::diagnostic::{Diagnostic, Severity};
use super::rules::RULES;

/// Counts of errors and warnings.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diagnostics.len() - errors)
}

/// Human-readable report.
pub fn human(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!("{}[{}] {}: {}\n", d.severity, d.code, d.name, d.message));
        let l = &d.location;
        match (l.line, l.column) {
            (Some(line), Some(col)) => out.push_str(&format!("  --> {}:{line}:{col}\n", l.file)),
            (Some(line), None) => out.push_str(&format!("  --> {}:{line}\n", l.file)),
            _ => out.push_str(&format!("  --> {}\n", l.file)),
        }
        if let Some(q) = &l.quote {
            out.push_str(&format!("   | {q}\n"));
        }
        out.push_str(&format!("   = help: {}\n\n", d.help));
    }
    let (errors, warnings) = counts(diagnostics);
    out.push_str(&format!("{errors} error{}, {warnings} warning{}\n", plural(errors), plural(warnings)));
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// JSON report: `{ "diagnostics": [...], "errors": n, "warnings": n }`.
pub fn json(diagnostics: &[Diagnostic]) -> Value {
    let (errors, warnings) = counts(diagnostics);
    json!({ "diagnostics": diagnostics, "errors": errors, "warnings": warnings })
}

/// SARIF 2.1.0 log with one run.
pub fn sarif(diagnostics: &[Diagnostic]) -> Value {
    let level = |s: Severity| match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.help, "markdown": r.doc },
                "defaultConfiguration": { "level": level(r.severity) },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let l = &d.location;
            json!({
                "ruleId": d.code,
                "ruleIndex": RULES.iter().position(|r| r.code == d.code).unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [sarif_location(&l.file, l.line.map(|n| (n, l.column.unwrap_or(1))), l.quote.as_deref())],
            })
        })
        .collect();
    sarif_log(rules, results)
}

/// A SARIF location: a file, optionally a (line, column) and the text there.
pub fn sarif_location(file: &str, at: Option<(usize, usize)>, snippet: Option<&str>) -> Value {
    let mut region = json!({});
    if let Some((line, column)) = at {
        region["startLine"] = json!(line);
        region["startColumn"] = json!(column);
    }
    if let Some(q) = snippet {
        region["snippet"] = json!({ "text": q });
    }
    let mut physical = json!({ "artifactLocation": { "uri": file } });
    if region.as_object().is_some_and(|o| !o.is_empty()) {
        physical["region"] = region;
    }
    json!({ "physicalLocation": physical })
}

/// A SARIF 2.1.0 log of one foikit run with these rules and results.
pub fn sarif_log(rules: Vec<Value>, results: Vec<Value>) -> Value {
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "foikit",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/foikit/foikit",
                "rules": rules,
            }},
            "results": results,
        }],
    })
}
