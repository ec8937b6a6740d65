//! Line break opportunities (Unicode Standard Annex #14).
//!
//! `unicode-linebreak` answers for any text, but its general machinery
//! (decoding each character, a two-level property lookup and a pair-table
//! state machine behind three iterator adapters) cost about 90
//! instructions a character, a tenth of a letter's PDF. Nearly every
//! paragraph of a letter is printable ASCII (and newlines), whose fifteen
//! line break classes meet under a handful of the annex's rules, so those
//! are answered here from a table, a byte at a time; any other text goes to
//! the crate. The tests hold the two to the same answers.

use unicode_linebreak::{BreakOpportunity, linebreaks};

/// The line break opportunities of `text`, as `unicode_linebreak::linebreaks`
/// gives them: the byte index of the character after each break, and
/// whether the break is mandatory (always at the end of the text).
pub fn opportunities(text: &str) -> Box<dyn Iterator<Item = (usize, BreakOpportunity)> + '_> {
    if !text.is_empty() && text.bytes().all(|b| CLASSES[usize::from(b)].is_some()) {
        Box::new(Ascii { bytes: text.as_bytes(), at: 0, last: None })
    } else {
        Box::new(linebreaks(text))
    }
}

/// The line breaking classes of printable ASCII and the newline
/// (`LineBreak.txt` of Unicode 15.0, the version `unicode-linebreak` 0.1.5
/// implements).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Alphabetic: letters and most symbols.
    Al,
    /// Numeric: digits.
    Nu,
    /// Space.
    Sp,
    /// Line feed.
    Lf,
    /// Break after: `|`.
    Ba,
    /// Hyphen: `-`.
    Hy,
    /// Exclamation or interrogation: `!`, `?`.
    Ex,
    /// Quotation: `"`, `'`.
    Qu,
    /// Prefix numeric: `$`, `+`, `\`.
    Pr,
    /// Postfix numeric: `%`.
    Po,
    /// Open punctuation: `(`, `[`, `{`.
    Op,
    /// Close parenthesis: `)`, `]`.
    Cp,
    /// Close punctuation: `}`.
    Cl,
    /// Infix numeric separator: `,`, `.`, `:`, `;`.
    Is,
    /// Symbols allowing a break after: `/`.
    Sy,
}

/// [`class`] of every byte, looked up once per byte.
static CLASSES: [Option<Class>; 256] = {
    let mut table = [None; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = class(b as u8);
        b += 1;
    }
    table
};

/// The class of byte `b`, or `None` for a byte this module leaves to the
/// crate (controls other than the newline, and anything not ASCII).
const fn class(b: u8) -> Option<Class> {
    use Class::*;
    Some(match b {
        b'\n' => Lf,
        b' ' => Sp,
        b'0'..=b'9' => Nu,
        b'!' | b'?' => Ex,
        b'"' | b'\'' => Qu,
        b'$' | b'+' | b'\\' => Pr,
        b'%' => Po,
        b'(' | b'[' | b'{' => Op,
        b')' | b']' => Cp,
        b'}' => Cl,
        b',' | b'.' | b':' | b';' => Is,
        b'-' => Hy,
        b'/' => Sy,
        b'|' => Ba,
        b'#' | b'&' | b'*' | b'<' | b'=' | b'>' | b'@' | b'A'..=b'Z' | b'^' | b'_' | b'`' | b'a'..=b'z' | b'~' => Al,
        _ => return None,
    })
}

/// Whether a line may end between a character of class `before` and one
/// of class `next`, `last` being the class of the last character before
/// the break that is not a space (`None` if all are), by the annex's rules
/// in their order (LB4 to LB31), as they apply to these classes.
fn break_between(before: Class, last: Option<Class>, next: Class) -> Option<BreakOpportunity> {
    use Class::*;
    let allowed = Some(BreakOpportunity::Allowed);
    match (before, next) {
        (Lf, _) => Some(BreakOpportunity::Mandatory), // LB5
        (_, Lf | Sp) => None,                         // LB6, LB7
        (_, Cl | Cp | Ex | Is | Sy) => None,          // LB13
        _ if last == Some(Op) => None,                // LB14: OP SP* ×
        (_, Op) if last == Some(Qu) => None,          // LB15: QU SP* × OP
        (Sp, _) => allowed,                           // LB18
        (Qu, _) | (_, Qu) => None,                    // LB19
        (_, Ba | Hy) => None,                         // LB21
        (Al, Nu) | (Nu, Al) => None,                  // LB23
        (Pr | Po, Al) | (Al, Pr | Po) => None,        // LB24
        (Cl | Cp | Nu, Po | Pr) | (Po | Pr, Op | Nu) | (Hy | Is | Nu | Sy, Nu) => None, // LB25
        (Al, Al) => None,                             // LB28
        (Is, Al) => None,                             // LB29
        (Al | Nu, Op) | (Cp, Al | Nu) => None,        // LB30
        _ => allowed,                                 // LB31
    }
}

