//! A Markdown file (a document released as an annex) → the document model.
//!
//! CommonMark with tables, parsed by pulldown-cmark: paragraphs, headings,
//! lists, quotes, tables, bold, italic, links and redaction markup. What the
//! model cannot carry (images, raw HTML) is refused with a message rather
//! than dropped, because a released document that silently loses part of
//! itself misleads the requester.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::markup;
use crate::doc::{Block, Inline, Line, ListKind};

/// Parses `text`; the error says what the model cannot carry.
pub fn blocks(text: &str) -> Result<Vec<Block>, String> {
    let mut b = Builder::default();
    b.stack.push(Vec::new());
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        b.event(event)?;
    }
    Ok(b.stack.pop().unwrap_or_default())
}

/// An open table: its header row and body rows so far.
type Table = (Option<Vec<Line>>, Vec<Vec<Line>>);

#[derive(Default, Clone, Copy, PartialEq)]
enum Style {
    #[default]
    Plain,
    Strong,
    Emphasis,
}

/// Builds blocks as events arrive: nested block quotes on a stack, the
/// current line of inlines, open lists and the open table.
#[derive(Default)]
struct Builder {
    stack: Vec<Vec<Block>>,
    line: Line,
    buf: String,
    style: Style,
    link: Option<String>,
    lists: Vec<(ListKind, Vec<Line>)>,
    row: Vec<Line>,
    table: Option<Table>,
    code: bool,
}

impl Builder {
    fn event(&mut self, event: Event) -> Result<(), String> {
        match event {
            Event::Start(tag) => self.start(tag)?,
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => self.buf.push_str(&t),
            Event::SoftBreak => self.buf.push(' '),
            Event::HardBreak => {
                self.flush();
                self.line.push(Inline::LineBreak);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                return Err("raw HTML cannot be carried into the letter: write it as Markdown".into());
            }
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag) -> Result<(), String> {
        match tag {
            Tag::BlockQuote(_) => self.stack.push(Vec::new()),
            Tag::List(start) => {
                // A list inside an item ends the item's own text first.
                self.end_item();
                let kind = start.map_or(ListKind::Bullet, |n| ListKind::Numbered { start: n as u32 });
                self.lists.push((kind, Vec::new()));
            }
            Tag::Table(_) => self.table = Some((None, Vec::new())),
            Tag::CodeBlock(_) => self.code = true,
            Tag::Strong | Tag::Emphasis => {
                self.flush();
                self.style = if matches!(tag, Tag::Strong) { Style::Strong } else { Style::Emphasis };
            }
            Tag::Link { dest_url, .. } => {
                self.flush();
                self.link = Some(dest_url.to_string());
            }
            Tag::Image { .. } => {
                return Err("images cannot be carried into the letter: describe the image in text".into());
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph if !self.lists.is_empty() => {
                self.flush();
                if !self.line.is_empty() {
                    self.line.push(Inline::LineBreak);
                }
            }
            TagEnd::Paragraph => {
                let line = self.take_line();
                self.push(Block::Paragraph(line));
            }
            TagEnd::Heading(level) => {
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    _ => 3,
                };
                let content = self.take_line();
                self.push(Block::Heading { level, content });
            }
            TagEnd::CodeBlock => {
                self.code = false;
                let text = std::mem::take(&mut self.buf);
                let lines = text.lines().map(markup::plain).collect();
                self.push(Block::Lines { lines, align: crate::doc::Align::Left });
            }
            TagEnd::BlockQuote(_) => {
                let inner = self.stack.pop().unwrap_or_default();
                self.push(Block::Quote(inner));
            }
            TagEnd::Item => self.end_item(),
            TagEnd::List(_) => {
                let Some((kind, items)) = self.lists.pop() else { return };
                // A nested list's items join the list around it.
                match self.lists.last_mut() {
                    Some((_, outer)) => outer.extend(items),
                    None => self.push(Block::List { kind, items }),
                }
            }
            TagEnd::TableCell => {
                let cell = self.take_line();
                self.row.push(cell);
            }
            TagEnd::TableHead => {
                let row = std::mem::take(&mut self.row);
                if let Some(table) = &mut self.table {
                    table.0 = Some(row);
                }
            }
            TagEnd::TableRow => {
                let row = std::mem::take(&mut self.row);
                if let Some(table) = &mut self.table {
                    table.1.push(row);
                }
            }
            TagEnd::Table => {
                if let Some((header, rows)) = self.table.take() {
                    self.push(Block::Table { header, rows });
                }
            }
            TagEnd::Strong | TagEnd::Emphasis => {
                self.flush();
                self.style = Style::Plain;
            }
            TagEnd::Link => {
                let text = std::mem::take(&mut self.buf);
                if let Some(url) = self.link.take() {
                    self.line.push(Inline::Link { text, url });
                }
            }
            _ => {}
        }
    }

    /// Ends the current list item, if it has any text.
    fn end_item(&mut self) {
        let mut line = self.take_line();
        while line.last() == Some(&Inline::LineBreak) {
            line.pop();
        }
        if let (false, Some((_, items))) = (line.is_empty(), self.lists.last_mut()) {
            items.push(line);
        }
    }

    fn push(&mut self, block: Block) {
        if let Some(blocks) = self.stack.last_mut() {
            blocks.push(block);
        }
    }

    fn take_line(&mut self) -> Line {
        self.flush();
        std::mem::take(&mut self.line)
    }

    /// Turns the pending text into inlines in the current style, finding
    /// redaction markup in it (Markdown splits `[[…]]` into several text
    /// events, so markup is only looked for once they are joined).
    fn flush(&mut self) {
        if self.code || self.buf.is_empty() {
            return;
        }
        let style = self.style;
        let text = std::mem::take(&mut self.buf);
        self.line.extend(markup::plain(&text).into_iter().map(|inline| match (inline, style) {
            (Inline::Text(t), Style::Strong) => Inline::Strong(t),
            (Inline::Text(t), Style::Emphasis) => Inline::Emphasis(t),
            (other, _) => other,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_blocks_and_redactions() {
        let md = "# Minutes\n\nPresent: [[redact 40(2): Jane Smith]] and **the chair**.\n\n\
                  - one\n- two\n\n1. first\n\n| Name | Role |\n|---|---|\n| [[redact 40(2): Bob]] | clerk |\n\n> quoted\n";
        let blocks = blocks(md).unwrap();
        assert!(matches!(&blocks[0], Block::Heading { level: 1, .. }));
        let Block::Paragraph(line) = &blocks[1] else { panic!("{blocks:?}") };
        assert!(line.contains(&Inline::Redaction { provision: "40(2)".into(), label: String::new(), chars: 10 }));
        assert!(line.contains(&Inline::Strong("the chair".into())));
        assert!(matches!(&blocks[2], Block::List { kind: ListKind::Bullet, items } if items.len() == 2));
        assert!(matches!(&blocks[3], Block::List { kind: ListKind::Numbered { start: 1 }, .. }));
        let Block::Table { header: Some(h), rows } = &blocks[4] else { panic!("{blocks:?}") };
        assert_eq!(h.len(), 2);
        assert!(matches!(rows[0][0][0], Inline::Redaction { chars: 3, .. }));
        assert!(matches!(&blocks[5], Block::Quote(_)));
        assert!(!format!("{blocks:?}").contains("Jane"));
    }

    #[test]
    fn refuses_what_it_cannot_carry() {
        assert!(blocks("![chart](c.png)").unwrap_err().contains("images"));
        assert!(blocks("<div>x</div>").unwrap_err().contains("HTML"));
    }
}
