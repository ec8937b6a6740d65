//! Freedom of Information Act 2000: the Part II exemptions (ss21–44) and
//! the refusal grounds of ss12 and 14.
//!
//! Sources: FOIA 2000 c.36 as amended, <https://www.legislation.gov.uk/ukpga/2000/36>;
//! each entry's `source` names its section and, for absolute exemptions, the
//! paragraph of s2(3) that makes it absolute. Provision texts are quoted from
//! the Act (Crown copyright, Open Government Licence v3.0).
//!
//! Verified against the statute text (legislation.gov.uk pages, or verbatim
//! quotations of the Act by the ICO, the DCA/MoJ exemptions guidance,
//! FOIwiki and tribunal decisions, October 2024 at the latest):
//! - s2(3): the list of absolute exemptions as enacted (ss21, 23, 32, 34, 36
//!   for the Houses, 40(1) and (2) first condition, 41, 44), with (ea) added
//!   by the Constitutional Reform and Governance Act 2010 sch 7 para 2 for
//!   s37(1)(a)–(ab) and (fa) substituted by the Data Protection Act 2018
//!   sch 19 para 56 for s40(2) where the first condition is satisfied;
//! - every heading below, and the subsections of each section;
//! - the quoted texts. s40(2) is the enacted text as amended by DPA 2018
//!   sch 19 para 58(2); s44(1)(b) reads "assimilated obligation" since 2024.
//!
//! Not quoted (text not re-read): ss26, 28, 33, 36, 37, 43.

use super::{absolute, qualified};
use crate::law::exemption::{ExemptionDef, Harm, Kind};

/// "FOIA 2000 s<n>[, <extra>]; <URL of the section>".
macro_rules! source {
    ($s:literal) => {
        concat!("FOIA 2000 s", $s, "; https://www.legislation.gov.uk/ukpga/2000/36/section/", $s)
    };
    ($s:literal, $extra:literal) => {
        concat!("FOIA 2000 s", $s, ", ", $extra, "; https://www.legislation.gov.uk/ukpga/2000/36/section/", $s)
    };
}

/// The lead-in of s31(1) followed by one of its paragraphs.
macro_rules! s31 {
    ($p:literal) => {
        concat!(
            "Information which is not exempt information by virtue of section 30 is exempt information if its disclosure under this Act would, or would be likely to, prejudice— ",
            $p
        )
    };
}

