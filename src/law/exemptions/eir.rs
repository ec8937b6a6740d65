//! Environmental Information Regulations 2004: the exceptions of reg 12(4)
//! and (5), one entry per exception ("12(5)(b)"), and personal data (reg 13).
//!
//! Sources: EIR 2004 (SI 2004/3391) as amended,
//! <https://www.legislation.gov.uk/uksi/2004/3391/regulation/12> and
//! <https://www.legislation.gov.uk/uksi/2004/3391/regulation/13>. Texts are
//! quoted from the Regulations (Crown copyright, Open Government Licence v3.0).
//!
//! Verified against the text of reg 12 as made (legislation.gov.uk):
//! - every exception in 12(4) and 12(5) is subject to the public interest
//!   test (12(1)(b)) and to a presumption in favour of disclosure (12(2)):
//!   there are no absolute exceptions, so every reg 12 entry is qualified;
//! - 12(3): personal data of which the applicant is not the data subject is
//!   disclosed only in accordance with reg 13, outside the reg 12 test;
//! - the wording of 12(4)(a)–(e) and 12(5)(a)–(d); 12(5)(e)–(g) are cut off
//!   in that copy and quoted from corroborating copies (see each entry);
//! - 12(6): neither confirm nor deny only for the interests in 12(5)(a)
//!   (ICO line to take LTT33, quoting the regulation).
//!
//! Not re-read: the text of reg 13 as substituted by the Data Protection
//! Act 2018 (see the comment on its entry); 12(9) (emissions) is taken from
//! ICO guidance.
//!
//! The harm test of 12(5) is "would adversely affect"; 12(4)(b) and (c) turn
//! on the request itself; 12(4)(a), (d) and (e) are classes.

use super::qualified;
use crate::law::exemption::{ExemptionDef, Harm};

/// "EIR 2004 reg <exception>; <URL of the regulation>".
macro_rules! source {
    ($e:literal, $reg:literal) => {
        concat!("EIR 2004 reg ", $e, "; https://www.legislation.gov.uk/uksi/2004/3391/regulation/", $reg)
    };
}

/// The lead-in of reg 12(4) followed by one of its sub-paragraphs.
macro_rules! r12_4 {
    ($p:literal) => {
        concat!("For the purposes of paragraph (1)(a), a public authority may refuse to disclose information to the extent that— ", $p)
    };
}

/// The lead-in of reg 12(5) followed by one of its sub-paragraphs.
macro_rules! r12_5 {
    ($p:literal) => {
        concat!(
            "For the purposes of paragraph (1)(a), a public authority may refuse to disclose information to the extent that its disclosure would adversely affect— ",
            $p
        )
    };
}

/// An exception of reg 12: qualified, quoted whole (the exception is the
/// entry's `section`, so its text is keyed by the empty subsection).
const fn exception(
    section: &'static str,
    title: &'static str,
    harm: Harm,
    source: &'static str,
    text: &'static [(&'static str, &'static str)],
) -> ExemptionDef {
    ExemptionDef { provisions: text, ..qualified(section, title, harm, source) }
}

