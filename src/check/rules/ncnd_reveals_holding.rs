//! FOI206 ncnd-reveals-holding

use super::{excerpt, ncnd};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::read::recognise::sentences;
use crate::read::wording::{
    any, any_word, boundary, is_word, near, prefix, sequence, sequences, starting_words, starts,
};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI206",
    name: "ncnd-reveals-holding",
    severity: Severity::Error,
    summary: "a neither-confirm-nor-deny reply confirms that the information is held",
    doc: DOC,
    help: "remove the statement that the information is held, or, if holding can be confirmed, do not rely on neither confirm nor deny",
    kinds: &[LetterKind::Ncnd, LetterKind::PartialRelease, LetterKind::Refusal],
    check,
};

const DOC: &str = "\
## What it checks
That a letter which neither confirms nor denies whether information is held does not, elsewhere,
confirm that it is held (\"we can confirm that we hold…\", \"the information is held\"). In a reply
that is wholly neither-confirm-nor-deny, a search that found records, or a plain denial (\"we do not
hold\"), gives the answer away just as surely.

## Why it matters
Neither-confirm-nor-deny provisions (e.g. FOIA s24(2), s31(3), s40(5B)) exclude the s1(1)(a) duty to
confirm or deny because confirming would itself cause harm. A letter that invokes them and then
confirms holding discloses exactly what the exemption protects, and cannot be withdrawn.

## Example
\"We can neither confirm nor deny whether we hold the information. We can confirm that the
information you requested is held by the Department.\"

## Fix
Keep to the neither-confirm-nor-deny wording throughout, or drop it if confirming is harmless.";

fn check(letter: &Letter) -> Vec<Finding> {
    if !ncnd(letter) {
        return Vec::new();
    }
    // A search that found something, or a plain denial, tells as much as a
    // confirmation; in a letter answering other items too they may be about
    // those, so only a wholly NCND reply is held to them.
    let wholly = letter.kind == LetterKind::Ncnd;
    let reveals = |s: &str| {
        if weighs_confirming(s) || names_parts(s) {
            return false;
        }
        (held(s) && !negated(s))
            || (wholly && held_otherwise(s) && !negated(s) && !hypothetical(s))
            || (wholly && search_or_denial(s) && !hypothetical(s))
    };
    let mut out = Vec::new();
    for (i, p) in letter.body() {
        if let Some(s) = sentences(&p.text).find(|s| reveals(s)) {
            out.push(Finding::at(
                i,
                format!("the letter neither confirms nor denies that information is held, yet says \"{}\"", excerpt(s)),
            ));
        }
    }
    out
}

/// Talks of confirming or denying itself ("confirming or denying whether
/// information is held would undermine…"): the harm, not an answer.
fn weighs_confirming(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    ["confirming or denying", "confirm or deny", "confirmation or denial", "whether or not"]
        .iter()
        .any(|w| lower.contains(w))
}

/// Names parts of the request ("questions 1 and 2", "part (a)", "item
/// 3"): in a reply answering some parts and neither confirming nor
/// denying others, a sentence about those parts tells nothing of the rest.
fn names_parts(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    ["question", "part", "item", "point"].iter().any(|word| {
        lower.match_indices(word).any(|(at, _)| {
            let rest = lower[at + word.len()..].trim_start_matches('s');
            let Some(rest) = rest.strip_prefix(' ') else { return false };
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), _) if c.is_ascii_digit() || c == '(' => true,
                (Some(c), next) => c.is_ascii_alphabetic() && !next.is_some_and(|n| n.is_ascii_alphabetic()),
                _ => false,
            }
        })
    })
}

// The four tests below each find in a sentence what the pattern in their
// doc comment found, case ignored (the tests hold them to it). Written out: compiling the first pattern alone took 87
// million instructions, for its Unicode `[\w ]{1,40}`.