/// The opportunities of text whose every byte has a [`class`].
struct Ascii<'a> {
    bytes: &'a [u8],
    /// The index of the next possible break.
    at: usize,
    /// The class of the last character before `at` that is not a space.
    last: Option<Class>,
}

impl Iterator for Ascii<'_> {
    type Item = (usize, BreakOpportunity);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            // Letters and digits never break between them (LB23, LB28):
            // most of any text, passed over here without the rules.
            if self.at > 0 && self.bytes.get(self.at - 1).is_some_and(u8::is_ascii_alphanumeric) {
                self.at += self.bytes[self.at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            }
            let at = self.at;
            if at >= self.bytes.len() {
                // LB3: always a (mandatory) break at the end, once.
                self.at = usize::MAX;
                return (at == self.bytes.len()).then_some((at, BreakOpportunity::Mandatory));
            }
            self.at += 1;
            if at == 0 {
                continue; // LB2: never at the start
            }
            let class = |at: usize| CLASSES[usize::from(self.bytes[at])];
            let (Some(before), Some(next)) = (class(at - 1), class(at)) else { continue };
            if before != Class::Sp {
                self.last = Some(before);
            }
            if let Some(opportunity) = break_between(before, self.last, next) {
                return Some((at, opportunity));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    type Opportunities = Vec<(usize, BreakOpportunity)>;

    fn both(text: &str) -> (Opportunities, Opportunities) {
        (opportunities(text).collect(), linebreaks(text).collect())
    }

    /// Every string of up to four characters, one of each class (two for
    /// the alphabetic and quotation classes), agrees with the crate: every
    /// pair rule, and every rule that looks back over spaces.
    #[test]
    fn every_short_sequence_of_classes_agrees() {
        let alphabet: Vec<char> = "aZ1 \n|-!\"'$%([)},/".chars().collect();
        let mut text = String::new();
        let mut checked = 0;
        for len in 1..=4u32 {
            for n in 0..alphabet.len().pow(len) {
                text.clear();
                let mut n = n;
                for _ in 0..len {
                    text.push(alphabet[n % alphabet.len()]);
                    n /= alphabet.len();
                }
                let (ours, theirs) = both(&text);
                assert_eq!(ours, theirs, "{text:?}");
                checked += 1;
            }
        }
        assert!(checked > 100_000);
    }

    #[test]
    fn every_printable_ascii_byte_has_a_class() {
        for b in b' '..=b'~' {
            assert!(class(b).is_some(), "{:?}", char::from(b));
        }
        assert_eq!(class(b'\t'), None);
        assert_eq!(class(0x7F), None);
        assert_eq!(class(0xC2), None);
    }

    #[test]
    fn other_text_goes_to_the_crate() {
        for text in ["", "caf\u{e9} au lait", "a\u{2014}b", "tab\there", "\u{5e9}\u{5dc}\u{5d5}\u{5dd} 1", "a\u{00A0}b"]
        {
            let (ours, theirs) = both(text);
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    proptest! {
        /// Letter-like text: words, figures, references, punctuation and
        /// brackets, spaces and newlines, in any mix.
        #[test]
        fn printable_ascii_agrees(text in "[ -~\n]{0,60}") {
            let (ours, theirs) = both(&text);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn words_and_punctuation_agree(text in "([a-zA-Z0-9]{1,8}[ ,.;:!?()\\[\\]{}'\"/%$+\\\\|-]{0,3}){0,12}") {
            let (ours, theirs) = both(&text);
            prop_assert_eq!(ours, theirs);
        }
    }
}
