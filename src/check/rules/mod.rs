//! The rule registry: the one list of rules, and what several rules share.

mod annex_mismatch;
mod cost_limit_figures;
mod late_response;
mod missing_exemption_reason;
mod missing_grounds;
mod missing_ico_right;
mod missing_internal_review;
mod missing_pit_estimate;
mod missing_public_interest_test;
mod missing_qualified_person;
mod missing_s16_advice;
mod ncnd_reveals_holding;
mod redaction_without_exemption;
mod regime_mismatch;
mod request_formalities;
mod review_out_of_time;
mod review_window;
mod unfilled_placeholder;
mod unfinished_material;
mod unknown_exemption;

use std::sync::LazyLock;

use regex::Regex;

use super::letter::{Cited, Letter, LetterKind};
use super::rule::{Finding, Rule};
use crate::doc::Section;
use crate::law::Citation;
use crate::law::notices::Duty;
use crate::read::pattern::re;

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &missing_internal_review::RULE,
    &missing_ico_right::RULE,
    &review_window::RULE,
    &regime_mismatch::RULE,
    &missing_exemption_reason::RULE,
    &unknown_exemption::RULE,
    &redaction_without_exemption::RULE,
    &missing_public_interest_test::RULE,
    &missing_pit_estimate::RULE,
    &missing_s16_advice::RULE,
    &ncnd_reveals_holding::RULE,
    &cost_limit_figures::RULE,
    &unfinished_material::RULE,
    &missing_qualified_person::RULE,
    &late_response::RULE,
    &annex_mismatch::RULE,
    &unfilled_placeholder::RULE,
    &missing_grounds::RULE,
    &review_out_of_time::RULE,
    &request_formalities::RULE,
];

/// Finds a rule by code ("FOI101", any case) or name ("missing-internal-review").
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// A citation resolved in the letter's regime, if it exists there.
fn resolve<'a>(letter: &Letter, cited: &'a Cited) -> Option<Citation<'a>> {
    letter.regime.regime().cite(&cited.provision).ok()
}

/// The paragraphs of the letter proper that make up `section` — for
/// foikit's own letters, which name their regions; `None` for letters
/// written elsewhere, whose regions are recognised from wording instead.
fn own_section(letter: &Letter, section: Section) -> Option<Vec<usize>> {
    letter.from_case.then(|| letter.body().filter(|(_, p)| p.section == Some(section)).map(|(i, _)| i).collect())
}

/// Whether foikit's own letter has `section` anywhere, annexes included.
fn has_section(letter: &Letter, section: Section) -> bool {
    letter.paragraphs.iter().any(|p| p.section == Some(section))
}

/// The review paragraphs: the named section of foikit's own letters, the
/// recognised ones of any other.
fn review_paragraphs(letter: &Letter) -> Vec<usize> {
    own_section(letter, Section::InternalReview)
        .unwrap_or_else(|| crate::read::recognise::review_paragraphs(letter.body()))
}

/// The review particulars as one block of text, and the paragraph it
/// starts at: the first review paragraph whose block says where to write or
/// how long there is (else the first), with the paragraphs after it, up to
/// six and not past one that speaks of the Commissioner. Authorities set
/// the particulars out over several paragraphs: an "Internal review"
/// heading, what a review is, then "within two months … to the following
/// address:" and the address a line a paragraph.
fn review_block(letter: &Letter) -> Option<(usize, String)> {
    const MORE: usize = 6;
    static REGULATOR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)commissioner|\bICO\b|\bSIC\b"));
    let own = own_section(letter, Section::InternalReview).is_some();
    let block = |first: usize| -> String {
        let mut text = letter.paragraphs[first].text.clone();
        for p in letter.paragraphs.iter().skip(first + 1).take(MORE) {
            if (own && p.section != Some(Section::InternalReview)) || (!own && REGULATOR.is_match(&p.text)) {
                break;
            }
            text.push(' ');
            text.push_str(&p.text);
        }
        text
    };
    let told = |text: &str| crate::read::recognise::has_contact(text) || review_window::window(text).is_some();
    let mut first = None;
    for i in review_paragraphs(letter) {
        let text = block(i);
        if told(&text) {
            return Some((i, text));
        }
        first.get_or_insert((i, text));
    }
    first
}

/// Whether the cited exemption's own section (heading and at least one
/// paragraph of reasons or public interest factors) is in foikit's letter.
fn exemption_set_out(letter: &Letter, cited: &Cited) -> bool {
    let Some(rest) = letter.paragraphs.get(cited.paragraph..) else { return false };
    rest.iter().take_while(|p| p.section == Some(Section::Exemption)).count() >= 2
}

