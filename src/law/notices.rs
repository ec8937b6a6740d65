//! Which letters must tell the requester how to challenge them. The duty to
//! give review and Commissioner particulars attaches to particular notices,
//! not to every letter: FOIA s17(7) to notices under s17(1), (3) and (5)
//! (refusals, including a s17(2) holding notice and cost and vexatious
//! refusals); EIR reg 14(5) to refusals under reg 14 (including "not held",
//! reg 12(4)(a)); FOISA s19 to notices under ss9, 16 (with s18) and 17 (not
//! held); FOISA s21(10) to review outcomes. Elsewhere the Codes of Practice
//! only recommend it, so a validator should warn rather than err.

use super::RegimeId;
use crate::kind::LetterKind;

/// How strongly the law asks a letter for some particulars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duty {
    /// The statute requires them; the provision.
    Statute(&'static str),
    /// A Code of Practice recommends them; the Code.
    Code(&'static str),
    /// Nothing asks for them in this letter.
    None,
}

/// The particulars a letter of some kind owes the requester.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Particulars {
    /// How to ask for a review (internal review, reconsideration, review).
    pub review: Duty,
    /// The right to go to the Commissioner.
    pub regulator: Duty,
}

/// The s45 Code (Cabinet Office, July 2018), Part 5: internal reviews;
/// it expects every response to explain how to complain.
const FOIA_CODE: &str = "the s45 Code of Practice (2018), Part 5";
/// The reg 16 Code of Practice on the EIR (Defra, 2005), Part XII.
const EIR_CODE: &str = "the EIR Code of Practice (2005), Part XII";
/// The Scottish Ministers' Code of Practice under FOISA s60 and EISR reg 18 (2016).
const FOISA_CODE: &str = "the FOISA section 60 Code of Practice (2016)";

/// What a letter of `kind` under `regime` owes.
pub fn particulars(regime: RegimeId, kind: LetterKind) -> Particulars {
    use LetterKind as K;
    let both = |d: Duty| Particulars { review: d, regulator: d };
    let none = both(Duty::None);
    match regime {
        RegimeId::Foia => match kind {
            K::Refusal | K::PartialRelease | K::Ncnd | K::CostLimit | K::Vexatious | K::Repeated | K::HoldingNotice => {
                both(Duty::Statute("FOIA s17(7)"))
            }
            K::Release | K::NotHeld => both(Duty::Code(FOIA_CODE)),
            K::ReviewOutcome => Particulars { review: Duty::None, regulator: Duty::Code(FOIA_CODE) },
            _ => none,
        },
        RegimeId::Eir => match kind {
            K::Refusal | K::PartialRelease | K::Ncnd | K::NotHeld | K::CostLimit | K::Vexatious | K::Repeated => {
                both(Duty::Statute("EIR reg 14(5)"))
            }
            K::Release => both(Duty::Code(EIR_CODE)),
            K::ReviewOutcome => Particulars { review: Duty::None, regulator: Duty::Code(EIR_CODE) },
            _ => none,
        },
        // EISR reg 13(e): a refusal (not held is reg 10(4)(a)) states the
        // reg 16 review and reg 17 enforcement and appeal rights. Whether
        // reg 17 carries FOISA s21(10) into the review outcome is not
        // settled here, so only the Code is relied on for it.
        RegimeId::Eisr => match kind {
            K::Refusal | K::PartialRelease | K::Ncnd | K::NotHeld | K::CostLimit | K::Vexatious | K::Repeated => {
                both(Duty::Statute("EISR reg 13(e)"))
            }
            K::Release => both(Duty::Code(FOISA_CODE)),
            K::ReviewOutcome => Particulars { review: Duty::None, regulator: Duty::Code(FOISA_CODE) },
            _ => none,
        },
        RegimeId::Foisa => match kind {
            K::Refusal | K::PartialRelease | K::Ncnd | K::NotHeld | K::CostLimit | K::Vexatious | K::Repeated => {
                both(Duty::Statute("FOISA s19"))
            }
            K::Release => both(Duty::Code(FOISA_CODE)),
            K::ReviewOutcome => Particulars { review: Duty::None, regulator: Duty::Statute("FOISA s21(10)") },
            _ => none,
        },
    }
}

/// The provision requiring a requester's review request or Commissioner
/// application to say what they are dissatisfied with, if any: FOISA
/// s20(3)(c) for a requirement for review, s47(3)(c) for an application to
/// the Scottish Information Commissioner. FOIA and the EIR ask for no grounds.
pub fn grounds_required(regime: RegimeId, kind: LetterKind) -> Option<&'static str> {
    match (regime, kind) {
        (RegimeId::Foisa, LetterKind::ReviewRequest) => Some("FOISA s20(3)(c)"),
        (RegimeId::Foisa, LetterKind::Complaint) => Some("FOISA s47(3)(c)"),
        // reg 17 applies FOISA Part 4, s47 included, to environmental information.
        (RegimeId::Eisr, LetterKind::Complaint) => Some("FOISA s47(3)(c) as applied by EISR reg 17"),
        _ => None,
    }
}

