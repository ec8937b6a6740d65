//! A DOCX annex (a document being released) read as Markdown, so the one
//! Markdown reader carries it into the document model.
//!
//! Only plain content comes across: paragraphs, headings (Word's
//! "Heading 1" to "Heading 3" styles), list paragraphs and simple tables.
//! Anything else is refused with what to do about it, never dropped:
//! tracked changes and comments above all, since a released document's
//! deleted text or reviewers' remarks are a well-known way for withheld
//! information to escape.

use std::io::Read;

/// What the document holds that cannot be released as it is, and the fix.
const REFUSED: &[(&[&str], &str)] = &[
    (
        &["<w:ins ", "<w:ins>", "<w:del ", "<w:del>", "<w:moveFrom", "<w:moveTo"],
        "has tracked changes: accept or reject them all in Word and save it again (deleted text in a released document can be recovered)",
    ),
    (
        &["<w:commentRangeStart", "<w:commentReference"],
        "has comments: delete them in Word and save it again (reviewers' comments must not be released)",
    ),
    (&["<w:drawing", "<w:pict", "<w:object"], "has images or objects, which foikit cannot carry into the letter"),
    (&["<w:fldSimple", "<w:instrText"], "has fields (page numbers, cross-references…): convert them to text in Word"),
    (&["<w:footnoteReference", "<w:endnoteReference"], "has footnotes, which foikit cannot carry into the letter"),
];

/// The document at `bytes` as Markdown with withheld text masked, or why
/// it cannot be released as it is.
pub(super) fn markdown(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| format!("is not a DOCX file: {e}"))?;
    if zip.file_names().any(|n| n == "word/comments.xml") {
        return Err(REFUSED[1].1.to_string());
    }
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|_| "has no word/document.xml: it is not a Word document".to_string())?
        .read_to_string(&mut xml)
        .map_err(|e| format!("cannot be read: {e}"))?;
    if let Some((_, why)) = REFUSED.iter().find(|(tags, _)| tags.iter().any(|t| xml.contains(t))) {
        return Err(why.to_string());
    }
    let body = between(&xml, "<w:body>", "</w:body>").ok_or("has no document body")?;
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if rest.starts_with("<w:tbl>") || rest.starts_with("<w:tbl ") {
            let end = rest.find("</w:tbl>").ok_or("has a table that is never closed")?;
            table(&rest[..end], &mut out)?;
            rest = &rest[end..];
        } else if rest.starts_with("<w:p>") || rest.starts_with("<w:p ") {
            let end = element_end(rest, "w:p");
            paragraph(&rest[..end], &mut out);
            rest = &rest[end..];
        } else {
            rest = &rest[1..];
        }
    }
    Ok(crate::redact::mask(&out))
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = s.find(open)? + open.len();
    Some(&s[start..start + s[start..].find(close)?])
}

/// Where the element starting `s` ends: after its close tag, or after
/// `/>` if it is empty.
fn element_end(s: &str, name: &str) -> usize {
    let open_end = s.find('>').map_or(s.len(), |i| i + 1);
    if s[..open_end].ends_with("/>") {
        return open_end;
    }
    s.find(&format!("</{name}>")).map_or(s.len(), |i| i + name.len() + 3)
}

/// A paragraph's text: its `w:t` runs, tabs and breaks as spaces.
fn text(p: &str) -> String {
    let mut out = String::new();
    let mut rest = p;
    while let Some(lt) = rest.find('<') {
        let Some(gt) = rest[lt..].find('>') else { break };
        let tag = &rest[lt + 1..lt + gt];
        let after = &rest[lt + gt + 1..];
        match tag.split([' ', '/']).next().unwrap_or("") {
            "w:t" if !tag.ends_with('/') => {
                let end = after.find("</w:t>").unwrap_or(after.len());
                out.push_str(&unescape_xml(&after[..end]));
                rest = &after[end..];
                continue;
            }
            "w:tab" | "w:br" | "w:cr" => out.push(' '),
            _ => {}
        }
        rest = after;
    }
    out
}

