//! Freedom of Information Act 2000: Part II exemptions.
//!
//! Sources: Freedom of Information Act 2000 c.36, Part II (ss21–44) and
//! s2(3) (the list of absolute exemptions), as amended, at
//! <https://www.legislation.gov.uk/ukpga/2000/36/part/II>. s2(3) makes absolute:
//! s21, s23, s32, s34, s36 so far as relating to information held by the House
//! of Commons or House of Lords, s37(1)(a) to (ab), s40(1), s40(2) so far as the
//! first condition applies (modelled as subsection (2) here, since letters cite
//! the first condition), s41 and s44. Provision texts are quoted from the Act as
//! in force (Crown copyright, Open Government Licence v3.0).

use super::{ExemptionDef, Regime, RegimeId};
use crate::case::Date;

/// FOIA 2000: in force for requests from 1 January 2005 (s87(3) and the
/// Freedom of Information Act 2000 (Commencement No. 5) Order 2004).
pub static FOIA: Regime = Regime {
    id: RegimeId::Foia,
    act: "Freedom of Information Act 2000",
    act_short: "FOI Act",
    commissioner: "Information Commissioner",
    complaint_provision: "section 50",
    in_force: Date(time::macros::date!(2005 - 01 - 01)),
    source: "https://www.legislation.gov.uk/ukpga/2000/36",
    exemptions: EXEMPTIONS,
};

const fn def(section: &'static str, title: &'static str, absolute: bool) -> ExemptionDef {
    ExemptionDef { section, title, absolute, absolute_subsections: &[], provisions: &[], public_interest_note: None }
}

static EXEMPTIONS: &[ExemptionDef] = &[
    def("21", "Information accessible to applicant by other means", true),
    def("22", "Information intended for future publication", false),
    def("22A", "Research", false),
    def("23", "Information supplied by, or relating to, bodies dealing with security matters", true),
    ExemptionDef {
        provisions: &[(
            "(1)",
            "Information which does not fall within section 23(1) is exempt information if exemption from section 1(1)(b) is required for the purpose of safeguarding national security.",
        )],
        ..def("24", "National security", false)
    },
    def("26", "Defence", false),
    def("27", "International relations", false),
    def("28", "Relations within the United Kingdom", false),
    def("29", "The economy", false),
    def("30", "Investigations and proceedings conducted by public authorities", false),
    def("31", "Law enforcement", false),
    def("32", "Court records, etc", true),
    def("33", "Audit functions", false),
    def("34", "Parliamentary privilege", true),
    def("35", "Formulation of government policy, etc", false),
    def("36", "Prejudice to effective conduct of public affairs", false),
    ExemptionDef { absolute_subsections: &["(1)(a)", "(1)(aa)", "(1)(ab)"], ..def("37", "Communications with Her Majesty, etc. and honours", false) },
    def("38", "Health and safety", false),
    def("39", "Environmental information", false),
    ExemptionDef { absolute_subsections: &["(1)", "(2)"], ..def("40", "Personal information", false) },
    ExemptionDef {
        provisions: &[(
            "(1)",
            "(1) Information is exempt information if— (a) it was obtained by the public authority from any other person (including another public authority), and (b) the disclosure of the information to the public (otherwise than under this Act) by the public authority holding it would constitute a breach of confidence actionable by that or any other person.",
        )],
        public_interest_note: Some(
            "However, we still need to consider the public interest in disclosure, because the law of confidence recognises that a breach of confidence may not be actionable when there is an overriding public interest in disclosure.",
        ),
        ..def("41", "Information provided in confidence", true)
    },
    def("42", "Legal professional privilege", false),
    def("43", "Commercial interests", false),
    def("44", "Prohibitions on disclosure", true),
];
