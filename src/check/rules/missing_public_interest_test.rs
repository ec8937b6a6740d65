//! FOI203 missing-public-interest-test

use std::sync::LazyLock;

use regex::Regex;

use super::{exemption_set_out, holding_notice, re, resolve};
use crate::check::diagnostic::Severity;
use crate::check::letter::{Letter, LetterKind};
use crate::check::rule::{Finding, Rule};

/// The rule.
pub static RULE: Rule = Rule {
    code: "FOI203",
    name: "missing-public-interest-test",
    severity: Severity::Error,
    summary: "a qualified exemption is relied on without public interest reasons",
    doc: DOC,
    help: "set out the public interest factors for and against disclosure and why the balance favours withholding",
    // The whole-request refusals too: under the EIR they rest on reg 12(4)(b),
    // an exception like any other (FOIA s12 and s14 are not exemptions).
    kinds: &[
        LetterKind::Refusal,
        LetterKind::PartialRelease,
        LetterKind::Ncnd,
        LetterKind::CostLimit,
        LetterKind::Vexatious,
    ],
    check,
};

const DOC: &str = "\
## What it checks
That a letter relying on a qualified exemption (or any EIR exception) gives the reasons for
concluding that the public interest in maintaining it outweighs the public interest in disclosure:
the words \"public interest\" with a conclusion (outweighs, favours, lies in, is stronger); saying
only that the interests were balanced or weighed gives no reasons. A holding notice
under FOIA s17(2), which says the decision is not yet made, is exempt from this rule (see
`missing-pit-estimate`).

## Why it matters
FOIA s17(3) requires the public interest reasons (EIR reg 14(3)(b) with reg 12(1)(b); FOISA
s16(2)). Without them the requester cannot tell whether the test was applied at all. Which
provisions are qualified comes from the exemption catalogues: FOIA s40(2) with the first
condition (s40(3A)) is absolute (s2(3)(fa)), EIR reg 13(1)(a) has no public interest test and
reg 13(1)(b) has its own, and EIR reg 12(4)(a) (not held) has nothing to weigh. A bare \"section
40\" or \"regulation 13\" is asked to name its limb, since only some limbs need the test.

## Example
\"The information is exempt under section 43(2) because disclosure would harm the supplier.\"

## Fix
Add the factors for and against disclosure and the conclusion, e.g. \"We recognise the public
interest in transparency about spending; however, it is outweighed by the public interest in fair
competition for the contract.\"";

fn check(letter: &Letter) -> Vec<Finding> {
    static WEIGHED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)public interest[^.]{0,200}(?:outweigh|favou?r|stronger|greater|overwhelming|overriding|prevails|lies (?:in|with)|rests with)|(?:outweigh|favou?r)[^.]{0,200}public interest|\bthe balance (?:therefore |clearly |in this case |of (?:the )?public interest )?(?:favou?rs|lies|is in favour|falls)",
        )
    });
    if holding_notice(letter) {
        return Vec::new();
    }
    // foikit's own letters weigh each qualified exemption in its own
    // section; letters written elsewhere are read for a weighing anywhere.
    // A bare limb is asked for even when the letter weighs the public
    // interest: citing the limb is the fix either way.
    let weighed = !letter.from_case && WEIGHED.is_match(&letter.text());
    let regime = letter.regime.regime();
    let authority = letter.recognised.as_ref().and_then(|r| r.authority.as_deref());
    let resolved: Vec<_> = letter.cited.iter().filter_map(|c| resolve(letter, c).map(|r| (c, r))).collect();
    resolved
        .iter()
        .filter(|(_, r)| r.qualified() && !authority.is_some_and(|a| r.absolute_for(a)))
        .filter(|(c, _)| !letter.from_case || !exemption_set_out(letter, c))
        .filter_map(|(c, r)| {
            let message = match r.limb_needed() {
                // A bare "40" (or EIR "13") is decided by another citation of
                // the same provision that names its limb.
                Some(_) if resolved.iter().any(|(_, o)| o.def.section == r.def.section && o.limb_needed().is_none()) => {
                    return None;
                }
                Some(hint) => format!(
                    "{} {} does not say which limb is relied on, and only some limbs need a public interest test: {hint}",
                    c.word, c.provision
                ),
                None if weighed => return None,
                None => format!(
                    "{} {} is a qualified {} but the letter gives no public interest reasons ({})",
                    c.word,
                    c.provision,
                    letter.regime.kinds().exemption_word,
                    r.public_interest_provision(regime.notice.public_interest)
                ),
            };
            Some(Finding::at(c.paragraph, message).on(c.field.as_deref()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::letter::Letter;

    fn findings(regime: &str, body: &str) -> Vec<String> {
        let text = format!(
            "Dear Ms Requester,\n\nYour request has been handled under the {regime}. {body}\n\nYours sincerely,\n\nTeam\n"
        );
        let letter = Letter::from_text("t.txt", &text);
        (super::RULE.check)(&letter).into_iter().map(|f| f.message).collect()
    }

    /// Issue 10, finding 1: a correct s40(2) first-condition letter needs no
    /// public interest test; the second condition does; a bare "40" is told
    /// to cite its limb.
    #[test]
    fn section_40_by_condition() {
        let act = "Freedom of Information Act 2000";
        assert!(findings(act, "The names are exempt under section 40(2) and section 40(3A)(a).").is_empty());
        let second = findings(act, "The names are exempt under section 40(2) by virtue of section 40(3B).");
        assert!(second.iter().any(|m| m.contains("40(3B) is a qualified exemption")), "{second:?}");
        let bare = findings(act, "The names are exempt under section 40.");
        assert!(bare.iter().any(|m| m.contains("cite the limb") && m.contains("40(3A)")), "{bare:?}");
    }

    /// Issue 10, finding 4: EIR reg 13(1)(a) has no public interest test;
    /// reg 13(1)(b)'s is its own, not reg 12(1)(b); not held needs none.
    #[test]
    fn eir_personal_data_and_not_held() {
        let eir = "Environmental Information Regulations 2004";
        assert!(findings(eir, "The names are withheld under regulation 13(1)(a).").is_empty());
        assert!(findings(eir, "We do not hold the report, so regulation 12(4)(a) applies.").is_empty());
        let b = findings(eir, "The names are withheld under regulation 13(1)(b) and regulation 13(2B).");
        assert!(b.iter().all(|m| m.contains("reg 13(1)(b)") && !m.contains("12(1)(b)")), "{b:?}");
        let bare = findings(eir, "The names are withheld under regulation 13.");
        assert!(bare.iter().any(|m| m.contains("cite the limb")), "{bare:?}");
    }
}
