//! Redaction markup: `[[redact 40(2): Jane Smith]]` — the provision, then
//! the withheld text — usable in any text field of a case file and in annex
//! files.
//!
//! Withheld text is dropped as early as possible: [`mask`] overwrites it in
//! the file's text the moment the file is read, before anything parses it,
//! so no case model, error message, snippet of a case-file line or output
//! ever holds it. Only its length survives (the PDF's black box is as wide
//! as the text was long). Masking keeps white space, so line and column
//! numbers, YAML indentation and the length after YAML folds its lines are
//! all unchanged.

/// Where the markup opens; a provision, `:`, the withheld text and
/// [`CLOSE`] follow.
pub const OPEN: &str = "[[redact ";
/// Where the markup closes.
pub const CLOSE: &str = "]]";
/// What every non-space character of withheld text becomes.
pub const MASK: char = '\u{2588}';

/// One redaction found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'a> {
    /// Byte range of the whole markup, `[[` to `]]`.
    pub span: std::ops::Range<usize>,
    /// The provision, trimmed: "40(2)".
    pub provision: &'a str,
    /// Byte range of the withheld text (untrimmed).
    pub withheld: std::ops::Range<usize>,
}

impl Found<'_> {
    /// How many characters are withheld, ignoring space around them.
    pub fn chars(&self, text: &str) -> usize {
        text[self.withheld.clone()].trim().chars().count()
    }
}

/// Every redaction in `text`, in order. Markup without a provision or
/// never closed is not a redaction (it prints as written).
pub fn find(text: &str) -> Vec<Found<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = next_open(text, from) {
        let body = at + OPEN.len();
        let found = text[body..].find(':').and_then(|colon| {
            let provision = text[body..body + colon].trim();
            let valid = !provision.is_empty() && !provision.contains(['\n', ']', '[']);
            let start = body + colon + 1;
            let end = start + text[start..].find(CLOSE)?;
            valid.then(|| Found { span: at..end + CLOSE.len(), provision, withheld: start..end })
        });
        match found {
            Some(f) => {
                from = f.span.end;
                out.push(f);
            }
            None => from = body,
        }
    }
    out
}

/// Where the next [`OPEN`] at or after `from` starts. Found by its first
/// byte, which `memchr` finds at once: most values have none, and a
/// substring search set up for each of them cost more than the rest of
/// reading them.
fn next_open(text: &str, mut from: usize) -> Option<usize> {
    while let Some(at) = memchr::memchr(b'[', &text.as_bytes()[from..]).map(|i| from + i) {
        if text[at..].starts_with(OPEN) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// `text` with every withheld character replaced by [`MASK`]; white space
/// (line breaks, indentation) is kept so the text parses as before.
pub fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for found in find(text) {
        out.push_str(&text[last..found.withheld.start]);
        out.extend(text[found.withheld.clone()].chars().map(|c| if c.is_whitespace() { c } else { MASK }));
        last = found.withheld.end;
    }
    out.push_str(&text[last..]);
    out
}

/// Reads a file foikit takes text from (a case, a profile, an annex),
/// masked: the one way such files are read.
pub fn read(path: &std::path::Path) -> std::io::Result<String> {
    std::fs::read_to_string(path).map(|text| mask(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_markup_and_ignores_malformed() {
        let text = "Ask [[redact 40(2): Jane Smith]] or [[redact : x]] or [[redact 43(2): open";
        let found = find(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].provision, "40(2)");
        assert_eq!(&text[found[0].span.clone()], "[[redact 40(2): Jane Smith]]");
        assert_eq!(found[0].chars(text), 10);
    }

    #[test]
    fn masking_keeps_white_space_and_length() {
        let text = "a: \"[[redact 40(2): Jane\n    Smith]]\" # note\n";
        let masked = mask(text);
        assert!(!masked.contains("Jane") && !masked.contains("Smith"));
        assert_eq!(masked.lines().count(), text.lines().count());
        assert_eq!(masked.chars().count(), text.chars().count());
        assert!(masked.contains("[[redact 40(2): ████\n    █████]]"));
        assert_eq!(mask("no markup [[redact"), "no markup [[redact");
    }
}
