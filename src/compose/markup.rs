//! The small markup templates write, parsed into [`Block`]s.
//!
//! Templates produce text; this turns it into the document model. The syntax
//! is a CommonMark-like subset (documented in `templates/README.md`):
//! paragraphs, `#` headings, `>` quotes, `-` and `1.` lists, `|` tables,
//! `**bold**`, `*italic*`, `[text](url)`, `<url>`, and fenced regions
//! `::: section NAME`, `::: lines [right]`, `::: letterhead` closed by `:::`.
//!
//! Values from the case file reach the markup through [`escape`], which
//! backslash-escapes every character the syntax gives meaning to, so a
//! requester who writes `**` or `::: section` gets those characters printed.

use crate::doc::{Align, Block, Inline, Line, ListKind};
use crate::redact;

/// Escapes a value so the parser prints it literally. Registered as the
/// Handlebars escape function, so every `{{value}}` goes through it.
/// Redaction markup is the one exception: it passes through as a
/// redaction, its withheld text masked (see [`crate::redact`]).
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut last = 0;
    for found in redact::find(value) {
        escape_into(&value[last..found.span.start], &mut out);
        out.push_str(redact::OPEN);
        escape_into(found.provision, &mut out);
        out.push(':');
        out.extend(std::iter::repeat_n(redact::MASK, found.chars(value)));
        out.push_str(redact::CLOSE);
        last = found.span.end;
    }
    escape_into(&value[last..], &mut out);
    out
}

/// What a byte is to the markup, by bits: [`SYNTAX`], [`BREAK`], [`INLINE`].
static CLASS: [u8; 256] = byte_classes();
/// A character the syntax gives meaning to: a value escapes it with a backslash.
const SYNTAX: u8 = 1;
/// A line break or tab: a value prints it as a space.
const BREAK: u8 = 2;
/// A byte where inline parsing stops copying text ([`inlines`]).
const INLINE: u8 = 4;

const fn byte_classes() -> [u8; 256] {
    let mut classes = [0; 256];
    let syntax = b"\\*_[]()<>#|-.:!`{}";
    let mut i = 0;
    while i < syntax.len() {
        classes[syntax[i] as usize] |= SYNTAX;
        i += 1;
    }
    classes[b'\n' as usize] |= BREAK;
    classes[b'\r' as usize] |= BREAK;
    classes[b'\t' as usize] |= BREAK;
    let inline = b"\\\n*[<";
    let mut i = 0;
    while i < inline.len() {
        classes[inline[i] as usize] |= INLINE;
        i += 1;
    }
    classes
}

fn escape_into(value: &str, out: &mut String) {
    // Every character escaped is ASCII: the runs between them are copied whole.
    let mut last = 0;
    for (at, b) in value.bytes().enumerate() {
        // A space replaces a line break; a backslash precedes syntax.
        let (insert, next) = match CLASS[usize::from(b)] {
            c if c & BREAK != 0 => (" ", at + 1),
            c if c & SYNTAX != 0 => ("\\", at),
            _ => continue,
        };
        out.push_str(&value[last..at]);
        out.push_str(insert);
        last = next;
    }
    out.push_str(&value[last..]);
}

/// Plain text (from a Markdown file) as inlines: printed as written except
/// for redaction markup.
pub fn plain(text: &str) -> Line {
    inlines(&escape(text))
}

/// What a template's output parses into.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// Lines of a `::: letterhead` region.
    pub letterhead: Vec<Line>,
    /// Everything else.
    pub blocks: Vec<Block>,
}

/// A markup error: the line (1-based, in the template's output) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkupError {
    /// Line in the rendered template text.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses rendered template text.
pub fn parse(text: &str) -> Result<Parsed, MarkupError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut parsed = Parsed::default();
    parsed.blocks = blocks(&lines, 0, Some(&mut parsed.letterhead))?;
    Ok(parsed)
}

fn err(line: usize, message: impl Into<String>) -> MarkupError {
    MarkupError { line: line + 1, message: message.into() }
}