/// Says information is held: `confirms? that (?:the [\w ]{1,40} |we |it
/// )?(?:does |do )?holds?\b|\bholds the information|information (?:you
/// (?:have )?(?:requested|asked for) )?(?:is|was) held|\bwe (?:do )?hold
/// (?:the|this|some|that)\b`.
fn held(s: &str) -> bool {
    let confirms_holding = sequences(s, &[&["confirm"], &["", "s"], &[" that "]]).any(|(_, at)| {
        let mut subjects = sequence(s, at, &[&["", "we ", "it "]]);
        if let Some(the) = prefix(&s[at..], "the ") {
            // `the [\w ]{1,40} `: a space after one to forty word
            // characters and spaces may end the name.
            let name = at + the;
            let run = s[name..].char_indices().take(41).take_while(|&(_, c)| c == ' ' || is_word(c));
            subjects.extend(run.filter(|&(i, c)| i > 0 && c == ' ').map(|(i, _)| name + i + 1));
        }
        subjects
            .into_iter()
            .flat_map(|at| sequence(s, at, &[&["", "does ", "do "], &["hold"], &["", "s"]]))
            .any(|end| boundary(s, end))
    });
    const IS_HELD: &[&[&str]] = &[
        &["information "],
        &["", "you requested ", "you asked for ", "you have requested ", "you have asked for "],
        &["is", "was"],
        &[" held"],
    ];
    const WE_HOLD: &[&[&str]] = &[&["we "], &["", "do "], &["hold "], &["the", "this", "some", "that"]];
    confirms_holding
        || starting_words(s, &["holds the information"]).next().is_some()
        || sequences(s, IS_HELD).next().is_some()
        || sequences(s, WE_HOLD).any(|(at, end)| boundary(s, at) && boundary(s, end))
}

/// Says in other words that something is held: `\b(?:is|are|was|were)
/// held by\b|\b(?:does|do) hold\b` ("the risk assessments are held by the
/// unit", "the force does hold them").
fn held_otherwise(s: &str) -> bool {
    sequences(s, &[&["is", "are", "was", "were"], &[" held by"]]).any(|(at, end)| boundary(s, at) && boundary(s, end))
        || sequences(s, &[&["does", "do"], &[" hold"]]).any(|(at, end)| boundary(s, at) && boundary(s, end))
}

/// Says it is not held, or not whether: `neither|\bnor\b|whether|\bif
/// we\b|do(?:es)? not hold|don't hold|not held|cannot confirm|can't confirm`.
fn negated(s: &str) -> bool {
    any(
        s,
        &[
            "neither",
            "whether",
            "do not hold",
            "does not hold",
            "don't hold",
            "not held",
            "cannot confirm",
            "can't confirm",
        ],
    ) || any_word(s, &["nor", "if we"])
}

/// A search that found records, or a plain denial:
/// `\b(?:found|located|identified|retrieved)\b[^.]{0,40}\b(?:files?|records?|documents?|e-?mails?|information|material|papers|assessments?|reports?|minutes|correspondence|data)\b|\b(?:we|it|the
/// (?:department|council|authority|force|trust)) (?:do|does) not
/// hold\b|\b(?:we|it|the (?:department|council|authority|force|trust))
/// (?:have|has) withheld\b|\bno (?:relevant |such )?(?:information|records?|documents?)
/// (?:is|are|was|were) (?:held|found|located)`: withholding something
/// says it is held.
fn search_or_denial(s: &str) -> bool {
    const FOUND: &[&str] = &["found", "located", "identified", "retrieved"];
    const RECORDS: &[&str] = &[
        "file",
        "files",
        "record",
        "records",
        "document",
        "documents",
        "email",
        "emails",
        "e-mail",
        "e-mails",
        "information",
        "material",
        "papers",
        "assessment",
        "assessments",
        "report",
        "reports",
        "minutes",
        "correspondence",
        "data",
    ];
    const DENIAL: &[&[&str]] = &[
        &["we", "it", "the department", "the council", "the authority", "the force", "the trust"],
        &[" do", " does"],
        &[" not hold"],
    ];
    const WITHHELD: &[&[&str]] = &[
        &["we", "it", "the department", "the council", "the authority", "the force", "the trust"],
        &[" have", " has"],
        &[" withheld"],
    ];
    const NONE: &[&[&str]] = &[
        &["no "],
        &["", "relevant ", "such "],
        &["information", "record", "records", "document", "documents"],
        &[" is", " are", " was", " were"],
        &[" held", " found", " located"],
    ];
    near(s, FOUND, 40, RECORDS)
        || sequences(s, DENIAL).any(|(at, end)| boundary(s, at) && boundary(s, end))
        || sequences(s, WITHHELD).any(|(at, end)| boundary(s, at) && boundary(s, end))
        || sequences(s, NONE).any(|(at, _)| boundary(s, at))
}

