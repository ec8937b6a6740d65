//! The text of an HTML letter (foikit writes them; `check` reads them back):
//! block elements become paragraphs separated by blank lines, `<br>` a line
//! break, other tags are dropped and entities decoded. Enough for letters,
//! which carry no scripts or styles that matter to the rules.

/// Elements whose end closes a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "li",
    "tr",
    "blockquote",
    "table",
    "ul",
    "ol",
    "header",
    "footer",
    "title",
];

/// The letter's text, paragraphs separated by blank lines.
pub fn text(html: &str) -> String {
    let body = html.find("<body").map_or(html, |i| &html[i..]);
    let mut out = String::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        out.push_str(&decode(&rest[..open]));
        let Some(close) = rest[open..].find('>') else { break };
        let closing = rest[open + 1..].starts_with('/');
        let tag = rest[open + 1..open + close].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if name == "br" {
            out.push('\n');
        } else if BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        } else if (name == "td" || name == "th") && !closing {
            out.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(&decode(rest));
    out
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    #[test]
    fn paragraphs_and_entities() {
        let t = super::text(
            "<html><body><p>Dear A &amp; B,</p><p>Line<br>two</p><table><tr><td>x</td><td>1</td></tr></table></body></html>",
        );
        assert!(t.contains("Dear A & B,\n\n"), "{t:?}");
        assert!(t.contains("Line\ntwo"));
        assert!(t.contains(" x 1"));
    }
}
