//! Printing a golden check: for people (diffs grouped by case, with the
//! validator's findings on each changed letter), as JSON, and as SARIF for
//! code-scanning annotations on the case or template line behind a change.

use serde_json::{Value, json};

use super::store::{LetterOutcome, Outcome, PartDiff, Status};
use super::{Part, Updated};
use crate::check::report as findings;

/// The command that accepts the letters as they are now.
const UPDATE_HINT: &str =
    "if the change is intended, run `foikit golden update` with the same arguments and commit the snapshots";

/// The report for people. Each changed letter shows the diff of its text
/// and layout; other parts are listed, and shown only when the text did not
/// change (a style, a section name, a byte-level change).
pub fn human(outcome: &Outcome, allow_new: bool) -> String {
    let mut out = String::new();
    let mut case = None;
    for l in &outcome.letters {
        if matches!(l.status, Status::Unchanged) {
            continue;
        }
        if case != Some(&l.case) {
            out.push_str(&format!("case {} ({})\n", l.case, l.file));
            case = Some(&l.case);
        }
        letter(l, &mut out);
    }
    for s in &outcome.stale {
        let folder = s.files.first().and_then(|f| std::path::Path::new(f).parent()).map(|p| p.display().to_string());
        out.push_str(&format!(
            "stale: {}/{} has a snapshot but no case produces it (deleted or renamed case?): {}/{}.*\n",
            s.case,
            s.letter,
            folder.unwrap_or_default(),
            s.letter
        ));
    }
    let (unchanged, changed, new) = outcome.counts();
    out.push_str(&format!(
        "\n{} letter{}: {unchanged} unchanged, {changed} changed, {new} new; {} stale snapshot{}\n",
        outcome.letters.len(),
        plural(outcome.letters.len()),
        outcome.stale.len(),
        plural(outcome.stale.len())
    ));
    if !outcome.passed(allow_new) {
        out.push_str(&format!("golden check failed: {UPDATE_HINT}\n"));
    } else if new > 0 || !outcome.stale.is_empty() {
        out.push_str("new and stale snapshots allowed (--allow-new)\n");
    }
    out
}

fn letter(l: &LetterOutcome, out: &mut String) {
    match &l.status {
        Status::Unchanged => {}
        Status::New => out.push_str(&format!("  new: {} has no snapshot yet\n", l.letter)),
        Status::Changed { parts } => {
            out.push_str(&format!("  changed: {}\n", l.letter));
            if let Some(t) = l.trace.as_ref().filter(|t| t.line.is_some()) {
                out.push_str(&format!("  traced to {}:{}\n", t.file, t.line.unwrap_or(1)));
            }
            let text_changed = parts.iter().any(|p| p.part == Part::Text);
            let mut listed = Vec::new();
            for p in parts {
                if !text_changed || matches!(p.part, Part::Text | Part::Layout) {
                    out.push_str(&indent(&p.diff.unified, "    "));
                } else {
                    listed.push(p.part.suffix());
                }
            }
            if !listed.is_empty() {
                out.push_str(&format!("    also changed: {}\n", listed.join(", ")));
            }
            let stamped = parts.iter().any(|p| p.part == Part::Hashes && p.diff.unified.contains("\n-# timestamp"));
            if stamped {
                out.push_str(
                    "    note: the files carry another timestamp than the snapshot's: set SOURCE_DATE_EPOCH the same way (or not at all) where you update and where you check\n",
                );
            }
        }
    }
    if !matches!(l.status, Status::Unchanged) && !l.findings.is_empty() {
        out.push_str("  the validator on the letter as rendered now:\n");
        out.push_str(&indent(&findings::human(&[], &l.findings), "    "));
    }
}

