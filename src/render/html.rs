//! HTML backend: a standalone, accessible page (styles inline, no external
//! requests) that previews the letter in a browser, prints as A4 and can
//! go into a disclosure log as it is: language, title, landmarks (the
//! letterhead as the banner, the letter as the main content, each annex a
//! labelled region), real headings, lists and tables with header scopes.

use std::fmt::Write;

use crate::doc::{Align, Block, Document, Inline, ListKind};

const STYLE: &str = "@page{size:A4;margin:20mm 25mm}\
body{font-family:Arial,'Liberation Sans',Helvetica,sans-serif;font-size:11pt;line-height:1.35;color:#111;max-width:160mm;margin:2em auto;padding:0 1em}\
.letterhead{text-align:right;font-size:9.5pt;margin-bottom:2em}.letterhead p,.lines p{margin:0}\
.lines{margin:0 0 1em}.right{text-align:right}blockquote{margin:0 12mm 1em}\
h1{font-size:14pt}h2{font-size:12pt}h3{font-size:11pt}h1,h2,h3{margin:1.2em 0 .5em}\
table{border-collapse:collapse;margin:0 0 1em;width:100%}td,th{border:1px solid #888;padding:3px 6px;text-align:left;vertical-align:top}th[scope=row]{font-weight:normal}\
.annex{break-before:page;border-top:1px dashed #bbb;margin-top:3em;padding-top:2em}\
.draft{color:#b00;font-weight:bold;text-align:center;letter-spacing:.3em}\
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}\
@media print{body{max-width:none;margin:0;padding:0;color:#000}a{color:inherit;text-decoration:none}\
.annex{border-top:0;margin-top:0;padding-top:0}h1,h2,h3{break-after:avoid}tr,blockquote{break-inside:avoid}}";

/// Renders `doc` as a standalone HTML page.
pub fn html(doc: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<meta name=\"author\" content=\"{}\">\n<meta name=\"description\" content=\"{}\">\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&doc.meta.title),
        esc(&doc.meta.author),
        esc(&doc.meta.subject)
    );
    letter(&mut out, doc, "header", "main", "footer", 0);
    out.push_str("</body>\n</html>\n");
    out
}

/// The letter as a fragment to embed in another page (`foikit serve`'s
/// preview): the same markup as [`html`], inside an `<article class="letter">`,
/// with the letterhead and body as plain `div`s so the host page keeps its own
/// landmarks, and headings two levels down (an annex's title is an `<h3>`)
/// so they rank under the host page's `<h1>` and its section `<h2>`.
/// Styling is the host page's.
pub fn fragment(doc: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<article class=\"letter\" lang=\"en-GB\">\n");
    letter(&mut out, doc, "div", "div", "div", 2);
    out.push_str("</article>\n");
    out
}

/// The DRAFT mark, letterhead, body, annexes and footer; `head`, `main` and
/// `foot` name the elements holding the letterhead, the letter and the
/// footer; headings are `shift` levels lower than in the document.
fn letter(out: &mut String, doc: &Document, head: &str, main: &str, foot: &str, shift: u8) {
    if doc.meta.draft {
        out.push_str("<p class=\"draft\">DRAFT</p>\n");
    }
    if !doc.letterhead.is_empty() || doc.house.logo.is_some() {
        let _ = writeln!(out, "<{head} class=\"letterhead\">");
        if let Some(logo) = &doc.house.logo {
            let (mime, data) = (logo.image.format.mime(), base64(&logo.image.bytes));
            let _ = writeln!(
                out,
                "<img src=\"data:{mime};base64,{data}\" alt=\"{}\" style=\"float:left;height:{}mm\">",
                esc(&logo.alt),
                logo.height_mm
            );
        }
        for line in &doc.letterhead {
            let _ = writeln!(out, "<p>{}</p>", inlines(line));
        }
        if doc.house.logo.is_some() {
            out.push_str("<div style=\"clear:both\"></div>\n");
        }
        let _ = writeln!(out, "</{head}>");
    }
    let _ = writeln!(out, "<{main}>");
    blocks(out, &doc.body, shift);
    for (i, annex) in doc.annexes.iter().enumerate() {
        match &annex.label {
            Some(label) => {
                let _ = writeln!(out, "<section class=\"annex\" aria-labelledby=\"annex-{i}\">");
                let h = level(1, shift);
                let _ = writeln!(out, "<h{h} id=\"annex-{i}\">{}</h{h}>", esc(label));
            }
            None => out.push_str("<section class=\"annex\">\n"),
        }
        blocks(out, &annex.blocks, shift);
        out.push_str("</section>\n");
    }
    let _ = writeln!(out, "</{main}>");
    if let Some(footer) = &doc.house.footer {
        let _ = writeln!(
            out,
            "<{foot} style=\"color:#404040;font-size:9pt;text-align:center;margin-top:3em\"><p>{}</p></{foot}>",
            esc(footer)
        );
    }
}

