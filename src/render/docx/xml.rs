//! Text into XML: the one place that escapes what the DOCX backend writes.

/// Whether XML 1.0 allows `c` (not C0 controls other than tab, newline and
/// carriage return; not U+FFFE or U+FFFF): Word refuses a file that holds
/// one of the others.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether anything of `text` is left once the characters XML cannot hold
/// are dropped; stops at the first character that is kept.
pub(super) fn has_xml_chars(text: &str) -> bool {
    text.chars().any(allowed)
}

/// The bytes [`push_escaped`] has to act on: the markup characters, the C0
/// controls XML forbids, and 0xEF, which starts U+FFFE and U+FFFF (and
/// other characters, which are kept). Every other byte is copied as it is,
/// so text is scanned a byte a lookup until one of these.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = !matches!(b as u8, b'\t' | b'\n' | b'\r');
        b += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[0xEF] = true;
    table
};

/// Appends `text` to `out`, escaped for XML content or a double-quoted
/// attribute, dropping characters XML cannot hold (see [`allowed`]): in one
/// pass over the bytes, since every run of a letter's text goes through
/// here.
pub(super) fn push_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let (mut copied, mut at) = (0, 0);
    loop {
        at += bytes[at..].iter().position(|&b| SPECIAL[usize::from(b)]).unwrap_or(bytes.len() - at);
        let Some(&b) = bytes.get(at) else { break };
        let (replacement, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            // U+FFFE and U+FFFF.
            0xEF if matches!(bytes.get(at + 1..at + 3), Some([0xBF, 0xBE | 0xBF])) => ("", 3),
            0xEF => {
                at += 1;
                continue;
            }
            _ => ("", 1),
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

    /// `text` without the characters XML cannot hold: the plain model the
    /// one-pass functions are held to.
    fn xml_chars(text: &str) -> String {
        text.chars().filter(|c| allowed(*c)).collect()
    }

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
        for text in ["", "\u{0}\u{FFFF}", "\u{1b}a", "plain – “text”", "\u{FFFE}\u{7}"] {
            assert_eq!(has_xml_chars(text), !xml_chars(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn markup_characters_are_escaped_once() {
        assert_eq!(escape(r#"A & B <c> "d" 'e'"#), "A &amp; B &lt;c&gt; &quot;d&quot; 'e'");
        assert_eq!(escape("&amp;\u{1}"), "&amp;amp;");
        assert_eq!(escape("“plain”"), "“plain”");
    }
}