/// Provisions letters cite in the same breath as an exception that are not
/// grounds for refusal themselves: EIR reg 12(1)(b) (the public interest
/// test), 12(2) (the presumption in favour of disclosure), 12(3) (personal
/// data goes to reg 13), 12(6) (neither confirm nor deny), 12(9) (emissions)
/// (SI 2004/3391, legislation.gov.uk). An unknown-exemption check skips them.
pub fn cited_in_passing(regime: RegimeId) -> &'static [&'static str] {
    match regime {
        RegimeId::Eir => &["12(1)", "12(2)", "12(3)", "12(6)", "12(9)"],
        RegimeId::Foia | RegimeId::Foisa | RegimeId::Eisr => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statutes_attach_particulars_to_refusal_notices_only() {
        // s17(7) is about notices under s17(1), (3) and (5): a full release is not one.
        assert_eq!(particulars(RegimeId::Foia, LetterKind::Refusal).review, Duty::Statute("FOIA s17(7)"));
        assert!(matches!(particulars(RegimeId::Foia, LetterKind::Release).review, Duty::Code(_)));
        // FOIA has no "not held" notice; EIR reg 12(4)(a) and FOISA s17 do.
        assert!(matches!(particulars(RegimeId::Foia, LetterKind::NotHeld).review, Duty::Code(_)));
        assert_eq!(particulars(RegimeId::Eir, LetterKind::NotHeld).review, Duty::Statute("EIR reg 14(5)"));
        assert_eq!(particulars(RegimeId::Foisa, LetterKind::NotHeld).review, Duty::Statute("FOISA s19"));
        // A review outcome owes no review paragraph.
        for regime in RegimeId::ALL {
            assert_eq!(particulars(regime, LetterKind::ReviewOutcome).review, Duty::None);
        }
        assert_eq!(particulars(RegimeId::Foisa, LetterKind::ReviewOutcome).regulator, Duty::Statute("FOISA s21(10)"));
        for kind in
            [LetterKind::Acknowledgement, LetterKind::Clarification, LetterKind::DecisionNotice, LetterKind::NotFoi]
        {
            assert_eq!(particulars(RegimeId::Foia, kind), Particulars { review: Duty::None, regulator: Duty::None });
        }
    }

    #[test]
    fn only_foisa_asks_for_grounds() {
        assert_eq!(grounds_required(RegimeId::Foisa, LetterKind::ReviewRequest), Some("FOISA s20(3)(c)"));
        assert_eq!(grounds_required(RegimeId::Foisa, LetterKind::Complaint), Some("FOISA s47(3)(c)"));
        assert_eq!(grounds_required(RegimeId::Foia, LetterKind::Complaint), None);
        assert_eq!(grounds_required(RegimeId::Eir, LetterKind::ReviewRequest), None);
    }
}

/// The exception for material still being completed, and what a refusal
/// relying on it must add: EIR reg 14(4) and EISR reg 13(d) require the
/// name of any other authority preparing the information, and the estimated
/// time in which it will be finished, each "if known".
/// <https://www.legislation.gov.uk/uksi/2004/3391/regulation/14>,
/// <https://www.legislation.gov.uk/ssi/2004/520/regulation/13>.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnfinishedMaterial {
    /// The exception, as cited.
    pub exception: &'static str,
    /// The provision asking for the particulars.
    pub duty: &'static str,
}

/// The unfinished-material exception of `regime`, if it has one.
pub fn unfinished_material(regime: RegimeId) -> Option<UnfinishedMaterial> {
    match regime {
        RegimeId::Eir => Some(UnfinishedMaterial { exception: "12(4)(d)", duty: "EIR reg 14(4)" }),
        RegimeId::Eisr => Some(UnfinishedMaterial { exception: "10(4)(d)", duty: "EISR reg 13(d)" }),
        RegimeId::Foia | RegimeId::Foisa => None,
    }
}

/// Where a request for information must, to be valid, be in writing, give
/// the requester's name and an address for correspondence, and describe the
/// information: FOIA s8(1), FOISA s8(1). The EIR and EISR set no such
/// formalities (a request may even be oral).
/// <https://www.legislation.gov.uk/ukpga/2000/36/section/8>,
/// <https://www.legislation.gov.uk/asp/2002/13/section/8>.
pub fn request_formalities(regime: RegimeId) -> Option<&'static str> {
    match regime {
        RegimeId::Foia => Some("FOIA s8(1)"),
        RegimeId::Foisa => Some("FOISA s8(1)"),
        RegimeId::Eir | RegimeId::Eisr => None,
    }
}