/// Standard base64 (RFC 4648 §4, padded), for the logo's data URI: the
/// page makes no requests, so the image travels inside it.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `s` safe in HTML text and attribute values (the local app's pages use it too).
pub(crate) fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

fn inlines(line: &[Inline]) -> String {
    line.iter()
        .map(|i| match i {
            Inline::Text(t) => esc(t),
            Inline::Strong(t) => format!("<strong>{}</strong>", esc(t)),
            Inline::Emphasis(t) => format!("<em>{}</em>", esc(t)),
            Inline::Link { text, url } => format!("<a href=\"{}\">{}</a>", esc(url), esc(text)),
            Inline::Redaction { label, .. } => format!("<strong class=\"redacted\">{}</strong>", esc(label)),
            Inline::LineBreak => "<br>".to_string(),
        })
        .collect()
}

/// A heading's HTML level: `n` moved `shift` down, at most 6.
fn level(n: u8, shift: u8) -> u8 {
    n.saturating_add(shift).min(6)
}

fn blocks(out: &mut String, blocks_: &[Block], shift: u8) {
    for b in blocks_ {
        block(out, b, shift);
    }
}

fn block(out: &mut String, b: &Block, shift: u8) {
    match b {
        Block::Heading { level: n, content } => {
            let h = level(*n, shift);
            let _ = writeln!(out, "<h{h}>{}</h{h}>", inlines(content));
        }
        Block::Paragraph(content) => {
            let _ = writeln!(out, "<p>{}</p>", inlines(content));
        }
        Block::Lines { lines, align } => {
            let class = if *align == Align::Right { "lines right" } else { "lines" };
            let _ = writeln!(out, "<div class=\"{class}\">");
            for l in lines {
                let _ = writeln!(out, "<p>{}</p>", if l.is_empty() { "&nbsp;".to_string() } else { inlines(l) });
            }
            out.push_str("</div>\n");
        }
        Block::Quote(inner) => {
            out.push_str("<blockquote>\n");
            blocks(out, inner, shift);
            out.push_str("</blockquote>\n");
        }
        Block::List { kind, items } => {
            let open = match kind {
                ListKind::Bullet => "<ul>".to_string(),
                ListKind::Numbered { start: 1 } => "<ol>".to_string(),
                ListKind::Numbered { start } => format!("<ol start=\"{start}\">"),
            };
            let close = if matches!(kind, ListKind::Bullet) { "</ul>" } else { "</ol>" };
            let _ = writeln!(out, "{open}");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", inlines(item));
            }
            let _ = writeln!(out, "{close}");
        }
        Block::Table { header, rows } => {
            out.push_str("<table>\n");
            if let Some(h) = header {
                let cells: String = h.iter().map(|c| format!("<th scope=\"col\">{}</th>", inlines(c))).collect();
                let _ = writeln!(out, "<thead><tr>{cells}</tr></thead>");
            }
            out.push_str("<tbody>\n");
            // Without a header row the first column heads each row (a table
            // of labels and values), as in the tagged PDF.
            for row in rows {
                let cells: String = row
                    .iter()
                    .enumerate()
                    .map(|(i, c)| match (i, header) {
                        (0, None) => format!("<th scope=\"row\">{}</th>", inlines(c)),
                        _ => format!("<td>{}</td>", inlines(c)),
                    })
                    .collect();
                let _ = writeln!(out, "<tr>{cells}</tr>");
            }
            out.push_str("</tbody>\n</table>\n");
        }
        Block::Section { name, blocks: inner } => {
            let _ = writeln!(out, "<section data-name=\"{}\">", name.name());
            blocks(out, inner, shift);
            out.push_str("</section>\n");
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_pads_as_rfc_4648_says() {
        let cases = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")];
        for (plain, encoded) in cases {
            assert_eq!(super::base64(plain.as_bytes()), encoded);
        }
    }
}