/// Parses `lines`, whose first line is line `offset` of the whole text.
fn blocks(lines: &[&str], offset: usize, mut letterhead: Option<&mut Vec<Line>>) -> Result<Vec<Block>, MarkupError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            i += 1;
            continue;
        }
        if let Some(spec) = trimmed.strip_prefix(":::") {
            let spec = spec.trim();
            if spec.is_empty() {
                return Err(err(offset + i, "`:::` closes a region that was never opened"));
            }
            let end = fence_end(lines, i)
                .ok_or_else(|| err(offset + i, format!("`::: {spec}` is never closed with `:::`")))?;
            let inner = &lines[i + 1..end];
            let (kind, arg) = spec.split_once(' ').map_or((spec, ""), |(k, a)| (k, a.trim()));
            match kind {
                "section" if !arg.is_empty() => {
                    let name = arg.parse().map_err(|e: String| err(offset + i, e))?;
                    out.push(Block::Section { name, blocks: blocks(inner, offset + i + 1, None)? })
                }
                "lines" => {
                    let align = match arg {
                        "" | "left" => Align::Left,
                        "right" => Align::Right,
                        _ => {
                            return Err(err(
                                offset + i,
                                format!("`::: lines {arg}`: alignment must be `left` or `right`"),
                            ));
                        }
                    };
                    out.push(Block::Lines { lines: plain_lines(inner), align });
                }
                "letterhead" => match letterhead.as_deref_mut() {
                    Some(lh) => lh.extend(plain_lines(inner)),
                    None => {
                        return Err(err(offset + i, "`::: letterhead` is only allowed at the top level of the letter"));
                    }
                },
                _ => {
                    return Err(err(
                        offset + i,
                        format!(
                            "unknown region `::: {spec}`: expected `section NAME`, `lines`, `lines right` or `letterhead`"
                        ),
                    ));
                }
            }
            i = end + 1;
            continue;
        }
        if let Some(rest) = heading(trimmed) {
            out.push(Block::Heading { level: rest.0, content: inlines(rest.1) });
            i += 1;
            continue;
        }
        if is_quote(trimmed) {
            let start = i;
            let mut inner = Vec::new();
            while i < lines.len() && is_quote(lines[i].trim_start()) {
                let l = lines[i].trim_start();
                inner.push(l.strip_prefix("> ").unwrap_or(&l[1..]));
                i += 1;
            }
            out.push(Block::Quote(blocks(&inner, offset + start, None)?));
            continue;
        }
        if let Some(kind) = list_marker(trimmed).map(|(k, _)| k) {
            let mut items: Vec<String> = Vec::new();
            while i < lines.len() {
                let l = lines[i].trim_end();
                let t = l.trim_start();
                match list_marker(t) {
                    Some((k, text)) if same_kind(k, kind) => items.push(text.to_string()),
                    None if !t.is_empty() && l.starts_with("  ") && !items.is_empty() => {
                        let last = items.last_mut().expect("checked non-empty");
                        last.push(' ');
                        last.push_str(t);
                    }
                    _ => break,
                }
                i += 1;
            }
            out.push(Block::List { kind, items: items.iter().map(|t| inlines(t)).collect() });
            continue;
        }
        if trimmed.starts_with('|') {
            let mut rows: Vec<Vec<Line>> = Vec::new();
            let mut header = None;
            while i < lines.len() && lines[i].trim_start().starts_with('|') {
                let cells = table_cells(lines[i].trim());
                if cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))) {
                    if rows.len() == 1 && header.is_none() {
                        header = rows.pop();
                    }
                } else {
                    rows.push(cells.iter().map(|c| inlines(c)).collect());
                }
                i += 1;
            }
            let width = header.iter().chain(rows.iter()).map(Vec::len).max().unwrap_or(0);
            for row in header.iter_mut().chain(rows.iter_mut()) {
                row.resize(width, Vec::new());
            }
            out.push(Block::Table { header, rows });
            continue;
        }
        // A paragraph runs to the next blank line or the next block construct.
        let mut text = String::from(trimmed);
        i += 1;
        while i < lines.len() {
            let t = lines[i].trim();
            if t.is_empty() || starts_block(t) {
                break;
            }
            text.push('\n');
            text.push_str(t);
            i += 1;
        }
        out.push(Block::Paragraph(inlines(&text)));
    }
    Ok(out)
}

/// The index of the `:::` that closes the region opened at `open`.
fn fence_end(lines: &[&str], open: usize) -> Option<usize> {
    let mut depth = 0;
    for (j, l) in lines.iter().enumerate().skip(open) {
        let t = l.trim();
        if let Some(spec) = t.strip_prefix(":::") {
            if spec.trim().is_empty() {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            } else {
                depth += 1;
            }
        }
    }
    None
}

