//! Wording found by plain scans instead of compiled patterns. A pattern
//! with Unicode classes, alternations and bounded repeats cost millions of
//! instructions to compile (one took 87 million), in every process that
//! asked it once; these scans ask the same questions exactly, and each
//! caller's tests hold them to the pattern they replace, compiled as
//! [`super::pattern::re`] compiles the rest.
//!
//! Case is ignored as the patterns' `(?i)` ignored it, by Unicode simple
//! case folding: the only characters outside ASCII that fold to ASCII
//! letters are U+017F (long s, to `s`) and U+212A (Kelvin sign, to `k`),
//! which [`fold`] maps with ASCII capitals; wording is given in lower-case
//! ASCII and compared with the text folded a character at a time, so every
//! position found is one in the text. Word boundaries are ASCII ones, as
//! [`super::pattern`] compiles `\b`.

/// `c` folded as `(?i)` compares it with lower-case ASCII.
pub fn fold(c: char) -> char {
    match c {
        '\u{17f}' => 's',
        '\u{212a}' => 'k',
        c => c.to_ascii_lowercase(),
    }
}

/// How many bytes of `text` spell `word` (lower-case ASCII), case ignored,
/// if `text` starts with it.
pub fn prefix(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for w in word.chars() {
        chars.next().filter(|&(_, c)| fold(c) == w)?;
    }
    Some(chars.next().map_or(text.len(), |(at, _)| at))
}

/// How many bytes of white space (`\s`, Unicode) `text` starts with.
pub fn spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches(char::is_whitespace).len()
}

/// How many bytes of decimal digits (`\d`, Unicode) `text` starts with.
pub fn digits(text: &str) -> usize {
    text.len() - text.trim_start_matches(is_digit).len()
}

/// Whether `c` is a decimal digit as patterns' `\d` has it (Unicode
/// `Nd`): the class regex's own parser makes, consulted outside ASCII only.
pub fn is_digit(c: char) -> bool {
    static DIGITS: std::sync::LazyLock<Vec<(char, char)>> = std::sync::LazyLock::new(|| {
        use regex_syntax::hir::{Class, HirKind};
        match regex_syntax::Parser::new().parse(r"\d").map(|hir| hir.into_kind()) {
            Ok(HirKind::Class(Class::Unicode(class))) => class.ranges().iter().map(|r| (r.start(), r.end())).collect(),
            _ => Vec::new(),
        }
    });
    c.is_ascii_digit() || (!c.is_ascii() && DIGITS.iter().any(|&(from, to)| (from..=to).contains(&c)))
}

/// Whether `c` is a word character as patterns' `\w` has it (Unicode).
pub fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// Whether an ASCII word boundary (`(?-u:\b)`) is at byte `at` of `text`.
pub fn boundary(text: &str, at: usize) -> bool {
    let word =
        |i: Option<usize>| i.and_then(|i| text.as_bytes().get(i)).is_some_and(|&b| regex_syntax::is_word_byte(b));
    word(at.checked_sub(1)) != word(Some(at))
}

/// Every place `word` is spelt in `text`, case ignored, overlapping ones
/// included: where it begins and ends.
pub fn starts<'a>(text: &'a str, word: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
    text.char_indices().filter_map(move |(at, _)| prefix(&text[at..], word).map(|len| (at, at + len)))
}

/// Whether `text` spells any of `words`, case ignored.
pub fn any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| starts(text, w).next().is_some())
}

/// Where any of `words` begins in `text` on a word boundary (`\bword`),
/// with where it ends.
pub fn starting_words<'a>(text: &'a str, words: &'a [&'a str]) -> impl Iterator<Item = (usize, usize)> + 'a {
    words.iter().flat_map(move |w| starts(text, w).filter(|&(at, _)| boundary(text, at)))
}

/// Whether `text` holds any of `words` as a whole word (`\bword\b`).
pub fn any_word(text: &str, words: &[&str]) -> bool {
    starting_words(text, words).any(|(_, end)| boundary(text, end))
}

/// The ends of every way `text` continues at `at` with one of each of
/// `steps` in turn (a sequence of alternatives, `(?:a|b)(?:c|d)`).
pub fn sequence(text: &str, at: usize, steps: &[&[&str]]) -> Vec<usize> {
    let mut ends = vec![at];
    for step in steps {
        ends = ends
            .iter()
            .flat_map(|&end| step.iter().filter_map(move |w| prefix(&text[end..], w)).map(move |len| end + len))
            .collect();
    }
    ends
}

/// Every way `text` holds one of each of `steps` in turn, anywhere: where
/// each begins and ends. The first step's words must not be empty.
pub fn sequences<'a>(text: &'a str, steps: &'a [&'a [&'a str]]) -> impl Iterator<Item = (usize, usize)> + 'a {
    let firsts = steps.first().copied().unwrap_or_default();
    firsts
        .iter()
        .flat_map(move |w| starts(text, w))
        .flat_map(move |(at, _)| sequence(text, at, steps).into_iter().map(move |end| (at, end)))
}

/// Whether a whole word of `first` is followed, within `most` characters
/// none of which is a full stop, by a whole word of `second`
/// (`\b(?:first)\b[^.]{0,most}\b(?:second)\b`).
pub fn near(text: &str, first: &[&str], most: usize, second: &[&str]) -> bool {
    starting_words(text, first).filter(|&(_, end)| boundary(text, end)).any(|(_, end)| {
        let gap = text[end..].char_indices().map(|(i, _)| end + i).chain([text.len()]);
        gap.take(most + 1).take_while(|&at| !text[end..at].contains('.')).any(|at| {
            boundary(text, at) && second.iter().any(|w| prefix(&text[at..], w).is_some_and(|n| boundary(text, at + n)))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_is_what_case_insensitive_patterns_match() {
        // Every character a `(?i)` ASCII letter matches folds to that letter.
        let letter = regex::Regex::new(r"(?i)^[a-z]$").unwrap();
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(letter.is_match(&c.to_string()), fold(c).is_ascii_lowercase(), "U+{:04X}", c as u32);
        }
        assert_eq!(prefix("Wee\u{212a}\u{17f} on", "weeks"), Some(8));
        assert_eq!(prefix("Wee", "weeks"), None);
    }

    #[test]
    fn digits_are_the_patterns() {
        let digit = regex::Regex::new(r"^\d$").unwrap();
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            assert_eq!(is_digit(c), digit.is_match(&c.to_string()), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn word_boundaries_are_the_patterns() {
        let pattern = super::super::pattern::re(r"\b");
        for text in ["a b", "é-x", "_a", "x\u{301}y", " ", "", "a", "1.5", "\u{200d}a", "aéb"] {
            let found: Vec<usize> = pattern.find_iter(text).map(|m| m.start()).collect();
            let ours: Vec<usize> =
                (0..=text.len()).filter(|&i| text.is_char_boundary(i) && boundary(text, i)).collect();
            assert_eq!(found, ours, "{text:?}");
        }
    }

    #[test]
    fn near_counts_characters_and_stops_at_full_stops() {
        assert!(near("we found the files", &["found"], 40, &["files"]));
        assert!(near("found files", &["found"], 1, &["file", "files"]));
        assert!(!near("found files", &["found"], 0, &["file", "files"]));
        assert!(!near("found. files", &["found"], 40, &["files"]));
        assert!(!near("foundfiles", &["found"], 40, &["files"]));
        // Forty characters between, then forty-one.
        assert!(near(&format!("found{} files", " é".repeat(19) + "é"), &["found"], 40, &["files"]));
        assert!(!near(&format!("found{} files", " é".repeat(20)), &["found"], 40, &["files"]));
    }
}
