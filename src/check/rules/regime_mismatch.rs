//! FOI104 regime-mismatch

use std::sync::LazyLock;

use regex::Regex;

use super::re;
use crate::check::diagnostic::Severity;
use crate::check::letter::{Cited, Letter, LetterKind};
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
    static SECTION_50: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)section 50\b|\bICO\b"));
    // The ICO regulates data protection in Scotland too: a privacy notice
    // naming it is not a Commissioner paragraph.
    static DATA_PROTECTION: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?i)privacy|personal (?:data|information)|data protection|\bGDPR\b|Data Protection Act"));
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
                if (uk || SECTION_50.is_match(t)) && !DATA_PROTECTION.is_match(t) {
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
