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
/// attribute, dropping characters XML cannot hold (as [`xml_chars`]
/// does): in one pass over the bytes, since every run of a letter's text
/// goes through here.
pub(super) fn push_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let (mut copied, mut at) = (0, 0);
    while let Some(&b) = bytes.get(at) {
        let (replacement, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\t' | b'\n' | b'\r' => {
                at += 1;
                continue;
            }
            0..=0x1F => ("", 1),
            // U+FFFE and U+FFFF.
            0xEF if matches!(bytes.get(at + 1..at + 3), Some([0xBF, 0xBE | 0xBF])) => ("", 3),
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(&text[copied..at]);
        out.push_str(replacement);
        at += len;
        copied = at;
    }
    out.push_str(&text[copied..]);
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

    /// The one-pass escaping gives what dropping the forbidden characters
    /// and then escaping the markup characters gives.
    #[test]
    fn escaping_drops_then_escapes() {
        let samples = [
            "",
            "plain",
            "a & b < c > d \"e\" 'f'",
            "a\u{0}b\u{1b}c\u{FFFF}d\u{FFFE}\u{FFFD}\u{EFFF}",
            "tab\tline\nreturn\r",
            "“quoted” – Ω 😀 &amp;",
            "\u{1f}&\u{FFFF}<",
        ];
        for text in samples {
            let reference =
                xml_chars(text).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
            assert_eq!(escape(text), reference, "{text:?}");
        }
    }

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