/// The catalogue, in the order of the Act.
pub static EXEMPTIONS: &[ExemptionDef] = &[
    // Refusal grounds: no exemption is engaged and there is no public
    // interest test, so `absolute` is set to keep `qualified()` false.
    // (3)–(5): the appropriate limit and aggregation, set by the Fees
    // Regulations (see `law::cost_limit`), cited in passing.
    ExemptionDef {
        kind: Kind::RefusalGround,
        ncnd: Some("12(2)"),
        subsections: &["(1)", "(2)", "(3)", "(4)", "(5)"],
        provisions: &[
            (
                "(1)",
                "Section 1(1) does not oblige a public authority to comply with a request for information if the authority estimates that the cost of complying with the request would exceed the appropriate limit.",
            ),
            (
                "(2)",
                "Subsection (1) does not exempt the public authority from its obligation to comply with paragraph (a) of section 1(1) unless the estimated cost of complying with that paragraph alone would exceed the appropriate limit.",
            ),
        ],
        ..absolute("12", "Exemption where cost of compliance exceeds appropriate limit", Harm::Cost, source!("12"))
    },
    ExemptionDef {
        kind: Kind::RefusalGround,
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "Section 1(1) does not oblige a public authority to comply with a request for information if the request is vexatious.",
        )],
        ..absolute("14", "Vexatious or repeated requests", Harm::Conduct, source!("14"))
    },
    // There is no duty-to-confirm-or-deny exclusion in s21. (2) and (3)
    // say when information is reasonably accessible; letters cite them.
    ExemptionDef {
        subsections: &["(1)", "(2)(a)", "(2)(b)", "(3)"],
        provisions: &[(
            "(1)",
            "Information which is reasonably accessible to the applicant otherwise than under section 1 is exempt information.",
        )],
        ..absolute("21", "Information accessible to applicant by other means", Harm::Class, source!("21", "s2(3)(a)"))
    },
    ExemptionDef {
        ncnd: Some("22(2)"),
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if— (a) the information is held by the public authority with a view to its publication, by the authority or any other person, at some future date (whether determined or not), (b) the information was already held with a view to such publication at the time when the request for information was made, and (c) it is reasonable in all the circumstances that the information should be withheld from disclosure until the date referred to in paragraph (a).",
        )],
        ..qualified("22", "Information intended for future publication", Harm::Class, source!("22"))
    },
    // Inserted by the Intellectual Property Act 2014 s20; the test in
    // (1)(b) is prejudice.
    ExemptionDef {
        ncnd: Some("22A(2)"),
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "Information obtained in the course of, or derived from, a programme of research is exempt information if— (a) the programme is continuing with a view to the publication, by a public authority or any other person, of a report of the research (whether or not including a statement of that information), and (b) disclosure of the information under this Act before the date of publication would, or would be likely to, prejudice— (i) the programme, (ii) the interests of any individual participating in the programme, (iii) the interests of the authority which holds the information, or (iv) the interests of the authority mentioned in paragraph (a) (if it is a different authority from that which holds the information).",
        )],
        ..qualified("22A", "Research", Harm::Prejudice, source!("22A"))
    },
    ExemptionDef {
        ncnd: Some("23(5)"),
        subsections: &["(1)", "(5)"],
        provisions: &[(
            "(1)",
            "Information held by a public authority is exempt information if it was directly or indirectly supplied to the public authority by, or relates to, any of the bodies specified in subsection (3).",
        )],
        ..absolute(
            "23",
            "Information supplied by, or relating to, bodies dealing with security matters",
            Harm::Class,
            source!("23", "s2(3)(b)"),
        )
    },
    ExemptionDef {
        ncnd: Some("24(2)"),
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "Information which does not fall within section 23(1) is exempt information if exemption from section 1(1)(b) is required for the purpose of safeguarding national security.",
        )],
        ..qualified("24", "National security", Harm::RequiredFor, source!("24"))
    },
    // s25 (certificates under ss23 and 24) is not an exemption.
    ExemptionDef {
        ncnd: Some("26(3)"),
        subsections: &["(1)(a)", "(1)(b)", "(3)"],
        ..qualified("26", "Defence", Harm::Prejudice, source!("26"))
    },
    // 27(1) is prejudice-based; 27(2) (confidential information from
    // another State or an international organisation or court) is a class.
    ExemptionDef {
        ncnd: Some("27(4)"),
        subsections: &["(1)(a)", "(1)(b)", "(1)(c)", "(1)(d)", "(2)", "(4)"],
        provisions: &[
            (
                "(1)",
                "Information is exempt information if its disclosure under this Act would, or would be likely to, prejudice— (a) relations between the United Kingdom and any other State, (b) relations between the United Kingdom and any international organisation or international court, (c) the interests of the United Kingdom abroad, or (d) the promotion or protection by the United Kingdom of its interests abroad.",
            ),
            (
                "(2)",
                "Information is also exempt information if it is confidential information obtained from a State other than the United Kingdom or from an international organisation or international court.",
            ),
        ],
        ..qualified("27", "International relations", Harm::Prejudice, source!("27"))
    },
    ExemptionDef {
        ncnd: Some("28(3)"),
        subsections: &["(1)", "(3)"],
        ..qualified("28", "Relations within the United Kingdom", Harm::Prejudice, source!("28"))
    },
    ExemptionDef {
        ncnd: Some("29(2)"),
        subsections: &["(1)(a)", "(1)(b)", "(2)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if its disclosure under this Act would, or would be likely to, prejudice— (a) the economic interests of the United Kingdom or of any part of the United Kingdom, or (b) the financial interests of any administration in the United Kingdom, as defined by section 28(2).",
        )],
        ..qualified("29", "The economy", Harm::Prejudice, source!("29"))
    },
    ExemptionDef {
        ncnd: Some("30(3)"),
        subsections: &[
            "(1)(a)(i)",
            "(1)(a)(ii)",
            "(1)(b)",
            "(1)(c)",
            "(2)(a)(i)",
            "(2)(a)(ii)",
            "(2)(a)(iii)",
            "(2)(a)(iv)",
            "(2)(b)",
            "(3)",
        ],
        provisions: &[(
            "(1)",
            "Information held by a public authority is exempt information if it has at any time been held by the authority for the purposes of— (a) any investigation which the public authority has a duty to conduct with a view to it being ascertained— (i) whether a person should be charged with an offence, or (ii) whether a person charged with an offence is guilty of it, (b) any investigation which is conducted by the authority and in the circumstances may lead to a decision by the authority to institute criminal proceedings which the authority has power to conduct, or (c) any criminal proceedings which the authority has power to conduct.",
        )],
        ..qualified("30", "Investigations and proceedings conducted by public authorities", Harm::Class, source!("30"))
    },
    // 31(1)(g)–(i) protect functions and proceedings for the purposes
    // listed in 31(2)(a)–(j); letters cite them together, e.g. "31(1)(g)
    // and (2)(c)". Only (1)(a)–(f) are quoted: (1)(i) was amended in 2016.
    ExemptionDef {
        ncnd: Some("31(3)"),
        subsections: &[
            "(1)(a)", "(1)(b)", "(1)(c)", "(1)(d)", "(1)(e)", "(1)(f)", "(1)(g)", "(1)(h)", "(1)(i)", "(2)(a)",
            "(2)(b)", "(2)(c)", "(2)(d)", "(2)(e)", "(2)(f)", "(2)(g)", "(2)(h)", "(2)(i)", "(2)(j)", "(3)",
        ],
        provisions: &[
            ("(1)(a)", s31!("(a) the prevention or detection of crime")),
            ("(1)(b)", s31!("(b) the apprehension or prosecution of offenders")),
            ("(1)(c)", s31!("(c) the administration of justice")),
            (
                "(1)(d)",
                s31!("(d) the assessment or collection of any tax or duty or of any imposition of a similar nature"),
            ),
            ("(1)(e)", s31!("(e) the operation of the immigration controls")),
            (
                "(1)(f)",
                s31!(
                    "(f) the maintenance of security and good order in prisons or in other institutions where persons are lawfully detained"
                ),
            ),
        ],
        ..qualified("31", "Law enforcement", Harm::Prejudice, source!("31"))
    },
    ExemptionDef {
        ncnd: Some("32(3)"),
        subsections: &["(1)(a)", "(1)(b)", "(1)(c)", "(2)(a)", "(2)(b)", "(3)"],
        provisions: &[(
            "(1)",
            "Information held by a public authority is exempt information if it is held only by virtue of being contained in— (a) any document filed with, or otherwise placed in the custody of, a court for the purposes of proceedings in a particular cause or matter, (b) any document served upon, or by, a public authority for the purposes of proceedings in a particular cause or matter, or (c) any document created by— (i) a court, or (ii) a member of the administrative staff of a court, for the purposes of proceedings in a particular cause or matter.",
        )],
        ..absolute("32", "Court records, etc.", Harm::Class, source!("32", "s2(3)(c)"))
    },
    // 33(1) says which authorities may use the exemption; 33(2) is the
    // exemption.
    ExemptionDef {
        ncnd: Some("33(3)"),
        subsections: &["(1)(a)", "(1)(b)", "(2)", "(3)"],
        ..qualified("33", "Audit functions", Harm::Prejudice, source!("33"))
    },
    ExemptionDef {
        ncnd: Some("34(2)"),
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if exemption from section 1(1)(b) is required for the purpose of avoiding an infringement of the privileges of either House of Parliament.",
        )],
        ..absolute("34", "Parliamentary privilege", Harm::RequiredFor, source!("34", "s2(3)(d)"))
    },
    // Quoted as on legislation.gov.uk (the bracketed words were substituted
    // by the Government of Wales Act 2006).
    ExemptionDef {
        ncnd: Some("35(3)"),
        // (2) (statistical information once a decision is taken) and (4)
        // (regard to the public interest in factual background) are cited
        // in passing.
        subsections: &["(1)(a)", "(1)(b)", "(1)(c)", "(1)(d)", "(2)", "(3)", "(4)"],
        provisions: &[(
            "(1)",
            "Information held by a government department or by the Welsh Assembly Government is exempt information if it relates to— (a) the formulation or development of government policy, (b) Ministerial communications, (c) the provision of advice by any of the Law Officers or any request for the provision of such advice, or (d) the operation of any Ministerial private office.",
        )],
        ..qualified("35", "Formulation of government policy, etc.", Harm::Class, source!("35"))
    },
    // s36 is absolute only "so far as relating to information held by the
    // House of Commons or the House of Lords" (s2(3)(e)). That depends on
    // the authority, not on the subsection cited, so s36 is modelled as
    // qualified. The prejudice is judged by the reasonable opinion of a
    // qualified person (36(2), (5)).
    ExemptionDef {
        ncnd: Some("36(3)"),
        opinion_of: Some("a qualified person"),
        subsections: &["(2)(a)(i)", "(2)(a)(ii)", "(2)(a)(iii)", "(2)(b)(i)", "(2)(b)(ii)", "(2)(c)", "(3)"],
        absolute_when_held_by: &["house of commons", "house of lords"],
        ..qualified(
            "36",
            "Prejudice to effective conduct of public affairs",
            Harm::Prejudice,
            source!("36", "s2(3)(e)"),
        )
    },
    // s2(3)(ea): 37(1)(a)–(ab) (the Sovereign, the heir and second in line,
    // and persons who later became so) are absolute, and so is 37(2) "so far
    // as relating to those paragraphs"; 37(1)(ac), (ad) and (b) are
    // qualified. NCND on 37(2) therefore depends on the paragraph relied on,
    // which a single `ncnd` value cannot say.
    ExemptionDef {
        absolute_subsections: &["(1)(a)", "(1)(aa)", "(1)(ab)"],
        ncnd: Some("37(2)"),
        subsections: &["(1)(a)", "(1)(aa)", "(1)(ab)", "(1)(ac)", "(1)(ad)", "(1)(b)", "(2)"],
        ..qualified("37", "Communications with Her Majesty, etc. and honours", Harm::Class, source!("37", "s2(3)(ea)"))
    },
    // The ICO treats s38 as an endangerment test, not a prejudice test.
    ExemptionDef {
        ncnd: Some("38(2)"),
        subsections: &["(1)(a)", "(1)(b)", "(2)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if its disclosure under this Act would, or would be likely to— (a) endanger the physical or mental health of any individual, or (b) endanger the safety of any individual.",
        )],
        ..qualified("38", "Health and safety", Harm::Endangerment, source!("38"))
    },
    ExemptionDef {
        ncnd: Some("39(2)"),
        subsections: &["(1)(a)", "(1)(b)", "(2)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if the public authority holding it— (a) is obliged by environmental information regulations to make the information available to the public in accordance with the regulations, or (b) would be so obliged but for any exemption contained in the regulations.",
        )],
        ..qualified("39", "Environmental information", Harm::Class, source!("39"))
    },
    // s40 as substituted by the Data Protection Act 2018 sch 19 para 58.
    // - 40(1), the applicant's own data: absolute (s2(3)(f)).
    // - 40(2) with the first condition (3A: disclosure would contravene the
    //   data protection principles, or the DPA 2018 s24(1) exemption
    //   disapplied): absolute (s2(3)(fa)). A citation of 40(2) alone is read
    //   as the first condition, which is how letters use it.
    // - 40(2) with the second condition (3B: the right to object, UK GDPR
    //   Art 21) or the third (4A: exempt from subject access): qualified. s2(3)
    //   lists only the first condition; the ICO's guidance (s40 and reg 13,
    //   part four) says the second condition "is not absolute", so the brief's
    //   "(3B) absolute" is not followed.
    // - NCND: 40(5A) (the applicant's own data) is treated as absolute with
    //   40(1), as the ICO treats it. 40(5B)(a)(i) (confirming or denying
    //   would itself contravene the data protection principles) is treated as
    //   absolute: it is the first condition applied to the fact of holding,
    //   and s2(3)(fa) makes that condition absolute; the ICO applies no public
    //   interest test to it. This is a deliberate choice: the statute's list
    //   in s2(3) does not name 40(5B) at all, so a strict reading would make
    //   every limb of 40(5B) qualified. 40(5B)(a)(ii) (right to object),
    //   (b) and (c) (subject access exemptions) are qualified.
    // - A bare "40" says none of this: the letter must cite the limb.
    ExemptionDef {
        absolute_subsections: &["(1)", "(2)", "(3A)", "(5A)", "(5B)(a)(i)"],
        ncnd: Some("40(5A), 40(5B)"),
        subsections: &[
            "(1)",
            "(2)",
            "(3A)(a)",
            "(3A)(b)",
            "(3B)",
            "(4A)(a)",
            "(4A)(b)",
            "(5A)",
            "(5B)(a)(i)",
            "(5B)(a)(ii)",
            "(5B)(b)",
            "(5B)(c)",
            "(5B)(d)",
            "(7)",
            "(8)",
        ],
        undecided: &[""],
        limb_hint: Some(
            "cite the limb relied on: 40(1) (the requester's own data), or 40(2) with the first condition 40(3A) (absolute), the second 40(3B) or the third 40(4A) (both qualified)",
        ),
        provisions: &[
            (
                "(1)",
                "Any information to which a request for information relates is exempt information if it constitutes personal data of which the applicant is the data subject.",
            ),
            (
                "(2)",
                "Any information to which a request for information relates is also exempt information if— (a) it constitutes personal data which does not fall within subsection (1), and (b) the first, second or third condition below is satisfied.",
            ),
        ],
        ..qualified(
            "40",
            "Personal information",
            Harm::Class,
            source!("40", "s2(3)(f), (fa); ICO guidance on section 40 and regulation 13 (parts three to five)"),
        )
    },
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
        ..absolute("41", "Information provided in confidence", Harm::Class, source!("41", "s2(3)(g)"))
    },
    ExemptionDef {
        ncnd: Some("42(2)"),
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "Information in respect of which a claim to legal professional privilege or, in Scotland, to confidentiality of communications could be maintained in legal proceedings is exempt information.",
        )],
        ..qualified("42", "Legal professional privilege", Harm::Class, source!("42"))
    },
    // 43(1) (trade secrets) is a class; 43(2) (commercial interests) is the
    // prejudice test letters mostly rely on.
    ExemptionDef {
        ncnd: Some("43(3)"),
        subsections: &["(1)", "(2)", "(3)"],
        ..qualified("43", "Commercial interests", Harm::Prejudice, source!("43"))
    },
    ExemptionDef {
        ncnd: Some("44(2)"),
        subsections: &["(1)(a)", "(1)(b)", "(1)(c)", "(2)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if its disclosure (otherwise than under this Act) by the public authority holding it— (a) is prohibited by or under any enactment, (b) is incompatible with any assimilated obligation, or (c) would constitute or be punishable as a contempt of court.",
        )],
        ..absolute("44", "Prohibitions on disclosure", Harm::Class, source!("44", "s2(3)(h)"))
    },
];

