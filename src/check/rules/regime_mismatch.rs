//! FOI104 regime-mismatch

use crate::check::diagnostic::Severity;
use crate::check::letter::{Cited, Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::law::RegimeId;
use crate::read::wording::{any, any_word, boundary, starts};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI104",
    name: "regime-mismatch",
    severity: Severity::Error,
    summary: "the reply mixes regimes (e.g. an EIR reply citing FOIA exemptions) or lacks its regime's particulars",
    doc: DOC,
    help: "cite the exceptions, review and appeal provisions of the regime the request falls under",
    kinds: LetterKind::REPLIES,
    check,
};

const DOC: &str = "\
## What it checks
That a reply uses the provisions of its own regime: an EIR reply cites exceptions in regulations 12
and 13 (not FOIA sections); a FOIA reply does not cite EIR regulations as exemptions; a FOISA reply
names the Scottish Information Commissioner, not the UK one, and not FOIA section 50, where it
speaks of complaints. Citing FOIA s39 to route environmental information to the EIR is correct
practice, and a privacy notice naming the ICO (the data-protection regulator in Scotland too) is not
a regime mismatch. (Whether an EIR refusal gives the reg 11 and reg 18 particulars is checked by
`missing-internal-review` and `missing-ico-right`, as reg 14(5) requires.)

## Why it matters
Environmental information must be handled under the EIR (FOIA s39), where there are no absolute
exceptions and the presumption is in favour of disclosure (reg 12(2)); the reply must tell the
requester of reg 11 and reg 18 (reg 14(5)). A Scottish requester sent to the UK Commissioner loses
time under the six-month limit of FOISA s47(4).

## Example
\"This is environmental information under the EIR. It is exempt under section 43(2).\"

## Fix
\"It is excepted from disclosure under regulation 12(5)(e) of the EIR.\"";

/// FOIA s39: environmental information is exempt under FOIA so that it is
/// dealt with under the EIR; citing it is how a reply says so.
const ROUTING: &str = "39";

fn check(letter: &Letter) -> Vec<Finding> {
    let text = letter.text();
    let routed = |c: &Cited| c.word == "section" && number(&c.provision) == ROUTING;
    let mut out = Vec::new();
    match letter.regime {
        RegimeId::Eir => {
            for c in letter.cited.iter().filter(|c| c.word == "section" && !routed(c)) {
                if RegimeId::Foia.regime().cite(&c.provision).is_ok() {
                    out.push(Finding::at(
                        c.paragraph,
                        format!(
                            "an EIR reply cites FOIA section {}: EIR exceptions are in regulations 12 and 13",
                            c.provision
                        ),
                    ));
                }
            }
        }
        RegimeId::Foia => {
            if !letter.cited.iter().any(routed) {
                for c in letter.cited.iter().filter(|c| c.word == "regulation") {
                    if RegimeId::Eir.regime().cite(&c.provision).is_ok() {
                        out.push(Finding::at(c.paragraph, format!("a FOIA reply cites EIR regulation {}: handle environmental information under the EIR throughout (FOIA s39)", c.provision)));
                    }
                }
            }
            if letter.from_case && text.contains("Scottish Information Commissioner") {
                out.push(Finding::letter("a FOIA reply names the Scottish Information Commissioner; FOIA complaints go to the Information Commissioner (s50)"));
            }
        }
        // The Scottish EIR (issue 10) have no mismatch checks of their own yet.
        RegimeId::Eisr => {}
        RegimeId::Foisa => {
            for (i, p) in letter.body() {
                let t = &p.text;
                let uk = t.match_indices("Information Commissioner").any(|(at, _)| !t[..at].ends_with("Scottish "));
                if (uk || names_section_50(t)) && !data_protection(t) {
                    out.push(Finding::at(i, "a FOISA reply refers to FOIA section 50 or the UK Information Commissioner; Scottish requesters apply to the Scottish Information Commissioner (FOISA s47)"));
                    break;
                }
            }
        }
    }
    out
}

fn number(provision: &str) -> &str {
    let end = provision.find(|c: char| !c.is_ascii_digit()).unwrap_or(provision.len());
    &provision[..end]
}

// The two tests below find what the pattern in their doc comment found, case
// ignored, as `crate::read::pattern::re` compiled it (the tests hold them to
// it): written out, as compiling each took some 1.7 million instructions.

/// Names FOIA's section 50 or the ICO: `section 50\b|\bICO\b`.
fn names_section_50(t: &str) -> bool {
    starts(t, "section 50").any(|(_, end)| boundary(t, end)) || any_word(t, &["ico"])
}

/// Speaks of data protection, which the ICO regulates in Scotland too (a
/// privacy notice naming it is not a Commissioner paragraph):
/// `privacy|personal (?:data|information)|data protection|\bGDPR\b|Data
/// Protection Act`.
fn data_protection(t: &str) -> bool {
    any(t, &["privacy", "personal data", "personal information", "data protection"]) || any_word(t, &["gdpr"])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::pattern::re;

    #[test]
    fn the_tests_find_what_their_patterns_found() {
        let section_50 = re(r"(?i)section 50\b|\bICO\b");
        let data = re(r"(?i)privacy|personal (?:data|information)|data protection|\bGDPR\b|Data Protection Act");
        for t in [
            "You may apply to the Information Commissioner under section 50 of the Act.",
            "SECTION 50(1)",
            "section 500",
            "section 50é",
            "the ICO.",
            "ICOs",
            "xICO",
            "éICO é",
            "ico",
            "our privacy notice",
            "Personal Data",
            "personal information",
            "the Data Protection Act 2018",
            "UK GDPR",
            "GDPRs",
            "data-protection",
            "Personal  data",
            "privacy\u{17f}",
            "",
        ] {
            assert_eq!(names_section_50(t), section_50.is_match(t), "{t:?}");
            assert_eq!(data_protection(t), data.is_match(t), "{t:?}");
        }
    }

    proptest::proptest! {
        /// Any arrangement of the patterns' pieces.
        #[test]
        fn the_tests_agree_with_their_patterns(parts in proptest::collection::vec(proptest::sample::select(vec![
            "section 50", "Section", " 50", "0", "ICO", "ico", "privacy", "personal ", "data", "information",
            "data protection", "GDPR", " ", "é", "_", "x", "\u{17f}", "\u{212a}", ".",
        ]), 0..10)) {
            let s = parts.concat();
            let section_50 = re(r"(?i)section 50\b|\bICO\b");
            let data = re(r"(?i)privacy|personal (?:data|information)|data protection|\bGDPR\b|Data Protection Act");
            proptest::prop_assert_eq!(names_section_50(&s), section_50.is_match(&s), "{:?}", s);
            proptest::prop_assert_eq!(data_protection(&s), data.is_match(&s), "{:?}", s);
        }
    }
}
