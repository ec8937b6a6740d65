//! Plain-text backend: the golden format for reviewing changes in a diff,
//! and what a clerk pastes into an e-mail. Wrapped at 78 columns; annexes
//! start after a form feed, as `pdftotext` marks a new page.

use crate::doc::{Align, Block, Document, Inline, ListKind};

const WIDTH: usize = 78;

/// Renders `doc` as plain text.
pub fn text(doc: &Document) -> String {
    let mut out = Out::default();
    if doc.meta.draft {
        out.line("DRAFT — NOT FOR ISSUE");
        out.blank();
    }
    let letterhead: Vec<String> = doc.letterhead.iter().map(|l| plain(l)).collect();
    for line in &letterhead {
        out.line(&right(line));
    }
    out.blank();
    blocks(&mut out, &doc.body, 0);
    for annex in &doc.annexes {
        out.page_break();
        if let Some(label) = &annex.label {
            heading(&mut out, 1, label);
        }
        blocks(&mut out, &annex.blocks, 0);
    }
    out.finish()
}

#[derive(Default)]
struct Out {
    text: String,
}

impl Out {
    fn line(&mut self, l: &str) {
        self.text.push_str(l.trim_end());
        self.text.push('\n');
    }
    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") && !self.text.ends_with('\x0c') {
            self.text.push('\n');
        }
    }
    fn page_break(&mut self) {
        while self.text.ends_with("\n\n") {
            self.text.pop();
        }
        self.text.push('\x0c');
    }
    fn finish(mut self) -> String {
        while self.text.ends_with("\n\n") {
            self.text.pop();
        }
        self.text
    }
}

/// Inline runs as plain text; a link shows its target unless the text is the target.
fn plain(line: &[Inline]) -> String {
    line.iter()
        .map(|i| match i {
            Inline::Link { text, url } if text != url => format!("{text} <{url}>"),
            other => other.text().to_string(),
        })
        .collect()
}

fn right(s: &str) -> String {
    let n = s.chars().count();
    format!("{}{s}", " ".repeat(WIDTH.saturating_sub(n)))
}

fn heading(out: &mut Out, level: u8, text: &str) {
    out.line(text);
    match level {
        1 => out.line(&"=".repeat(text.chars().count().min(WIDTH))),
        2 => out.line(&"-".repeat(text.chars().count().min(WIDTH))),
        _ => {}
    }
    out.blank();
}

fn blocks(out: &mut Out, blocks_: &[Block], indent: usize) {
    for block in blocks_ {
        block_(out, block, indent);
    }
}

fn block_(out: &mut Out, block: &Block, indent: usize) {
    let pad = " ".repeat(indent);
    match block {
        Block::Heading { level, content } => heading(out, *level, &plain(content)),
        Block::Paragraph(content) => {
            for l in wrap(&plain(content), WIDTH - indent) {
                out.line(&format!("{pad}{l}"));
            }
            out.blank();
        }
        Block::Lines { lines, align } => {
            for l in lines {
                let t = plain(l);
                out.line(&if *align == Align::Right { right(&t) } else { format!("{pad}{t}") });
            }
            out.blank();
        }
        Block::Quote(inner) => blocks(out, inner, indent + 4),
        Block::List { kind, items } => {
            for (n, item) in items.iter().enumerate() {
                let marker = match kind {
                    ListKind::Bullet => "-".to_string(),
                    ListKind::Numbered { start } => format!("{}.", *start as usize + n),
                };
                let hang = marker.chars().count() + 1;
                for (j, l) in wrap(&plain(item), WIDTH - indent - hang).iter().enumerate() {
                    let lead = if j == 0 { format!("{marker} ") } else { " ".repeat(hang) };
                    out.line(&format!("{pad}{lead}{l}"));
                }
            }
            out.blank();
        }
        Block::Table { header, rows } => {
            for row in header.iter().chain(rows) {
                let cells: Vec<String> = row.iter().map(|c| plain(c)).filter(|c| !c.is_empty()).collect();
                for (j, l) in wrap(&cells.join(" | "), WIDTH - indent - 2).iter().enumerate() {
                    out.line(&format!("{pad}{}{l}", if j == 0 { "" } else { "  " }));
                }
            }
            out.blank();
        }
        Block::Section { blocks: inner, .. } => blocks(out, inner, indent),
    }
}

/// Greedy word wrap; hard line breaks in the text are kept. Widths are
/// counted in characters, the line's kept as it grows.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let mut cur = String::new();
        let mut cur_width = 0;
        for word in hard.split_whitespace() {
            let word_width = word.chars().count();
            if !cur.is_empty() && cur_width + 1 + word_width > width {
                lines.push(std::mem::take(&mut cur));
                cur_width = 0;
            }
            if !cur.is_empty() {
                cur.push(' ');
                cur_width += 1;
            }
            cur.push_str(word);
            cur_width += word_width;
        }
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_within_width_and_keeps_words() {
        let t = "word ".repeat(40);
        let lines = wrap(&t, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20));
        assert_eq!(lines.join(" ").split_whitespace().count(), 40);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    }
}