/// The letter says the public interest decision is not yet made (FOIA s17(2)).
fn holding_notice(letter: &Letter) -> bool {
    if letter.from_case {
        return letter.kind == crate::kind::LetterKind::HoldingNotice;
    }
    static HOLDING: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)section 17\(2\)|s\.?\s?17\(2\)|not yet (?:reached|made|taken) a decision|(?:need|require)s? (?:further|more|additional|extra) time to (?:consider|assess|decide|weigh)|extend(?:ing|ed)? the time(?:scale)? for (?:considering|our decision)|(?:has|have) not yet been able to (?:reach|complete) (?:a|our|the) (?:decision|public interest)",
        )
    });
    HOLDING.is_match(&letter.text())
}

/// The letter refuses because of the cost limit (FOIA s12, FOISA s12).
fn cost_refusal(letter: &Letter) -> bool {
    static COST: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)appropriate limit|cost (?:limit|of compliance)|exceed(?:s|ed)? the (?:cost|appropriate|£\s?\d+)|fees regulations",
        )
    });
    // foikit's own letters know their kind; a letter read (or judged with
    // `--kind`) as a cost-limit refusal is one whatever its wording.
    if letter.kind == crate::kind::LetterKind::CostLimit {
        return true;
    }
    if letter.from_case {
        return false;
    }
    letter.cited.iter().any(|c| c.provision.starts_with("12") && c.word == "section") || COST.is_match(&letter.text())
}

/// The letter neither confirms nor denies that information is held.
fn ncnd(letter: &Letter) -> bool {
    static NCND: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)neither confirm nor deny|neither confirms nor denies|not (?:to )?confirm or deny|NCND")
    });
    if letter.from_case {
        return has_section(letter, Section::Ncnd);
    }
    NCND.is_match(&letter.text())
}

/// A finding about particulars the letter lacks, at the strength the law
/// asks for them in this kind of letter: an error where a statute requires
/// them, a warning where only a Code recommends them, nothing where nothing
/// does; and a warning saying the letter appears incomplete when it is cut
/// short before the place such particulars stand.
fn lacking(letter: &Letter, duty: Duty, finding: Finding) -> Option<Finding> {
    if no_further_notice(letter) {
        return None;
    }
    let incomplete = letter.recognised.as_ref().and_then(|r| r.incomplete.as_deref());
    match (duty, incomplete) {
        (Duty::None, _) => None,
        (_, Some(why)) => Some(
            Finding {
                message: format!(
                    "the letter appears incomplete ({why}), so this may be in the missing part: {}",
                    finding.message
                ),
                ..finding
            }
            .warning(),
        ),
        (Duty::Statute(_), None) => Some(finding),
        (Duty::Code(code), None) => Some(
            Finding {
                message: format!(
                    "{}; in a {} the statute does not require it, but {code} recommends it",
                    finding.message, letter.kind
                ),
                ..finding
            }
            .warning(),
        ),
    }
}

/// Whether a FOIA letter relies on s17(6): an authority that has already
/// told the requester it holds a request vexatious need give no further
/// notice, so none of a notice's particulars (s17(7)) are owed.
fn no_further_notice(letter: &Letter) -> bool {
    static SECTION_17_6: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:section|s\.?)\s?17\s?\(6\)"));
    // The letter says it gives no notice, not merely that s17(6) may
    // apply to requests still to come.
    static NO_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\bnot (?:required|obliged|necessary|going) to (?:give|issue|serve|send|provide) (?:you )?(?:with )?(?:a |any )?further (?:refusal )?notice|\b(?:is|are) not (?:a|an) (?:further )?(?:refusal )?notice",
        )
    });
    letter.regime == crate::law::RegimeId::Foia
        && matches!(letter.kind, LetterKind::Vexatious | LetterKind::Repeated)
        && letter.paragraphs.iter().any(|p| SECTION_17_6.is_match(&p.text))
        && letter.paragraphs.iter().any(|p| NO_NOTICE.is_match(&p.text))
}

/// A short quote of a paragraph for messages.
fn excerpt(text: &str) -> String {
    let t: String = text.chars().take(90).collect();
    if t.len() < text.len() { format!("{t}…") } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_well_formed() {
        let mut codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let n = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), n, "codes are unique");
        for r in RULES {
            assert!(
                r.code.starts_with("FOI") && r.code.len() == 6 && r.code[3..].chars().all(|c| c.is_ascii_digit()),
                "{}",
                r.code
            );
            assert!(r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()), "{}", r.name);
            for heading in ["## What it checks", "## Why it matters", "## Example", "## Fix"] {
                assert!(r.doc.contains(heading), "{} lacks {heading}", r.name);
            }
            assert_eq!(find(r.name).map(|f| f.code), Some(r.code));
            assert_eq!(find(&r.code.to_lowercase()).map(|f| f.name), Some(r.name));
        }
    }
}