/// The catalogue, in the order of the Regulations.
pub static EXEMPTIONS: &[ExemptionDef] = &[
    // Subject to reg 12(1)(b) on its face, but where nothing is held there is
    // nothing to weigh: the ICO's guidance on reg 12(4)(a) applies no public
    // interest test, and neither does the validator.
    ExemptionDef {
        no_public_interest_test: Some(
            "EIR reg 12(4)(a): where the information is not held there is no public interest to weigh (ICO guidance, information not held, regulation 12(4)(a))",
        ),
        ..exception(
            "12(4)(a)",
            "Information not held",
            Harm::Class,
            source!("12(4)(a)", "12"),
            &[("", r12_4!("(a) it does not hold that information when an applicant’s request is received"))],
        )
    },
    // Also the EIR's answer to requests too costly to answer: there is no
    // cost limit in the EIR.
    exception(
        "12(4)(b)",
        "Manifestly unreasonable request",
        Harm::Conduct,
        source!("12(4)(b)", "12"),
        &[("", r12_4!("(b) the request for information is manifestly unreasonable"))],
    ),
    // Only after the authority has given advice and assistance (reg 9).
    exception(
        "12(4)(c)",
        "Request formulated in too general a manner",
        Harm::Conduct,
        source!("12(4)(c)", "12"),
        &[(
            "",
            r12_4!(
                "(c) the request for information is formulated in too general a manner and the public authority has complied with regulation 9"
            ),
        )],
    ),
    // The refusal must name any authority preparing the information and the
    // estimated time for completion (reg 14(4)).
    exception(
        "12(4)(d)",
        "Material in the course of completion, unfinished documents or incomplete data",
        Harm::Class,
        source!("12(4)(d)", "12"),
        &[(
            "",
            r12_4!(
                "(d) the request relates to material which is still in the course of completion, to unfinished documents or to incomplete data"
            ),
        )],
    ),
    exception(
        "12(4)(e)",
        "Internal communications",
        Harm::Class,
        source!("12(4)(e)", "12"),
        &[("", r12_4!("(e) the request involves the disclosure of internal communications"))],
    ),
    // The only exception with a neither-confirm-nor-deny provision (12(6)),
    // itself subject to the public interest test.
    ExemptionDef {
        ncnd: Some("12(6)"),
        ..exception(
            "12(5)(a)",
            "International relations, defence, national security or public safety",
            Harm::AdverselyAffect,
            source!("12(5)(a)", "12"),
            &[("", r12_5!("(a) international relations, defence, national security or public safety"))],
        )
    },
    exception(
        "12(5)(b)",
        "The course of justice, fair trial and inquiries",
        Harm::AdverselyAffect,
        source!("12(5)(b)", "12"),
        &[(
            "",
            r12_5!(
                "(b) the course of justice, the ability of a person to receive a fair trial or the ability of a public authority to conduct an inquiry of a criminal or disciplinary nature"
            ),
        )],
    ),
    exception(
        "12(5)(c)",
        "Intellectual property rights",
        Harm::AdverselyAffect,
        source!("12(5)(c)", "12"),
        &[("", r12_5!("(c) intellectual property rights"))],
    ),
    // 12(5)(d)–(g) cannot be relied on to refuse information on emissions
    // (12(9)).
    exception(
        "12(5)(d)",
        "Confidentiality of proceedings",
        Harm::AdverselyAffect,
        source!("12(5)(d)", "12"),
        &[(
            "",
            r12_5!(
                "(d) the confidentiality of the proceedings of that or any other public authority where such confidentiality is provided by law"
            ),
        )],
    ),
    // Quoted text: the made version's copy is cut off after
    // "confidentiali"; completed as corroborated by council copies.
    exception(
        "12(5)(e)",
        "Confidentiality of commercial or industrial information",
        Harm::AdverselyAffect,
        source!("12(5)(e)", "12"),
        &[(
            "",
            r12_5!(
                "(e) the confidentiality of commercial or industrial information where such confidentiality is provided by law to protect a legitimate economic interest"
            ),
        )],
    ),
    exception(
        "12(5)(f)",
        "Interests of the person who provided the information",
        Harm::AdverselyAffect,
        source!("12(5)(f)", "12"),
        &[(
            "",
            r12_5!(
                "(f) the interests of the person who provided the information where that person— (i) was not under, and could not have been put under, any legal obligation to supply it to that or any other public authority; (ii) did not supply it in circumstances such that that or any other public authority is entitled apart from these Regulations to disclose it; and (iii) has not consented to its disclosure"
            ),
        )],
    ),
    exception(
        "12(5)(g)",
        "Protection of the environment",
        Harm::AdverselyAffect,
        source!("12(5)(g)", "12"),
        &[("", r12_5!("(g) the protection of the environment to which the information relates"))],
    ),
    // Personal data of which the applicant is not the data subject, reached
    // through reg 12(3) ("shall not be disclosed otherwise than in accordance
    // with regulation 13"). Since the Data Protection Act 2018 (sch 19
    // para 307), reg 13(1) forbids disclosure if (a) the first condition
    // (2A: disclosure would contravene the data protection principles) is
    // satisfied, or (b) the second (2B: right to object) or third (3A: exempt
    // from subject access) condition is satisfied and the public interest in
    // not disclosing outweighs that in disclosing. So 13(1)(a)/(2A) has no
    // public interest test, and 13(1)(b) has its own, in reg 13(1)(b), not
    // reg 12(1)(b); reg 12(2)'s presumption does not apply to reg 13 (reg 12(3)
    // takes personal data out of reg 12). NCND: 13(5A), with (5B)(a)(i) as
    // the first condition (no public interest test) and the others qualified.
    // "13" or "13(1)" alone does not say which limb: the letter must cite it.
    ExemptionDef {
        absolute_subsections: &["(1)(a)", "(2A)", "(5B)(a)(i)"],
        ncnd: Some("13(5A)"),
        subsections: &[
            "(1)(a)",
            "(1)(b)",
            "(2A)(a)",
            "(2A)(b)",
            "(2B)",
            "(3A)",
            "(5A)",
            "(5B)(a)(i)",
            "(5B)(a)(ii)",
            "(5B)(b)",
            "(5B)(c)",
            "(5B)(d)",
        ],
        undecided: &["", "(1)"],
        limb_hint: Some(
            "cite the limb relied on: regulation 13(1)(a) with the first condition 13(2A) (no public interest test), or 13(1)(b) with the second 13(2B) or third 13(3A) condition (its own public interest test)",
        ),
        public_interest_provision: Some("EIR reg 14(3)(b) and reg 13(1)(b)"),
        ..qualified(
            "13",
            "Personal data",
            Harm::Class,
            concat!(
                "EIR 2004 reg 13 and reg 12(3); https://www.legislation.gov.uk/uksi/2004/3391/regulation/13; ",
                "ICO guidance on section 40 and regulation 13"
            ),
        )
    },
];

