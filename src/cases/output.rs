//! The register for people (a table that fits an 80-column terminal) and
//! for programs (CSV; JSON is the [`Register`]'s own serialisation).

use std::fmt::Write;

use super::{Broken, Register, Row, Share, Summary};
use crate::law::RegimeId;
use crate::law::timeliness::IN_TIME;

/// The widest reference shown in full; longer ones are cut with "…".
const REFERENCE_WIDTH: usize = 20;

/// "5 left", "due today", "3 late", "on time", "on hold".
pub fn days(row: &Row) -> String {
    match (row.on_hold, row.late_by, row.days_left, row.status.is_open()) {
        (Some(_), ..) => "on hold".into(),
        (_, Some(n), ..) => format!("{n} late"),
        (_, _, Some(0), _) => "due today".into(),
        (_, _, Some(n), _) => format!("{n} left"),
        (.., true) => String::new(),
        (.., false) => "on time".into(),
    }
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width - 1).collect();
        out.push('…');
        out
    }
}

fn upper(regime: &str) -> String {
    regime.to_ascii_uppercase()
}

/// The table, the broken files and the summary (computed over every case,
/// before filtering), for a terminal.
pub fn human(register: &Register, summary: &Summary) -> String {
    let mut out = String::new();
    let w = register.cases.iter().map(|r| r.reference.chars().count()).max().unwrap_or(0).clamp(9, REFERENCE_WIDTH);
    if register.cases.is_empty() {
        out.push_str("No cases to show.\n");
    } else {
        let _ = writeln!(out, "{:w$}  REGIME  RECEIVED    DUE         DAYS       STATUS", "REFERENCE");
        for row in &register.cases {
            let due = row.due.map_or_else(|| "—".to_string(), |d| d.iso());
            let line = format!(
                "{:w$}  {:6}  {}  {:10}  {:9}  {}",
                cut(&row.reference, w),
                upper(row.regime),
                row.received.iso(),
                due,
                days(row),
                row.status.label()
            );
            let _ = writeln!(out, "{}", line.trim_end());
            let mut detail = vec![row.requester.clone()];
            detail.extend(row.outcome.map(|o| o.replace('-', " ")));
            match (row.review, row.review_requested) {
                (Some(r), _) => detail.push(format!("review: {}", r.replace('-', " "))),
                (None, Some(asked)) => detail.push(format!("review asked for {}", asked.iso())),
                (None, None) => {}
            }
            detail.extend(row.on_hold.map(|h| match h {
                super::Hold::AwaitingClarification => "awaiting clarification".to_string(),
                super::Hold::AwaitingFee => "awaiting the fee".to_string(),
            }));
            let _ = writeln!(out, "  {}", cut(&detail.join(" · "), 78));
        }
    }
    if !register.broken.is_empty() {
        let _ = writeln!(out, "\nBroken case files ({}):", register.broken.len());
        for b in &register.broken {
            let _ = writeln!(out, "  {}", where_(b));
            let message = if b.field.is_empty() { b.message.clone() } else { format!("`{}`: {}", b.field, b.message) };
            for line in wrap(&message, 74) {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\nAs at {}: {} cases, {} open ({} overdue, {} on hold), {} answered.",
        register.today.iso(),
        summary.cases,
        summary.open,
        summary.overdue,
        summary.on_hold,
        summary.all.answered
    );
    if summary.all.answered > 0 {
        let _ = writeln!(out, "Answered in time ({IN_TIME}):");
        share_line(&mut out, "all replies", &summary.all);
        out.push_str("  by regime\n");
        for regime in RegimeId::ALL {
            if let Some(s) = summary.by_regime.get(regime.name()) {
                share_line(&mut out, &format!("  {}", upper(regime.name())), s);
            }
        }
        out.push_str("  by outcome\n");
        for (outcome, s) in &summary.by_outcome {
            share_line(&mut out, &format!("  {}", outcome.replace('-', " ")), s);
        }
    }
    out
}

fn share_line(out: &mut String, label: &str, share: &Share) {
    let percent = share.percent().map_or_else(String::new, |p| format!("{p:>3}%"));
    let _ = writeln!(out, "  {:18} {:>4} of {:<4} {percent}", label, share.on_time, share.answered);
}

/// `text` in lines of at most `width` characters, broken between words
/// (a longer word gets a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(last) if last.chars().count() + 1 + word.chars().count() <= width => {
                last.push(' ');
                last.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// "cases/a.yaml:14".
fn where_(b: &Broken) -> String {
    match b.line {
        Some(line) => format!("{}:{line}", b.file),
        None => b.file.clone(),
    }
}

/// One row per case with a header; fields quoted when they need it (RFC 4180).
pub fn csv(register: &Register) -> String {
    let mut out = String::from(
        "file,reference,requester,regime,received,due,on_hold,status,days_left,late_by,replied,on_time,outcome,review_requested,review\n",
    );
    for r in &register.cases {
        let opt = |v: Option<String>| v.unwrap_or_default();
        let fields = [
            r.file.clone(),
            r.reference.clone(),
            r.requester.clone(),
            r.regime.to_string(),
            r.received.iso(),
            opt(r.due.map(|d| d.iso())),
            opt(r.on_hold.map(name)),
            name(r.status),
            opt(r.days_left.map(|n| n.to_string())),
            opt(r.late_by.map(|n| n.to_string())),
            opt(r.replied.map(|d| d.iso())),
            opt(r.on_time.map(|b| b.to_string())),
            opt(r.outcome.map(str::to_string)),
            opt(r.review_requested.map(|d| d.iso())),
            opt(r.review.map(str::to_string)),
        ];
        let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

/// The name serde gives a unit variant ("review-requested").
fn name<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}