/// Lines of a `lines`/`letterhead` region: leading and trailing blank lines
/// dropped, blank lines inside kept (a gap before a signature).
fn plain_lines(inner: &[&str]) -> Vec<Line> {
    let texts: Vec<&str> = inner.iter().map(|l| l.trim()).collect();
    let first = texts.iter().position(|t| !t.is_empty()).unwrap_or(texts.len());
    let last = texts.iter().rposition(|t| !t.is_empty()).map_or(first, |p| p + 1);
    texts[first..last].iter().map(|t| inlines(t)).collect()
}

fn heading(t: &str) -> Option<(u8, &str)> {
    let hashes = t.bytes().take_while(|b| *b == b'#').count();
    let rest = t[hashes..].strip_prefix(' ')?;
    (1..=3).contains(&hashes).then_some((hashes as u8, rest.trim()))
}

fn is_quote(t: &str) -> bool {
    t == ">" || t.starts_with("> ")
}

fn list_marker(t: &str) -> Option<(ListKind, &str)> {
    if let Some(rest) = t.strip_prefix("- ") {
        return Some((ListKind::Bullet, rest.trim()));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = t[digits..].strip_prefix(". ")?;
    let start = t[..digits].parse().ok()?;
    Some((ListKind::Numbered { start }, rest.trim()))
}

fn same_kind(a: ListKind, b: ListKind) -> bool {
    matches!((a, b), (ListKind::Bullet, ListKind::Bullet) | (ListKind::Numbered { .. }, ListKind::Numbered { .. }))
}

fn starts_block(t: &str) -> bool {
    t.starts_with(":::") || heading(t).is_some() || is_quote(t) || list_marker(t).is_some() || t.starts_with('|')
}

/// Splits `| a | b |` into cells, honouring `\|`.
fn table_cells(row: &str) -> Vec<String> {
    let inner = row.strip_prefix('|').unwrap_or(row);
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cells.last_mut().expect("never empty").push(c);
                if let Some(n) = chars.next() {
                    cells.last_mut().expect("never empty").push(n);
                }
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().expect("never empty").push(c),
        }
    }
    if cells.last().is_some_and(|c| c.trim().is_empty()) && row.trim_end().ends_with('|') {
        cells.pop();
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// Parses inline markup. Newlines inside a paragraph are soft (a space)
/// unless the line ends with a backslash (a hard break).
///
/// Every character with a meaning here is ASCII, so the text is scanned by
/// bytes and the runs between them are copied whole.
fn inlines(text: &str) -> Line {
    #[derive(Clone, Copy, PartialEq)]
    enum Style {
        Plain,
        Strong,
        Emphasis,
    }
    let mut out: Line = Vec::new();
    let mut buf = String::new();
    let mut style = Style::Plain;
    let flush = |buf: &mut String, style: Style, out: &mut Line| {
        if buf.is_empty() {
            return;
        }
        let t = std::mem::take(buf);
        out.push(match style {
            Style::Plain => Inline::Text(t),
            Style::Strong => Inline::Strong(t),
            Style::Emphasis => Inline::Emphasis(t),
        });
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let plain = bytes[i..].iter().position(|&b| CLASS[usize::from(b)] & INLINE != 0);
        let run_end = plain.map_or(bytes.len(), |p| i + p);
        buf.push_str(&text[i..run_end]);
        i = run_end;
        let Some(&b) = bytes.get(i) else { break };
        let rest = &text[i..];
        match b {
            b'\\' if bytes.get(i + 1) == Some(&b'\n') => {
                flush(&mut buf, style, &mut out);
                out.push(Inline::LineBreak);
                i += 2;
            }
            b'\\' if i + 1 < bytes.len() => {
                let escaped = escaped_char(&text[i + 1..]);
                buf.push_str(escaped);
                i += 1 + escaped.len();
            }
            b'\n' => {
                buf.push(' ');
                i += 1;
            }
            b'*' if bytes.get(i + 1) == Some(&b'*') && style != Style::Emphasis => {
                flush(&mut buf, style, &mut out);
                style = if style == Style::Strong { Style::Plain } else { Style::Strong };
                i += 2;
            }
            b'*' if style != Style::Strong => {
                flush(&mut buf, style, &mut out);
                style = if style == Style::Emphasis { Style::Plain } else { Style::Emphasis };
                i += 1;
            }
            b'[' if rest.starts_with(redact::OPEN) => match redaction(rest) {
                Some((inline, used)) => {
                    flush(&mut buf, style, &mut out);
                    out.push(inline);
                    i += used;
                }
                None => {
                    buf.push('[');
                    i += 1;
                }
            },
            b'[' => match link(rest) {
                Some((text, url, used)) => {
                    flush(&mut buf, style, &mut out);
                    out.push(Inline::Link { text, url });
                    i += used;
                }
                None => {
                    buf.push('[');
                    i += 1;
                }
            },
            b'<' => match autolink(rest) {
                Some((url, used)) => {
                    flush(&mut buf, style, &mut out);
                    out.push(Inline::Link { text: url.clone(), url });
                    i += used;
                }
                None => {
                    buf.push('<');
                    i += 1;
                }
            },
            // A lone trailing backslash, or a `*` inside the other style.
            _ => {
                buf.push(char::from(b));
                i += 1;
            }
        }
    }
    flush(&mut buf, style, &mut out);
    out
}

/// The first character of `text` (non-empty), as the slice it occupies.
fn escaped_char(text: &str) -> &str {
    let len = text.chars().next().map_or(0, char::len_utf8);
    &text[..len]
}

/// Reads up to an unescaped `close`, unescaping; returns the text and the
/// bytes used, the `close` included.
fn until(text: &str, close: u8) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut s = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let special = bytes[i..].iter().position(|&b| b == b'\\' || b == close || b == b'\n')?;
        s.push_str(&text[i..i + special]);
        i += special;
        match bytes[i] {
            b'\\' if i + 1 < bytes.len() => {
                let escaped = escaped_char(&text[i + 1..]);
                s.push_str(escaped);
                i += 1 + escaped.len();
            }
            b if b == close => return Some((s, i + 1)),
            b'\n' => return None,
            // A backslash ending the text.
            _ => {
                s.push('\\');
                i += 1;
            }
        }
    }
    None
}