fn unescape_xml(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Text printed literally by the Markdown reader, redaction markup kept.
fn escape_markdown(text: &str) -> String {
    let mut out = String::new();
    let mut last = 0;
    let escape = |s: &str, out: &mut String| {
        for c in s.chars() {
            if c.is_ascii_punctuation() {
                out.push('\\');
            }
            out.push(c);
        }
    };
    for found in crate::redact::find(text) {
        escape(&text[last..found.span.start], &mut out);
        out.push_str(&text[found.span.clone()]);
        last = found.span.end;
    }
    escape(&text[last..], &mut out);
    out
}

fn paragraph(p: &str, out: &mut String) {
    let content = escape_markdown(text(p).trim());
    if content.is_empty() {
        return;
    }
    let style = between(p, "<w:pStyle w:val=\"", "\"").unwrap_or("");
    let level = style.strip_prefix("Heading").and_then(|n| n.parse::<usize>().ok()).filter(|n| (1..=3).contains(n));
    let prefix = match level {
        Some(n) => format!("{} ", "#".repeat(n)),
        None if p.contains("<w:numPr>") || style.starts_with("List") => "- ".to_string(),
        None => String::new(),
    };
    out.push_str(&prefix);
    out.push_str(&content);
    out.push_str("\n\n");
}

fn table(t: &str, out: &mut String) -> Result<(), String> {
    if t[1..].contains("<w:tbl>") || t[1..].contains("<w:tbl ") {
        return Err("has a table inside a table, which foikit cannot carry into the letter".into());
    }
    let rows: Vec<Vec<String>> = t
        .split("</w:tr>")
        .filter(|r| r.contains("<w:tc"))
        .map(|row| {
            row.split("</w:tc>")
                .filter(|c| c.contains("<w:tc"))
                .map(|cell| escape_markdown(text(cell).trim()).replace('|', "\\|"))
                .collect()
        })
        .collect();
    for (i, row) in rows.iter().enumerate() {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
        if i == 0 {
            out.push_str(&format!("|{}\n", "---|".repeat(row.len())));
        }
    }
    out.push('\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::markdown;

    /// A DOCX holding `body` (WordprocessingML) and, optionally, comments.
    fn docx(body: &str, comments: bool) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", opts).unwrap();
        write!(zip, "<w:document><w:body>{body}</w:body></w:document>").unwrap();
        if comments {
            zip.start_file("word/comments.xml", opts).unwrap();
            write!(zip, "<w:comments/>").unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn p(style: &str, text: &str) -> String {
        format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn reads_plain_content_and_masks_redactions() {
        let body = format!(
            "{}{}{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            p("Heading1", "Minutes"),
            "<w:p><w:r><w:t>Present: [[redact 40(2): Jane</w:t></w:r><w:r><w:t xml:space=\"preserve\"> Smith]] &amp; *me*</w:t></w:r></w:p>",
            p("ListParagraph", "one"),
            p("", "Name"),
            p("", "Role"),
            p("", "[[redact 40(2): Bob]]"),
            p("", "clerk")
        );
        let md = markdown(&docx(&body, false)).unwrap();
        assert!(md.contains("# Minutes\n"), "{md}");
        assert!(md.contains("Present\\: [[redact 40(2): ████ █████]] \\& \\*me\\*"), "{md}");
        assert!(md.contains("- one\n"), "{md}");
        assert!(md.contains("| Name | Role |\n|---|---|\n| [[redact 40(2): ███]] | clerk |"), "{md}");
        assert!(!md.contains("Jane") && !md.contains("Bob"));
    }

    #[test]
    fn refuses_tracked_changes_comments_and_images() {
        let tracked = "<w:p><w:ins w:id=\"1\"><w:r><w:t>x</w:t></w:r></w:ins></w:p>";
        assert!(markdown(&docx(tracked, false)).unwrap_err().contains("tracked changes"));
        assert!(markdown(&docx(&p("", "x"), true)).unwrap_err().contains("comments"));
        assert!(markdown(&docx("<w:p><w:r><w:drawing/></w:r></w:p>", false)).unwrap_err().contains("images"));
        assert!(markdown(b"not a zip").is_err());
    }
}
