//! FOI104 regime-mismatch

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};
use crate::law::RegimeId;

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
and 13 (not FOIA sections) and gives the reconsideration (reg 11) and enforcement (reg 18)
particulars; a FOIA reply does not cite EIR regulations as exemptions; a FOISA reply names the
Scottish Information Commissioner, not the UK one, and not FOIA section 50.

## Why it matters
Environmental information must be handled under the EIR (FOIA s39), where there are no absolute
exceptions and the presumption is in favour of disclosure (reg 12(2)); the reply must tell the
requester of reg 11 and reg 18 (reg 14(5)). A Scottish requester sent to the UK Commissioner loses
time under the six-month limit of FOISA s47(4).

## Example
\"This is environmental information under the EIR. It is exempt under section 43(2).\"

## Fix
\"It is excepted from disclosure under regulation 12(5)(e) of the EIR.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    static REG11: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)regulation 11|reg\.? 11|reconsider|representations"));
    static REG18: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)regulation 18|reg\.? 18"));
    static SECTION_50: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)section 50\b|\bICO\b"));
    static SCOTTISH: LazyLock<Regex> = LazyLock::new(|| re(r"Scottish Information Commissioner"));
    let text = letter.text();
    let mut out = Vec::new();
    match letter.regime {
        RegimeId::Eir => {
            for c in letter.cited.iter().filter(|c| c.word == "section") {
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
            if !REG11.is_match(&text) {
                out.push(Finding::letter("an EIR reply must tell the requester of the right to make representations under regulation 11 (EIR reg 14(5)(a))"));
            }
            if !REG18.is_match(&text) {
                out.push(Finding::letter(
                    "an EIR reply must give the enforcement and appeal provisions of regulation 18 (EIR reg 14(5)(b))",
                ));
            }
        }
        RegimeId::Foia => {
            for c in letter.cited.iter().filter(|c| c.word == "regulation") {
                if RegimeId::Eir.regime().cite(&c.provision).is_ok() {
                    out.push(Finding::at(c.paragraph, format!("a FOIA reply cites EIR regulation {}: handle environmental information under the EIR throughout (FOIA s39)", c.provision)));
                }
            }
            if letter.from_case && SCOTTISH.is_match(&text) {
                out.push(Finding::letter("a FOIA reply names the Scottish Information Commissioner; FOIA complaints go to the Information Commissioner (s50)"));
            }
        }
        // The Scottish EIR (issue 10) have no mismatch checks of their own yet.
        RegimeId::Eisr => {}
        RegimeId::Foisa => {
            let uk = text.match_indices("Information Commissioner").any(|(i, _)| !text[..i].ends_with("Scottish "));
            if uk || SECTION_50.is_match(&text) {
                out.push(Finding::letter("a FOISA reply refers to FOIA section 50 or the UK Information Commissioner; Scottish requesters apply to the Scottish Information Commissioner (FOISA s47)"));
            }
        }
    }
    out
}