fn indent(text: &str, pad: &str) -> String {
    text.lines().map(|l| if l.is_empty() { "\n".to_string() } else { format!("{pad}{l}\n") }).collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The JSON report: a summary, every letter with its status (changed ones
/// with each part's diff and the words it inserted and deleted, where the
/// change is traced, and the validator's findings), and stale snapshots.
pub fn json(outcome: &Outcome, allow_new: bool) -> Value {
    let (unchanged, changed, new) = outcome.counts();
    json!({
        "passed": outcome.passed(allow_new),
        "summary": {
            "letters": outcome.letters.len(),
            "unchanged": unchanged,
            "changed": changed,
            "new": new,
            "stale": outcome.stale.len(),
        },
        "letters": outcome.letters,
        "stale": outcome.stale,
    })
}

/// The golden check's rules, as SARIF reporting descriptors: (id, name, summary).
const RULES: [(&str, &str, &str); 3] = [
    ("GOLDEN1", "letter-changed", "A letter differs from its golden snapshot"),
    ("GOLDEN2", "letter-new", "A letter has no golden snapshot yet"),
    ("GOLDEN3", "snapshot-stale", "A golden snapshot has no case that produces it"),
];

/// SARIF 2.1.0: one result per changed or new letter, on the case-file or
/// template line the change was traced to (the case file otherwise), and
/// one per stale snapshot, on its text file. New and stale results are
/// notes under `--allow-new`.
pub fn sarif(outcome: &Outcome, allow_new: bool) -> Value {
    let new_level = if allow_new { "note" } else { "error" };
    let rules = RULES
        .iter()
        .enumerate()
        .map(|(i, (id, name, summary))| {
            let level = if i == 0 { "error" } else { new_level };
            json!({
                "id": id,
                "name": name,
                "shortDescription": { "text": summary },
                "help": { "text": UPDATE_HINT },
                "defaultConfiguration": { "level": level },
            })
        })
        .collect();
    let mut results = Vec::new();
    for l in &outcome.letters {
        let (index, message) = match &l.status {
            Status::Unchanged => continue,
            Status::New => (1, format!("{} of case {} has no golden snapshot yet", l.letter, l.case)),
            Status::Changed { parts } => (0, changed_message(l, parts)),
        };
        let t = l.trace.as_ref();
        let location = findings::sarif_location(
            t.map_or(l.file.as_str(), |t| t.file.as_str()),
            t.and_then(|t| t.line).map(|n| (n, 1)),
            t.and_then(|t| t.snippet.as_deref()),
        );
        results.push(result(index, if index == 0 { "error" } else { new_level }, message, location));
    }
    for s in &outcome.stale {
        let file = s.files.first().map_or(s.case.as_str(), String::as_str);
        let message = format!(
            "golden snapshot {}/{} has no case that produces it: delete it or restore the case",
            s.case, s.letter
        );
        results.push(result(2, new_level, message, findings::sarif_location(file, None, None)));
    }
    findings::sarif_log(rules, results)
}

fn result(index: usize, level: &str, message: String, location: Value) -> Value {
    json!({
        "ruleId": RULES[index].0,
        "ruleIndex": index,
        "level": level,
        "message": { "text": message },
        "locations": [location],
    })
}

/// "reply of case X changed (txt, layout): + "do not" − "hold"", with the
/// validator's error count when it has any.
fn changed_message(l: &LetterOutcome, parts: &[PartDiff]) -> String {
    let names: Vec<&str> = parts.iter().map(|p| p.part.suffix()).collect();
    let mut message = format!("{} of case {} changed ({})", l.letter, l.case, names.join(", "));
    if let Some(text) = parts.iter().find(|p| p.part == Part::Text) {
        let quote = |runs: &[String]| runs.iter().take(5).map(|r| format!("\"{r}\"")).collect::<Vec<_>>().join(", ");
        if !text.diff.inserted.is_empty() {
            message.push_str(&format!("; added {}", quote(&text.diff.inserted)));
        }
        if !text.diff.deleted.is_empty() {
            message.push_str(&format!("; removed {}", quote(&text.diff.deleted)));
        }
    }
    let (errors, warnings) = findings::counts(&l.findings);
    if errors + warnings > 0 {
        message.push_str(&format!("; the validator finds {errors} error(s), {warnings} warning(s) in it now"));
    }
    message
}

/// What `update` did, for people.
pub fn updated(done: &Updated) -> String {
    let mut out = String::new();
    for name in &done.written {
        out.push_str(&format!("wrote {name}\n"));
    }
    for s in &done.removed {
        out.push_str(&format!("removed stale {}/{}\n", s.case, s.letter));
    }
    for (name, errors) in &done.with_errors {
        out.push_str(&format!(
            "warning: {name}: the validator finds {errors} error(s) in this letter (`foikit check` the case)\n"
        ));
    }
    out.push_str(&format!(
        "{} snapshot{} written, {} unchanged, {} stale removed\n",
        done.written.len(),
        plural(done.written.len()),
        done.unchanged,
        done.removed.len()
    ));
    out
}
