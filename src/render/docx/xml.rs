//! Text into XML: the one place that escapes what the DOCX backend writes.

use std::borrow::Cow;

/// `text` without the characters XML 1.0 does not allow (C0 controls other
/// than tab, newline and carriage return; U+FFFE and U+FFFF): Word refuses
/// a file that contains them.
pub(super) fn xml_chars(text: &str) -> Cow<'_, str> {
    fn allowed(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    }
    if text.chars().all(allowed) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().filter(|c| allowed(*c)).collect())
    }
}

/// Appends `text` to `out`, escaped for XML content or a double-quoted
/// attribute, dropping characters XML cannot hold.
pub(super) fn push_escaped(out: &mut String, text: &str) {
    let text = xml_chars(text);
    let mut rest = &*text;
    while let Some(at) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

/// `text` escaped as by [`push_escaped`].
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_xml_characters_are_dropped() {
        assert_eq!(xml_chars("a\u{0}b\u{1b}c\u{FFFF}"), "abc");
        assert!(matches!(xml_chars("plain – “text”"), Cow::Borrowed(_)));
    }

    #[test]
    fn markup_characters_are_escaped_once() {
        assert_eq!(escape(r#"A & B <c> "d" 'e'"#), "A &amp; B &lt;c&gt; &quot;d&quot; 'e'");
        assert_eq!(escape("&amp;\u{1}"), "&amp;amp;");
        assert_eq!(escape("“plain”"), "“plain”");
    }
}
