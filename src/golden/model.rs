//! The document model as indented text: what composition decided (named
//! sections, lists, tables, bold runs, links), which the plain text and the
//! renderings flatten away.

use std::fmt::Write;

use crate::doc::{Align, Block, Document, Inline, ListKind};

/// The whole document, one block per line group, runs in a light markup:
/// `**bold**`, `_italic_`, `[text](url)`, `⏎` for a line break, and
/// `{redacted 40(2), 12 chars: label}` for withheld text.
pub fn dump(doc: &Document) -> String {
    let mut out = String::new();
    let m = &doc.meta;
    out.push_str("meta\n");
    for (key, value) in
        [("title", m.title.as_str()), ("author", &m.author), ("subject", &m.subject), ("reference", &m.reference)]
    {
        let _ = writeln!(out, "  {key}: {value}");
    }
    let _ = writeln!(out, "  date: {}\n  draft: {}", m.date, m.draft);
    out.push_str("letterhead\n");
    for line in &doc.letterhead {
        let _ = writeln!(out, "  | {}", runs(line));
    }
    out.push_str("body\n");
    blocks(&doc.body, 1, &mut out);
    for annex in &doc.annexes {
        let _ = writeln!(out, "annex {}", annex.label.as_deref().unwrap_or("(no label)"));
        blocks(&annex.blocks, 1, &mut out);
    }
    out
}

fn blocks(list: &[Block], depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    for block in list {
        match block {
            Block::Heading { level, content } => {
                let _ = writeln!(out, "{pad}heading {level}: {}", runs(content));
            }
            Block::Paragraph(line) => {
                let _ = writeln!(out, "{pad}paragraph: {}", runs(line));
            }
            Block::Lines { lines, align } => {
                let side = match align {
                    Align::Left => "left",
                    Align::Right => "right",
                };
                let _ = writeln!(out, "{pad}lines ({side})");
                for line in lines {
                    let _ = writeln!(out, "{pad}  | {}", runs(line));
                }
            }
            Block::Quote(inner) => {
                let _ = writeln!(out, "{pad}quote");
                blocks(inner, depth + 1, out);
            }
            Block::List { kind, items } => {
                match kind {
                    ListKind::Bullet => {
                        let _ = writeln!(out, "{pad}list (bullets)");
                    }
                    ListKind::Numbered { start } => {
                        let _ = writeln!(out, "{pad}list (numbered from {start})");
                    }
                }
                for item in items {
                    let _ = writeln!(out, "{pad}  - {}", runs(item));
                }
            }
            Block::Table { header, rows } => {
                let _ = writeln!(out, "{pad}table");
                let row = |cells: &Vec<Vec<Inline>>| cells.iter().map(|c| runs(c)).collect::<Vec<_>>().join(" | ");
                if let Some(h) = header {
                    let _ = writeln!(out, "{pad}  header: {}", row(h));
                }
                for r in rows {
                    let _ = writeln!(out, "{pad}  row: {}", row(r));
                }
            }
            Block::Section { name, blocks: inner } => {
                let _ = writeln!(out, "{pad}section {name}");
                blocks(inner, depth + 1, out);
            }
        }
    }
}

fn runs(line: &[Inline]) -> String {
    line.iter()
        .map(|run| match run {
            Inline::Text(t) => t.clone(),
            Inline::Strong(t) => format!("**{t}**"),
            Inline::Emphasis(t) => format!("_{t}_"),
            Inline::Link { text, url } => format!("[{text}]({url})"),
            Inline::LineBreak => " ⏎ ".to_string(),
            Inline::Redaction { provision, label, chars } => {
                format!("{{redacted {provision}, {chars} chars: {label}}}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Annex, Meta};

    #[test]
    fn dumps_structure_and_runs() {
        let doc = Document {
            meta: Meta {
                title: "T".into(),
                author: "A".into(),
                subject: "S".into(),
                reference: "1".into(),
                date: time::macros::date!(2017 - 04 - 26),
                draft: false,
            },
            letterhead: vec![vec![Inline::Strong("Home Office".into())]],
            body: vec![Block::Section {
                name: crate::doc::Section::InternalReview,
                blocks: vec![Block::Paragraph(vec![
                    Inline::Text("Write to ".into()),
                    Inline::Link { text: "us".into(), url: "mailto:x@y".into() },
                ])],
            }],
            annexes: vec![Annex { label: Some("Annex A".into()), blocks: vec![] }],
            house: Default::default(),
        };
        let s = dump(&doc);
        assert!(s.contains("  date: 2017-04-26\n"), "{s}");
        assert!(s.contains("letterhead\n  | **Home Office**\n"), "{s}");
        assert!(s.contains("  section internal-review\n    paragraph: Write to [us](mailto:x@y)\n"), "{s}");
        assert!(s.ends_with("annex Annex A\n"), "{s}");
    }
}