#[cfg(test)]
mod tests {
    use super::EXEMPTIONS;
    use crate::law::{Harm, Kind, RegimeId};

    #[test]
    fn part_ii_is_complete() {
        let sections: Vec<&str> = EXEMPTIONS.iter().filter(|d| d.kind == Kind::Exemption).map(|d| d.section).collect();
        let part_ii = [
            "21", "22", "22A", "23", "24", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37",
            "38", "39", "40", "41", "42", "43", "44",
        ];
        assert_eq!(sections, part_ii);
    }

    #[test]
    fn absolute_and_qualified_per_section_2_3() {
        let foia = RegimeId::Foia.regime();
        let qualified = |s: &str| foia.cite(s).unwrap().qualified();
        for s in ["21", "23(1)", "32(1)(a)", "34(1)", "40(1)", "40(2)", "41(1)", "44(1)(a)", "37(1)(a)", "37(1)(aa)"] {
            assert!(!qualified(s), "{s} is absolute");
        }
        for s in ["22(1)", "24(1)", "27(2)", "31(1)(a)", "36(2)(b)(i)", "37(1)(ac)", "37(1)(b)", "40(4A)", "43(2)"] {
            assert!(qualified(s), "{s} is qualified");
        }
    }

    /// Issue 10, finding 1: s2(3)(fa) makes 40(2) with the first condition
    /// absolute; the second and third conditions are qualified; a bare "40"
    /// must name its limb.
    #[test]
    fn section_40_conditions_and_ncnd_limbs() {
        let foia = RegimeId::Foia.regime();
        let qualified = |s: &str| foia.cite(s).unwrap().qualified();
        for s in ["40(3A)", "40(3A)(a)", "40(3A)(b)", "40(5A)", "40(5B)(a)(i)"] {
            assert!(!qualified(s), "{s} is absolute");
        }
        for s in ["40(3B)", "40(4A)(a)", "40(5B)(a)(ii)", "40(5B)(b)"] {
            assert!(qualified(s), "{s} is qualified");
        }
        assert!(foia.cite("40").unwrap().limb_needed().unwrap().contains("40(3A)"));
        assert!(foia.cite("40(2)").unwrap().limb_needed().is_none());
        for s in ["40(8)", "40(7)", "21(2)(a)", "21(3)", "12(4)", "35(2)", "35(4)"] {
            assert!(foia.cite(s).is_ok(), "{s} is a subsection letters cite in passing");
        }
        assert!(RegimeId::Foisa.regime().cite("38(5A)").is_ok());
    }