fn link(text: &str) -> Option<(String, String, usize)> {
    let (label, used) = until(&text[1..], b']')?;
    let rest = &text[1 + used..];
    let url_text = rest.strip_prefix('(')?;
    let (url, used2) = until(url_text, b')')?;
    Some((label, url, 1 + used + 1 + used2))
}

/// `[[redact PROVISION: withheld]]` → a redaction holding only the
/// provision and the withheld text's length in characters; its label is
/// given when the letter is composed. Returns the bytes used.
fn redaction(text: &str) -> Option<(Inline, usize)> {
    let open = redact::OPEN.len();
    let (provision, used) = until(&text[open..], b':')?;
    let mut i = open + used;
    let mut count = 0;
    while !text[i..].starts_with(redact::CLOSE) {
        let c = text[i..].chars().next()?;
        i += match c {
            '\\' if i + 1 < text.len() => 1 + escaped_char(&text[i + 1..]).len(),
            c => c.len_utf8(),
        };
        count += 1;
    }
    let provision = provision.trim().to_string();
    (!provision.is_empty())
        .then_some((Inline::Redaction { provision, label: String::new(), chars: count }, i + redact::CLOSE.len()))
}

fn autolink(text: &str) -> Option<(String, usize)> {
    let (url, used) = until(&text[1..], b'>')?;
    let looks_like_url =
        ["http://", "https://", "mailto:", "www."].iter().any(|p| url.starts_with(p)) && !url.contains(' ');
    looks_like_url.then_some((url, used + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn parses_blocks() {
        let src = "::: letterhead\n**Home Office**\n2 Marsham Street\n:::\n\n# Title\n\nOne\ntwo.\n\n> quoted\n>\n> again\n\n1. first\n2. second\n  continued\n- bullet\n\n| a | b |\n|---|---|\n| c | d |\n\n::: section review-outcome\n::: lines right\nx\n\ny\n:::\n:::\n";
        let p = parse(src).unwrap();
        assert_eq!(p.letterhead, vec![vec![Inline::Strong("Home Office".into())], vec![text("2 Marsham Street")]]);
        assert_eq!(p.blocks[0], Block::Heading { level: 1, content: vec![text("Title")] });
        assert_eq!(p.blocks[1], Block::Paragraph(vec![text("One two.")]));
        assert_eq!(
            p.blocks[2],
            Block::Quote(vec![Block::Paragraph(vec![text("quoted")]), Block::Paragraph(vec![text("again")])])
        );
        assert_eq!(
            p.blocks[3],
            Block::List {
                kind: ListKind::Numbered { start: 1 },
                items: vec![vec![text("first")], vec![text("second continued")]]
            }
        );
        assert_eq!(p.blocks[4], Block::List { kind: ListKind::Bullet, items: vec![vec![text("bullet")]] });
        assert_eq!(
            p.blocks[5],
            Block::Table {
                header: Some(vec![vec![text("a")], vec![text("b")]]),
                rows: vec![vec![vec![text("c")], vec![text("d")]]]
            }
        );
        let Block::Section { name, blocks } = &p.blocks[6] else { panic!("{:?}", p.blocks[6]) };
        assert_eq!(*name, crate::doc::Section::ReviewOutcome);
        assert_eq!(
            blocks[0],
            Block::Lines { lines: vec![vec![text("x")], vec![], vec![text("y")]], align: Align::Right }
        );
    }

    #[test]
    fn parses_inlines() {
        assert_eq!(
            inlines("a **b** *c* [d](http://e) <https://f.g>\\\nh"),
            vec![
                text("a "),
                Inline::Strong("b".into()),
                text(" "),
                Inline::Emphasis("c".into()),
                text(" "),
                Inline::Link { text: "d".into(), url: "http://e".into() },
                text(" "),
                Inline::Link { text: "https://f.g".into(), url: "https://f.g".into() },
                Inline::LineBreak,
                text("h"),
            ]
        );
    }

    #[test]
    fn escaped_values_print_literally() {
        let nasty = "::: section x\n# not a heading **bold** [l](u) <https://x> | a | 1. - > {{x}} \\";
        let p = parse(&format!("> {}\n", escape(nasty))).unwrap();
        assert_eq!(p.blocks, vec![Block::Quote(vec![Block::Paragraph(vec![text(&nasty.replace('\n', " "))])])]);
        let p = parse(&escape("- item")).unwrap();
        assert_eq!(p.blocks, vec![Block::Paragraph(vec![text("- item")])]);
    }

    #[test]
    fn reports_bad_regions() {
        assert_eq!(parse("a\n::: section x\nb\n").unwrap_err().line, 2);
        assert!(parse(":::\n").is_err());
        assert!(parse("::: frobnicate\n:::\n").unwrap_err().message.contains("unknown region"));
        assert!(parse("::: section x\n::: letterhead\n:::\n:::\n").is_err());
        let typo = parse("::: section internal-reveiw\nb\n:::\n").unwrap_err();
        assert!(typo.message.contains("unknown section `internal-reveiw`"), "{}", typo.message);
        assert!(parse("::: section internal-review\nb\n:::\n").is_ok());
    }

    /// The character-by-character parser and escaper these replaced, kept as
    /// the oracle the byte scanners must agree with.
    mod oracle {
        use crate::doc::{Inline, Line};
        use crate::redact;

        pub fn escape_into(value: &str, out: &mut String) {
            for c in value.chars() {
                match c {
                    '\n' | '\r' | '\t' => out.push(' '),
                    '\\' | '*' | '_' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '|' | '-' | '.' | ':' | '!' | '`'
                    | '{' | '}' => {
                        out.push('\\');
                        out.push(c);
                    }
                    _ => out.push(c),
                }
            }
        }

        pub fn inlines(text: &str) -> Line {
            let mut out: Line = Vec::new();
            let mut buf = String::new();
            // 0 plain, 1 strong, 2 emphasis.
            let mut style = 0;
            let flush = |buf: &mut String, style: u8, out: &mut Line| {
                if !buf.is_empty() {
                    let t = std::mem::take(buf);
                    out.push(match style {
                        0 => Inline::Text(t),
                        1 => Inline::Strong(t),
                        _ => Inline::Emphasis(t),
                    });
                }
            };
            let chars: Vec<char> = text.chars().collect();
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                let found = match c {
                    '\\' if chars.get(i + 1) == Some(&'\n') => {
                        flush(&mut buf, style, &mut out);
                        out.push(Inline::LineBreak);
                        i += 2;
                        continue;
                    }
                    '\\' if i + 1 < chars.len() => {
                        buf.push(chars[i + 1]);
                        i += 2;
                        continue;
                    }
                    '\n' => {
                        buf.push(' ');
                        i += 1;
                        continue;
                    }
                    '*' if chars.get(i + 1) == Some(&'*') && style != 2 => {
                        flush(&mut buf, style, &mut out);
                        style = if style == 1 { 0 } else { 1 };
                        i += 2;
                        continue;
                    }
                    '*' if style != 1 => {
                        flush(&mut buf, style, &mut out);
                        style = if style == 2 { 0 } else { 2 };
                        i += 1;
                        continue;
                    }
                    '[' if starts_with(&chars[i..], redact::OPEN) => redaction(&chars[i..]),
                    '[' => link(&chars[i..]).map(|(text, url, used)| (Inline::Link { text, url }, used)),
                    '<' => autolink(&chars[i..]).map(|(url, used)| (Inline::Link { text: url.clone(), url }, used)),
                    _ => None,
                };
                match found {
                    Some((inline, used)) => {
                        flush(&mut buf, style, &mut out);
                        out.push(inline);
                        i += used;
                    }
                    None => {
                        buf.push(c);
                        i += 1;
                    }
                }
            }
            flush(&mut buf, style, &mut out);
            out
        }

        fn until(chars: &[char], close: char) -> Option<(String, usize)> {
            let mut s = String::new();
            let mut i = 0;
            while i < chars.len() {
                match chars[i] {
                    '\\' if i + 1 < chars.len() => {
                        s.push(chars[i + 1]);
                        i += 2;
                    }
                    c if c == close => return Some((s, i + 1)),
                    '\n' => return None,
                    c => {
                        s.push(c);
                        i += 1;
                    }
                }
            }
            None
        }

        fn link(chars: &[char]) -> Option<(String, String, usize)> {
            let (text, used) = until(&chars[1..], ']')?;
            let rest = &chars[1 + used..];
            if rest.first() != Some(&'(') {
                return None;
            }
            let (url, used2) = until(&rest[1..], ')')?;
            Some((text, url, 1 + used + 1 + used2))
        }

        fn starts_with(chars: &[char], prefix: &str) -> bool {
            prefix.chars().enumerate().all(|(i, p)| chars.get(i) == Some(&p))
        }

        fn redaction(chars: &[char]) -> Option<(Inline, usize)> {
            let open = redact::OPEN.chars().count();
            let (provision, used) = until(&chars[open..], ':')?;
            let mut i = open + used;
            let mut count = 0;
            while !starts_with(&chars[i..], redact::CLOSE) {
                let c = chars.get(i)?;
                i += if *c == '\\' && i + 1 < chars.len() { 2 } else { 1 };
                count += 1;
            }
            let provision = provision.trim().to_string();
            (!provision.is_empty())
                .then_some((Inline::Redaction { provision, label: String::new(), chars: count }, i + 2))
        }

        fn autolink(chars: &[char]) -> Option<(String, usize)> {
            let (url, used) = until(&chars[1..], '>')?;
            let looks_like_url =
                ["http://", "https://", "mailto:", "www."].iter().any(|p| url.starts_with(p)) && !url.contains(' ');
            looks_like_url.then_some((url, used + 1))
        }
    }

    /// Strings of markup fragments chosen to meet every branch: escapes
    /// before multi-byte characters, unclosed links and redactions, stray
    /// stars, text ending in a backslash.
    fn fragments_corpus() -> Vec<String> {
        const PIECES: [&str; 25] = [
            "_#|-!`{}\r.",
            "\\",
            "\n",
            "*",
            "**",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            ":",
            "a b",
            "é",
            "█",
            "\t",
            "http://x",
            "www.y",
            "mailto:z",
            "[[redact ",
            "s40(2)",
            "]]",
            "[t](u)",
            "\\\n",
            "\\é",
        ];
        // A fixed linear congruential sequence: the same strings every run.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        (0..20_000).map(|_| (0..next() % 12).map(|_| PIECES[next() % PIECES.len()]).collect()).collect()
    }

    #[test]
    fn byte_scanners_agree_with_the_character_oracle() {
        for text in fragments_corpus() {
            assert_eq!(inlines(&text), oracle::inlines(&text), "inlines of {text:?}");
            let (mut fast, mut slow) = (String::new(), String::new());
            escape_into(&text, &mut fast);
            oracle::escape_into(&text, &mut slow);
            assert_eq!(fast, slow, "escape of {text:?}");
        }
    }
}
