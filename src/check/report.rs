//! Printing findings: for people (rustc style), as JSON, and as SARIF 2.1.0
//! for code-scanning in CI.

use serde::Serialize;
use serde_json::{Value, json};

use super::diagnostic::{Diagnostic, Severity};
use super::letter::{Letter, LetterKind};
use super::rules::RULES;
use crate::case::Date;
use crate::law::RegimeId;

/// What the validator took a letter to be, so a user can see why each rule
/// applied: the kind and the words that decided it, and the facts read.
#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    /// The file.
    pub file: String,
    /// The kind of letter.
    pub kind: LetterKind,
    /// How the kind was decided: "case" (a case file), "wording" or "given" (`--kind`).
    pub kind_from: &'static str,
    /// The wording that decided the kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The regime.
    pub regime: RegimeId,
    /// The reference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The letter's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// When the request was received.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub received: Option<Date>,
    /// For a requester's letter: the date of the reply it challenges.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_date: Option<Date>,
    /// The authority.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
    /// The provisions relied on, as cited ("section 24(1)").
    pub exemptions: Vec<String>,
    /// Why the letter appears cut short, if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
}

impl Reading {
    /// What `letter` was read as.
    pub fn of(letter: &Letter) -> Reading {
        let r = letter.recognised.as_ref();
        Reading {
            file: letter.file.clone(),
            kind: letter.kind,
            kind_from: match r.map(|r| r.by) {
                None => "case",
                Some(crate::read::KindSource::Wording) => "wording",
                Some(crate::read::KindSource::Given) => "given",
            },
            evidence: r.map(|r| r.evidence.clone()),
            regime: letter.regime,
            reference: letter.reference.clone(),
            date: letter.sent,
            received: letter.received,
            reply_date: letter.reply_date,
            authority: r.and_then(|r| r.authority.clone()),
            exemptions: letter.exemptions().iter().map(|c| format!("{} {}", c.word, c.provision)).collect(),
            incomplete: r.and_then(|r| r.incomplete.clone()),
        }
    }

    /// One paragraph for people.
    fn human(&self) -> String {
        let mut out = format!("note: {}: read as a {} under {}", self.file, self.kind, self.regime.regime().act_short);
        match (self.kind_from, &self.evidence) {
            ("given", _) => out.push_str(" (as given by --kind)"),
            (_, Some(e)) => out.push_str(&format!(", from \"{e}\"")),
            _ => out.push_str(" (from its case file)"),
        }
        out.push('\n');
        let mut facts = Vec::new();
        if let Some(r) = &self.reference {
            facts.push(format!("reference {r}"));
        }
        if let Some(a) = &self.authority {
            facts.push(format!("authority {a}"));
        }
        for (label, date) in [("dated", self.date), ("request received", self.received), ("reply of", self.reply_date)]
        {
            if let Some(d) = date {
                facts.push(format!("{label} {d}"));
            }
        }
        if !self.exemptions.is_empty() {
            facts.push(format!("relies on {}", self.exemptions.join(", ")));
        }
        if !facts.is_empty() {
            out.push_str(&format!("   = {}\n", facts.join("; ")));
        }
        if let Some(i) = &self.incomplete {
            out.push_str(&format!("   = the letter appears incomplete: {i}\n"));
        }
        out
    }
}

/// Counts of errors and warnings.
pub fn counts(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diagnostics.len() - errors)
}

/// Human-readable report: what each letter was read as, then the findings.
pub fn human(readings: &[Reading], diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for r in readings {
        out.push_str(&r.human());
    }
    if !readings.is_empty() {
        out.push('\n');
    }
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

/// A file that could not be checked at all (unreadable, invalid, too large).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unreadable {
    /// The file.
    pub file: String,
    /// Why.
    pub message: String,
}

/// JSON report: `{ "letters": [...], "diagnostics": [...], "errors": n,
/// "warnings": n, "unreadable": [...] }`; `unreadable` lists files that
/// could not be checked, so one bad file never hides the others' findings.
pub fn json(readings: &[Reading], diagnostics: &[Diagnostic], unreadable: &[Unreadable]) -> Value {
    let (errors, warnings) = counts(diagnostics);
    json!({
        "letters": readings, "diagnostics": diagnostics, "errors": errors, "warnings": warnings,
        "unreadable": unreadable,
    })
}

/// SARIF 2.1.0 log with one run; what each letter was read as is in the
/// run's properties (`letters`), as SARIF leaves tool-specific facts there;
/// files that could not be checked are tool execution notifications of its
/// invocation (SARIF §3.20.21).
pub fn sarif(readings: &[Reading], diagnostics: &[Diagnostic], unreadable: &[Unreadable]) -> Value {
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
    let notifications: Vec<Value> = unreadable
        .iter()
        .map(|u| {
            json!({
                "level": "error",
                "message": { "text": u.message },
                "locations": [sarif_location(&u.file, None, None)],
            })
        })
        .collect();
    let mut log = sarif_log(rules, results);
    log["runs"][0]["properties"] = json!({ "letters": readings });
    log["runs"][0]["invocations"] = json!([{
        "executionSuccessful": unreadable.is_empty(),
        "toolExecutionNotifications": notifications,
    }]);
    log
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

/// A SARIF 2.1.0 log of one foikit run with these rules and results; a
/// caller adds its own facts about the run (properties, invocations).
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