/// Speaks of information only as a possibility: `neither|\bnor\b|whether|\bif\b|is
/// or is not|should not be taken|would\b|\bany information\b[^.]{0,30}\bmight\b`.
fn hypothetical(s: &str) -> bool {
    any(s, &["neither", "whether", "is or is not", "should not be taken"])
        || any_word(s, &["nor", "if"])
        || starts(s, "would").any(|(_, end)| boundary(s, end))
        || near(s, &["any information"], 30, &["might"])
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;

    /// A test of a folded sentence.
    type Test = fn(&str) -> bool;

    /// Each test with the pattern it replaces.
    static PAIRS: LazyLock<[(Test, Regex); 5]> = LazyLock::new(|| {
        let re = crate::read::pattern::re;
        [
            (
                held,
                re(
                    r"(?i)confirms? that (?:the [\w ]{1,40} |we |it )?(?:does |do )?holds?\b|\bholds the information|information (?:you (?:have )?(?:requested|asked for) )?(?:is|was) held|\bwe (?:do )?hold (?:the|this|some|that)\b",
                ),
            ),
            (
                negated,
                re(
                    r"(?i)neither|\bnor\b|whether|\bif we\b|do(?:es)? not hold|don't hold|not held|cannot confirm|can't confirm",
                ),
            ),
            (
                search_or_denial,
                re(
                    r"(?i)\b(?:found|located|identified|retrieved)\b[^.]{0,40}\b(?:files?|records?|documents?|e-?mails?|information|material|papers|assessments?|reports?|minutes|correspondence|data)\b|\b(?:we|it|the (?:department|council|authority|force|trust)) (?:do|does) not hold\b|\b(?:we|it|the (?:department|council|authority|force|trust)) (?:have|has) withheld\b|\bno (?:relevant |such )?(?:information|records?|documents?) (?:is|are|was|were) (?:held|found|located)",
                ),
            ),
            (held_otherwise, re(r"(?i)\b(?:is|are|was|were) held by\b|\b(?:does|do) hold\b")),
            (
                hypothetical,
                re(
                    r"(?i)neither|\bnor\b|whether|\bif\b|is or is not|should not be taken|would\b|\bany information\b[^.]{0,30}\bmight\b",
                ),
            ),
        ]
    });

    #[test]
    fn the_tests_find_what_their_patterns_found() {
        let sentences = [
            "We can confirm that the Department holds the information you asked for.",
            "We confirm that the Home Office does hold records.",
            "I confirm that the Cyngor Sir Ynys Môn holds it.",
            "CONFIRMS THAT IT HOLD",
            "confirm that we holdings",
            "confirm that the  holds",
            "confirm that the x holdsy",
            "We can neither confirm nor deny whether we hold the information.",
            "The information you have requested is held by us.",
            "The information you have asked for was held.",
            "Information is heldover.",
            "We do hold this.",
            "We hold thesis notes.",
            "Swe hold the",
            "We do not hold it.",
            "The council does not hold the record.",
            "The Trust do not holdings",
            "We found 3 e-mails and two files.",
            "We located, after a long search lasting many weeks in the archive, some documents.",
            "We located. Some documents.",
            "identified\u{301} records",
            "No relevant records were found.",
            "No such documents are located.",
            "Anno information is held",
            "If we held any information it might be exempt.",
            "Any information that there is might be exempt.",
            "It would\u{17f}",
            "It wouldn't.",
            "Is or is not held; NOR that.",
            "\u{212a}eep it. We \u{17f}uch",
            "No \u{17f}uch document\u{17f} were found.",
            "We can confirm that the risk assessments are held by the Special Operations Unit.",
            "The force does hold the risk assessments.",
            "A search located two risk assessments and the minutes.",
            "We have withheld the risk assessments.",
            "The force has withheld them. It was held byzantine. Undo hold.",
            "",
        ];
        let long_name = format!("confirm that the {} holds", "a".repeat(39));
        let too_long = format!("confirm that the {} holds", "a".repeat(40));
        for (test, pattern) in PAIRS.iter() {
            for s in sentences.iter().copied().chain([long_name.as_str(), too_long.as_str()]) {
                assert_eq!(test(s), pattern.is_match(s), "{s:?} / {pattern}");
            }
        }
    }

    proptest::proptest! {
        /// Any arrangement of the patterns' pieces.
        #[test]
        fn the_tests_agree_with_their_patterns(parts in proptest::collection::vec(proptest::sample::select(vec![
            "confirm", "s", " that ", "the ", "we ", "it ", "do ", "does ", "hold", "held", " ", "x", "é", ".",
            "information ", "you ", "have ", "requested ", "asked for ", "is", "was", "found", "files", "e-mail",
            "no ", "such ", "not hold", "nor", "if", "whether", "would", "any information", "might", "the council",
            "\u{17f}", "\u{212a}", "CONFIRM", "Hold", "_", "'", " held by", "are", "withheld", " have ", "has ",
            "assessments", "data", "do hold",
        ]), 0..14)) {
            let s = parts.concat();
            for (test, pattern) in PAIRS.iter() {
                proptest::prop_assert_eq!(test(&s), pattern.is_match(&s), "{:?} / {}", s, pattern);
            }
        }
    }
}
