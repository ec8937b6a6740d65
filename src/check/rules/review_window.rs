//! FOI103 review-window

use super::{excerpt, review_block};
use crate::check::diagnostic::Severity;
use crate::check::letter::Letter;
use crate::check::rule::{Finding, Rule};
use crate::read::wording::{digits, prefix, spaces};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI103",
    name: "review-window",
    severity: Severity::Warning,
    summary: "the review paragraph gives no time window for asking, or one shorter than the law or Code allows",
    doc: DOC,
    help: "say that a review may be requested within 40 working days (\"two months\" is also at least that)",
    kinds: super::missing_internal_review::KINDS,
    check,
};

const DOC: &str = "\
## What it checks
That the review paragraph says how long the requester has to ask for a review, and that the window
is at least 40 working days: the s45 Code of Practice (2018, para 5.3, for letters dated from 4 July
2018), EIR reg 11(2) and FOISA s20(5). \"Two months\" is at least 40 working days and passes.

## Why it matters
Requesters who are told nothing, or a shorter period, lose a right the Code or statute gives them;
authorities are expected to accept requests made within the window and to say so.

## Example
\"You may ask for an internal review within 20 working days.\"

## Fix
\"You may ask for an internal review within 40 working days of the date of this letter.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    let law = letter.regime.regime();
    if letter.sent.is_some_and(|d| d < law.review.window_from) || super::no_further_notice(letter) {
        return Vec::new();
    }
    let Some((first, block)) = review_block(letter) else { return Vec::new() };
    let Some([number, unit]) = window(&block) else {
        return vec![
            Finding::at(
                first,
                format!(
                    "the {} paragraph gives no time window for asking: \"{}\"",
                    law.review.name,
                    excerpt(&letter.paragraphs[first].text)
                ),
            )
            .on("review"),
        ];
    };
    let n: u32 = match number.to_ascii_lowercase().as_str() {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "twenty" => 20,
        "forty" => 40,
        "sixty" => 60,
        digits => digits.parse().unwrap_or(0),
    };
    let working_days = match unit.to_ascii_lowercase().as_str() {
        "working days" => n,
        "weeks" => n * 5,
        "months" | "calendar months" => n * 20,
        _ => n * 5 / 7,
    };
    if working_days < law.review.ask_within {
        return vec![
            Finding::at(
                first,
                format!(
                    "\"within {} {}\" is shorter than the {} working days allowed ({})",
                    number, unit, law.review.ask_within, law.review.source
                ),
            )
            .on("review.window"),
        ];
    }
    Vec::new()
}

/// The number and unit of the first "within 40 working days" in `text`, as
/// `(?i)within\s+(\d+|one|two|three|four|five|six|twenty|forty|sixty)\s+(?:\(\d+\)\s+)?(working
/// days|calendar days|days|weeks|calendar months|months)` captured them
/// (its test holds it to that). Written out: the pattern took 1.8 million
/// instructions to compile, in nearly every process that checked a letter.
pub(super) fn window(text: &str) -> Option<[&str; 2]> {
    const NUMBERS: [&str; 9] = ["one", "two", "three", "four", "five", "six", "twenty", "forty", "sixty"];
    const UNITS: [&str; 6] = ["working days", "calendar days", "days", "weeks", "calendar months", "months"];
    // A number is followed by white space, so at most one of "six" and
    // "sixty" fits; the units begin differently, so at most one fits.
    let spaced = |at: usize| (spaces(&text[at..]) > 0).then(|| at + spaces(&text[at..]));
    let number = |at: usize| {
        let len = Some(digits(&text[at..]))
            .filter(|&n| n > 0)
            .or_else(|| NUMBERS.iter().filter_map(|w| prefix(&text[at..], w)).find(|&n| spaces(&text[at + n..]) > 0))?;
        Some(at + len)
    };
    text.char_indices().find_map(|(start, _)| {
        let from = spaced(start + prefix(&text[start..], "within")?)?;
        let to = number(from)?;
        let mut unit = spaced(to)?;
        let bracket = Some(unit)
            .filter(|&at| text[at..].starts_with('('))
            .map(|at| at + 1 + digits(&text[at + 1..]))
            .filter(|&at| at > unit + 1 && text[at..].starts_with(')'))
            .and_then(|at| spaced(at + 1));
        if let Some(after) = bracket {
            unit = after;
        }
        let len = UNITS.iter().find_map(|u| prefix(&text[unit..], u))?;
        Some([&text[from..to], &text[unit..unit + len]])
    })
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;

    static PATTERN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)within\s+(\d+|one|two|three|four|five|six|twenty|forty|sixty)\s+(?:\(\d+\)\s+)?(working days|calendar days|days|weeks|calendar months|months)",
        )
        .unwrap()
    });

    fn by_pattern(text: &str) -> Option<[&str; 2]> {
        PATTERN.captures(text).map(|c| [c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str()])
    }

    #[test]
    fn windows_are_what_the_pattern_captured() {
        for text in [
            "You may ask for an internal review within 40 working days of the date of this letter.",
            "within two months; or WITHIN Forty (40) Calendar Days",
            "within sixty days, within six weeks",
            "within  \u{a0}20\tworking days",
            "within 20working days, then within 3 weeks",
            "within \u{663}\u{660} days",
            "within (40) days",
            "within forty () days",
            "within forty (4x) days",
            "within forty (40)days and within 2 Months",
            "withinn 2 days",
            "within 2 day\u{17f}",
            "within \u{17f}ix wee\u{212a}s",
            "within sixtyone days",
            "",
        ] {
            assert_eq!(window(text), by_pattern(text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Any arrangement of the pattern's pieces.
        #[test]
        fn windows_agree_with_the_pattern(parts in proptest::collection::vec(proptest::sample::select(vec![
            "within", " ", "\u{a0}", "\n", "20", "4", "\u{663}", "six", "sixty", "ty", "forty", "(", ")", "40",
            "working days", "days", "calendar ", "months", "weeks", "WITHIN", "Days", "\u{17f}", "x", ".",
        ]), 0..12)) {
            let text = parts.concat();
            proptest::prop_assert_eq!(window(&text), by_pattern(&text), "{:?}", text);
        }
    }
}
