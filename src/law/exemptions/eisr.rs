//! Environmental Information (Scotland) Regulations 2004 (SSI 2004/520):
//! the exceptions of reg 10(4) and (5), one entry per exception
//! ("10(5)(b)"), and personal data (reg 11).
//!
//! Sources: <https://www.legislation.gov.uk/ssi/2004/520/regulation/10> and
//! <https://www.legislation.gov.uk/ssi/2004/520/regulation/11>; the Scottish
//! Information Commissioner's EIRs guidance. The exceptions mirror the EIR's
//! reg 12(4)–(5) one for one, each subject to the public interest test of
//! reg 10(1)(b) and the presumption in favour of disclosure of reg 10(2).
//!
//! Not re-read: the exceptions' exact wording (titles are short
//! descriptions, not quotations), the neither-confirm-nor-deny paragraph
//! (taken as reg 10(8), for the interests of 10(5)(a)), and the limbs of
//! reg 11 as substituted by the Data Protection Act 2018, modelled on the
//! EIR's reg 13.

use super::qualified;
use crate::law::exemption::{ExemptionDef, Harm};

/// "EISR 2004 reg <exception>; <URL of the regulation>".
macro_rules! source {
    ($e:literal, $reg:literal) => {
        concat!("EISR 2004 reg ", $e, "; https://www.legislation.gov.uk/ssi/2004/520/regulation/", $reg)
    };
}

/// The catalogue, in the order of the Regulations.
pub static EXEMPTIONS: &[ExemptionDef] = &[
    ExemptionDef {
        no_public_interest_test: Some(
            "EISR reg 10(4)(a): where the information is not held there is no public interest to weigh (Scottish Information Commissioner's guidance)",
        ),
        ..qualified("10(4)(a)", "Information not held", Harm::Class, source!("10(4)(a)", "10"))
    },
    qualified("10(4)(b)", "Manifestly unreasonable request", Harm::Conduct, source!("10(4)(b)", "10")),
    qualified("10(4)(c)", "Request formulated in too general a manner", Harm::Conduct, source!("10(4)(c)", "10")),
    qualified(
        "10(4)(d)",
        "Material in the course of completion, unfinished documents or incomplete data",
        Harm::Class,
        source!("10(4)(d)", "10"),
    ),
    qualified("10(4)(e)", "Internal communications", Harm::Class, source!("10(4)(e)", "10")),
    ExemptionDef {
        ncnd: Some("10(8)"),
        ..qualified(
            "10(5)(a)",
            "International relations, defence, national security or public safety",
            Harm::SubstantialPrejudice,
            source!("10(5)(a)", "10"),
        )
    },
    qualified(
        "10(5)(b)",
        "The course of justice, fair trial and inquiries",
        Harm::SubstantialPrejudice,
        source!("10(5)(b)", "10"),
    ),
    qualified("10(5)(c)", "Intellectual property rights", Harm::SubstantialPrejudice, source!("10(5)(c)", "10")),
    qualified("10(5)(d)", "Confidentiality of proceedings", Harm::SubstantialPrejudice, source!("10(5)(d)", "10")),
    qualified(
        "10(5)(e)",
        "Confidentiality of commercial or industrial information",
        Harm::SubstantialPrejudice,
        source!("10(5)(e)", "10"),
    ),
    qualified(
        "10(5)(f)",
        "Interests of the person who provided the information",
        Harm::SubstantialPrejudice,
        source!("10(5)(f)", "10"),
    ),
    qualified("10(5)(g)", "Protection of the environment", Harm::SubstantialPrejudice, source!("10(5)(g)", "10")),
    // Personal data, outside reg 10's test: 11(1) the applicant's own, and
    // third parties' under 11(2) with the first condition (no public
    // interest test) or the second or third (their own test).
    ExemptionDef {
        absolute_subsections: &["(1)", "(2)", "(3A)"],
        subsections: &["(1)", "(2)", "(3A)", "(3B)", "(4A)", "(6)", "(7)"],
        undecided: &[""],
        limb_hint: Some(
            "cite the limb relied on: regulation 11(1) (the requester's own data), or 11(2) with the first condition 11(3A) (no public interest test) or the second 11(3B) or third 11(4A) (their own public interest test)",
        ),
        public_interest_provision: Some("EISR reg 13(b) and reg 11"),
        ..qualified("11", "Personal data", Harm::Class, source!("11", "11"))
    },
];

#[cfg(test)]
mod tests {
    use crate::law::RegimeId;

    #[test]
    fn the_scottish_exceptions_are_regulation_10_and_personal_data_is_11() {
        let eisr = RegimeId::Eisr.regime();
        assert_eq!(eisr.exemptions.len(), 5 + 7 + 1);
        assert!(eisr.cite("regulation 10(5)(e)").unwrap().qualified());
        assert!(!eisr.cite("10(4)(a)").unwrap().qualified());
        assert!(!eisr.cite("11(2)").unwrap().qualified());
        assert!(eisr.cite("11").unwrap().limb_needed().is_some());
        // The EIR's numbering is not the Scottish one.
        assert!(eisr.cite("12(5)(e)").is_err());
        assert!(RegimeId::Eir.regime().cite("10(5)(e)").is_err());
    }
}