#[cfg(test)]
mod tests {
    use super::EXEMPTIONS;
    use crate::law::{Harm, Kind, RegimeId};

    #[test]
    fn every_exception_is_an_exception() {
        assert!(EXEMPTIONS.iter().all(|d| d.kind == Kind::Exemption));
        assert_eq!(EXEMPTIONS.len(), 5 + 7 + 1);
    }

    #[test]
    fn every_regulation_12_exception_is_qualified() {
        let eir = RegimeId::Eir.regime();
        // Issue 10, finding 4: not held has nothing to weigh.
        assert!(!eir.cite("12(4)(a)").unwrap().qualified());
        for d in EXEMPTIONS.iter().filter(|d| d.section.starts_with("12") && d.section != "12(4)(a)") {
            assert!(!d.absolute && d.absolute_subsections.is_empty(), "{}", d.section);
            let c = eir.cite(d.section).unwrap();
            assert_eq!(c.def.section, d.section);
            assert!(c.qualified(), "{}", d.section);
            assert!(c.provision().unwrap().1.contains(&d.section[5..]), "{}", d.section);
        }
        let c = eir.cite("regulation 12(5)(b)").unwrap();
        assert!(c.qualified());
        assert_eq!(c.def.harm, Harm::AdverselyAffect);
        assert_eq!(eir.cite("reg 12(4)(b)").unwrap().def.harm, Harm::Conduct);
        assert_eq!(eir.cite("12(5)(a)").unwrap().def.ncnd, Some("12(6)"));
        assert!(EXEMPTIONS.iter().filter(|d| d.section != "12(5)(a)" && d.section != "13").all(|d| d.ncnd.is_none()));
    }

    #[test]
    fn personal_data_first_condition_is_absolute() {
        let eir = RegimeId::Eir.regime();
        assert!(!eir.cite("13(1)(a)").unwrap().qualified());
        assert!(!eir.cite("regulation 13(2A)").unwrap().qualified());
        assert!(eir.cite("13(1)(b)").unwrap().qualified());
        assert!(eir.cite("13(3A)").unwrap().qualified());
        assert!(eir.cite("13").unwrap().qualified());
        assert_eq!(eir.cite("13").unwrap().def.ncnd, Some("13(5A)"));
        // Issue 10, finding 4: "13" and "13(1)" must name their limb, and a
        // qualified limb's test is reg 13(1)(b), not reg 12(1)(b).
        for s in ["13", "13(1)", "regulation 13"] {
            assert!(eir.cite(s).unwrap().limb_needed().is_some(), "{s}");
        }
        assert!(eir.cite("13(1)(a)").unwrap().limb_needed().is_none());
        let pit = eir.cite("13(1)(b)").unwrap().public_interest_provision(eir.notice.public_interest);
        assert_eq!(pit, "EIR reg 14(3)(b) and reg 13(1)(b)");
        assert!(!eir.cite("13(5B)(a)(i)").unwrap().qualified());
        assert_eq!(eir.cite("13(9)").unwrap_err(), Some("13"));
    }

    #[test]
    fn unknown_exceptions_point_to_the_nearest() {
        let eir = RegimeId::Eir.regime();
        // "12(5)" alone names no exception: the nearest is offered.
        assert_eq!(eir.cite("12(5)").unwrap_err(), Some("12(4)(a)"));
        assert_eq!(eir.cite("12(5)(h)").unwrap_err(), Some("12(4)(a)"));
    }
}
