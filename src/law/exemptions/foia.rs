//! Freedom of Information Act 2000: Part II exemptions (ss21–44) and the
//! refusal grounds of ss12 and 14.
//!
//! Sources: FOIA 2000 c.36 as amended, <https://www.legislation.gov.uk/ukpga/2000/36>;
//! s2(3) lists the absolute exemptions. Provision texts are quoted from the
//! Act (Crown copyright, Open Government Licence v3.0).

use super::{absolute, qualified};
use crate::law::exemption::{ExemptionDef, Harm};

const PART_II: &str = "FOIA 2000 Part II; s2(3) for absolute exemptions";

/// The catalogue.
pub static EXEMPTIONS: &[ExemptionDef] = &[
    absolute("21", "Information accessible to applicant by other means", Harm::Class, PART_II),
    qualified("22", "Information intended for future publication", Harm::Class, PART_II),
    qualified("22A", "Research", Harm::Prejudice, PART_II),
    absolute("23", "Information supplied by, or relating to, bodies dealing with security matters", Harm::Class, PART_II),
    ExemptionDef {
        ncnd: Some("24(2)"),
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "Information which does not fall within section 23(1) is exempt information if exemption from section 1(1)(b) is required for the purpose of safeguarding national security.",
        )],
        ..qualified("24", "National security", Harm::RequiredFor, PART_II)
    },
    qualified("26", "Defence", Harm::Prejudice, PART_II),
    qualified("27", "International relations", Harm::Prejudice, PART_II),
    qualified("28", "Relations within the United Kingdom", Harm::Prejudice, PART_II),
    qualified("29", "The economy", Harm::Prejudice, PART_II),
    qualified("30", "Investigations and proceedings conducted by public authorities", Harm::Class, PART_II),
    qualified("31", "Law enforcement", Harm::Prejudice, PART_II),
    absolute("32", "Court records, etc", Harm::Class, PART_II),
    qualified("33", "Audit functions", Harm::Prejudice, PART_II),
    absolute("34", "Parliamentary privilege", Harm::RequiredFor, PART_II),
    qualified("35", "Formulation of government policy, etc", Harm::Class, PART_II),
    qualified("36", "Prejudice to effective conduct of public affairs", Harm::Prejudice, PART_II),
    ExemptionDef {
        absolute_subsections: &["(1)(a)", "(1)(aa)", "(1)(ab)"],
        ..qualified("37", "Communications with Her Majesty, etc. and honours", Harm::Class, PART_II)
    },
    qualified("38", "Health and safety", Harm::Endangerment, PART_II),
    qualified("39", "Environmental information", Harm::Class, PART_II),
    ExemptionDef { absolute_subsections: &["(1)", "(2)"], ..qualified("40", "Personal information", Harm::Class, PART_II) },
    ExemptionDef {
        ncnd: Some("41(2)"),
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "(1) Information is exempt information if— (a) it was obtained by the public authority from any other person (including another public authority), and (b) the disclosure of the information to the public (otherwise than under this Act) by the public authority holding it would constitute a breach of confidence actionable by that or any other person.",
        )],
        public_interest_note: Some(
            "However, we still need to consider the public interest in disclosure, because the law of confidence recognises that a breach of confidence may not be actionable when there is an overriding public interest in disclosure.",
        ),
        ..absolute("41", "Information provided in confidence", Harm::Class, PART_II)
    },
    qualified("42", "Legal professional privilege", Harm::Class, PART_II),
    qualified("43", "Commercial interests", Harm::Prejudice, PART_II),
    absolute("44", "Prohibitions on disclosure", Harm::Class, PART_II),
];