    #[test]
    fn citations_resolve_against_the_subsections() {
        let foia = RegimeId::Foia.regime();
        assert_eq!(foia.cite("31(1)(a)").unwrap().def.harm, Harm::Prejudice);
        assert!(foia.cite("31(1)(g)").is_ok());
        assert!(foia.cite("s.30(2)").is_ok());
        assert_eq!(foia.cite("31(9)").unwrap_err(), Some("31"));
        assert_eq!(foia.cite("25").unwrap_err(), Some("24"));
        let c = foia.cite("31(1)(a)").unwrap();
        assert!(c.provision().unwrap().1.ends_with("the prevention or detection of crime"));
        assert_eq!(foia.cite("40(2)").unwrap().def.ncnd, Some("40(5A), 40(5B)"));
        assert_eq!(foia.cite("38(1)(b)").unwrap().def.harm, Harm::Endangerment);
    }

    #[test]
    fn refusal_grounds_have_no_public_interest_test() {
        let foia = RegimeId::Foia.regime();
        for (s, harm) in [("12", Harm::Cost), ("12(2)", Harm::Cost), ("14(1)", Harm::Conduct), ("14(2)", Harm::Conduct)]
        {
            let c = foia.cite(s).unwrap();
            assert_eq!(c.def.kind, Kind::RefusalGround, "{s}");
            assert_eq!(c.def.harm, harm, "{s}");
            assert!(!c.qualified(), "{s}");
        }
        // A refusal ground is never offered as the nearest exemption.
        assert_eq!(foia.cite("13").unwrap_err(), Some("21"));
    }
}
