//! Freedom of Information (Scotland) Act 2002: the Part 2 exemptions
//! (ss25–41) and the refusal grounds of ss12 and 14.
//!
//! Sources: FOISA 2002 asp 13 as amended, <https://www.legislation.gov.uk/asp/2002/13>;
//! each entry's `source` names its section and, for absolute exemptions, the
//! paragraph of s2(2) that makes it absolute. Texts are quoted from the Act
//! (Crown copyright, Open Government Licence v3.0).
//!
//! Verified against the statute text (legislation.gov.uk, including the
//! 2006 and current versions of s2, and the Scottish Information
//! Commissioner's and FOIwiki's verbatim copies):
//! - s2(2): the absolute exemptions are s25, s26, s36(2), s37 and, in
//!   s38(1), paragraphs (a), (c) and (d) and paragraph (b) "where the first
//!   condition referred to in that paragraph is satisfied" (as amended by
//!   the Data Protection Act 2018). s41 is not absolute: the absolute
//!   exemption for the Sovereign, heir and second in line proposed in the
//!   Freedom of Information (Amendment) (Scotland) Bill was dropped before
//!   the 2013 Act was passed;
//! - every heading below (s41's heading still reads "Her Majesty");
//! - the quoted texts: s25(1), s28(1) (as enacted), s29(1), s30, s32(1),
//!   s35(1)(a)–(f), s36, s37(1) (current), s39(1), s40.
//!
//! Not re-read: the current text of s38 (the subsection numbers (2A), (2B)
//! and (3A) follow the DPA 2018 amendments as cited in Commissioner
//! decisions), s26(b) after EU exit, s27, s31, s33, s34 and s41; s34's
//! subsections are therefore left open.
//!
//! The harm test is "would, or would be likely to, prejudice substantially"
//! (FOISA's stronger counterpart of FOIA's "prejudice"); s31(1) is "required
//! for the purpose of safeguarding national security"; s39(1) is "endanger".
//!
//! Neither confirm nor deny: FOISA has no per-exemption NCND subsections.
//! Section 18 lets an authority refuse to reveal whether information exists
//! where, if it existed, it could be withheld under any of ss28 to 35, 39(1)
//! or 41 (and, since the 2013 Amendment Act, s38) and revealing whether it
//! exists would be contrary to the public interest. `ncnd` is therefore `None` for every entry; the notice
//! cites s18.

use super::{absolute, qualified};
use crate::law::exemption::{ExemptionDef, Harm, Kind};

/// "FOISA 2002 s<n>[, <extra>]; <URL of the section>".
macro_rules! source {
    ($s:literal) => {
        concat!("FOISA 2002 s", $s, "; https://www.legislation.gov.uk/asp/2002/13/section/", $s)
    };
    ($s:literal, $extra:literal) => {
        concat!("FOISA 2002 s", $s, ", ", $extra, "; https://www.legislation.gov.uk/asp/2002/13/section/", $s)
    };
}

/// The lead-in of s35(1) followed by one of its paragraphs.
macro_rules! s35 {
    ($p:literal) => {
        concat!(
            "Information is exempt information if its disclosure under this Act would, or would be likely to, prejudice substantially— ",
            $p
        )
    };
}

/// The catalogue, in the order of the Act.
pub static EXEMPTIONS: &[ExemptionDef] = &[
    // Refusal grounds: no public interest test, so `absolute` keeps
    // `qualified()` false. Cost limit: SSI 2004/467. s12's subsections were
    // not re-read, so any well-formed one is accepted.
    ExemptionDef {
        kind: Kind::RefusalGround,
        ..absolute("12", "Excessive cost of compliance", Harm::Cost, source!("12"))
    },
    ExemptionDef {
        kind: Kind::RefusalGround,
        subsections: &["(1)", "(2)"],
        ..absolute("14", "Vexatious or repeated requests", Harm::Conduct, source!("14"))
    },
    ExemptionDef {
        subsections: &["(1)", "(2)", "(3)"],
        provisions: &[(
            "(1)",
            "Information which the applicant can reasonably obtain other than by requesting it under section 1(1) is exempt information.",
        )],
        ..absolute("25", "Information otherwise accessible", Harm::Class, source!("25", "s2(2)(a)"))
    },
    // s26 has no numbered subsections: (a) enactment, (b) EU/retained
    // obligation, (c) contempt of court.
    ExemptionDef {
        subsections: &["(a)", "(b)", "(c)"],
        ..absolute("26", "Prohibitions on disclosure", Harm::Class, source!("26", "s2(2)(b)"))
    },
    // 27(1): publication within twelve weeks of the request (a class);
    // 27(2): continuing programmes of research (substantial prejudice).
    ExemptionDef {
        subsections: &["(1)", "(2)"],
        ..qualified("27", "Information intended for future publication", Harm::Class, source!("27"))
    },
    ExemptionDef {
        subsections: &["(1)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if its disclosure under this Act would, or would be likely to, prejudice substantially relations between any administration in the United Kingdom and any other such administration.",
        )],
        ..qualified("28", "Relations within the United Kingdom", Harm::SubstantialPrejudice, source!("28"))
    },
    ExemptionDef {
        subsections: &["(1)(a)", "(1)(b)", "(1)(c)", "(1)(d)"],
        provisions: &[(
            "(1)",
            "Information held by the Scottish Administration is exempt information if it relates to— (a) the formulation or development of government policy; (b) Ministerial communications; (c) the provision of advice by any of the Law Officers or any request for the provision of such advice; or (d) the operation of any Ministerial private office.",
        )],
        ..qualified("29", "Formulation of Scottish Administration policy etc.", Harm::Class, source!("29"))
    },
    // s30 has no numbered subsections; the whole section is quoted.
    ExemptionDef {
        subsections: &["(a)", "(b)(i)", "(b)(ii)", "(c)"],
        provisions: &[(
            "",
            "Information is exempt information if its disclosure under this Act— (a) would, or would be likely to, prejudice substantially the maintenance of the convention of the collective responsibility of the Scottish Ministers; (b) would, or would be likely to, inhibit substantially— (i) the free and frank provision of advice; or (ii) the free and frank exchange of views for the purposes of deliberation; or (c) would otherwise prejudice substantially, or be likely to prejudice substantially, the effective conduct of public affairs.",
        )],
        ..qualified("30", "Prejudice to effective conduct of public affairs", Harm::SubstantialPrejudice, source!("30"))
    },
    // 31(1) national security ("required for", certificate under 31(2));
    // 31(4) defence and the armed forces (substantial prejudice).
    ExemptionDef {
        subsections: &["(1)", "(2)", "(4)(a)", "(4)(b)"],
        ..qualified("31", "National security and defence", Harm::RequiredFor, source!("31"))
    },
    // 32(1)(a) is prejudice-based; 32(1)(b) (confidential information from
    // another State or an international organisation or court) is a class.
    ExemptionDef {
        subsections: &["(1)(a)", "(1)(b)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if— (a) its disclosure under this Act would, or would be likely to, prejudice substantially— (i) relations between the United Kingdom and any other State; (ii) relations between the United Kingdom and any international organisation or international court; (iii) the interests of the United Kingdom abroad; or (iv) the promotion or protection by the United Kingdom of its interests abroad; or (b) it is confidential information obtained from— (i) a State other than the United Kingdom; or (ii) an international organisation or international court.",
        )],
        ..qualified("32", "International relations", Harm::SubstantialPrejudice, source!("32"))
    },
    // 33(1)(a) trade secrets (a class); 33(1)(b) commercial interests and
    // 33(2) the economy and financial interests (substantial prejudice).
    ExemptionDef {
        subsections: &["(1)(a)", "(1)(b)", "(2)(a)", "(2)(b)"],
        ..qualified("33", "Commercial interests and the economy", Harm::SubstantialPrejudice, source!("33"))
    },
    // A class exemption (no harm test); subsections not re-read, so any
    // well-formed subsection is accepted.
    qualified(
        "34",
        "Investigations by Scottish public authorities and proceedings arising out of such investigations",
        Harm::Class,
        source!("34"),
    ),
    // 35(1)(g) and (h) protect functions and proceedings for the purposes in
    // 35(2)(a)–(j); letters cite them together, e.g. "35(1)(g) and (2)(c)".
    ExemptionDef {
        subsections: &[
            "(1)(a)", "(1)(b)", "(1)(c)", "(1)(d)", "(1)(e)", "(1)(f)", "(1)(g)", "(1)(h)", "(2)(a)", "(2)(b)",
            "(2)(c)", "(2)(d)", "(2)(e)", "(2)(f)", "(2)(g)", "(2)(h)", "(2)(i)", "(2)(j)",
        ],
        provisions: &[
            ("(1)(a)", s35!("(a) the prevention or detection of crime")),
            ("(1)(b)", s35!("(b) the apprehension or prosecution of offenders")),
            ("(1)(c)", s35!("(c) the administration of justice")),
            (
                "(1)(d)",
                s35!("(d) the assessment or collection of any tax or duty (or of any imposition of a similar nature)"),
            ),
            ("(1)(e)", s35!("(e) the operation of the immigration controls")),
            (
                "(1)(f)",
                s35!(
                    "(f) the maintenance of security and good order in prisons or in other institutions where persons are lawfully detained"
                ),
            ),
        ],
        ..qualified("35", "Law enforcement", Harm::SubstantialPrejudice, source!("35"))
    },
    // 36(1) (confidentiality of communications in legal proceedings, i.e.
    // legal privilege) is qualified; 36(2) (actionable breach of
    // confidence) is absolute (s2(2)(c)), though the public interest can
    // still decide whether a breach would be actionable.
    ExemptionDef {
        absolute_subsections: &["(2)"],
        subsections: &["(1)", "(2)"],
        provisions: &[
            (
                "(1)",
                "Information in respect of which a claim to confidentiality of communications could be maintained in legal proceedings is exempt information.",
            ),
            (
                "(2)",
                "Information is exempt information if— (a) it was obtained by a Scottish public authority from another person (including another such authority); and (b) its disclosure by the authority so obtaining it to the public (otherwise than under this Act) would constitute a breach of confidence actionable by that person or any other person.",
            ),
        ],
        public_interest_note: Some(
            "However, we still need to consider the public interest in disclosure, because the law of confidence recognises that a breach of confidence may not be actionable when there is an overriding public interest in disclosure.",
        ),
        ..qualified("36", "Confidentiality", Harm::Class, source!("36", "s2(2)(c)"))
    },
    ExemptionDef {
        subsections: &["(1)(a)", "(1)(b)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if it is contained in— (a) a document— (i) lodged with, or otherwise placed in the custody of, a court for the purposes of proceedings in a cause or matter; (ii) served on, or by, a Scottish public authority for the purposes of such proceedings; or (iii) created by a court or a member of its administrative staff for the purposes of, or in the course of, such proceedings; or (b) a document— (i) lodged with, or otherwise placed in the custody of, a person conducting an inquiry or arbitration, for the purposes of that inquiry or arbitration; or (ii) created by such a person for such purposes, and a Scottish public authority holds the information solely because it is contained in such a document.",
        )],
        ..absolute("37", "Court records, etc.", Harm::Class, source!("37", "s2(2)(d)"))
    },
    // s2(2)(e): 38(1)(a) (the applicant's own data), (c) (personal census
    // information) and (d) (a deceased person's health record) are absolute,
    // and (1)(b) (third parties) where the first condition (2A) is
    // satisfied. (1)(b) relying on the second (2B) or third (3A) condition
    // is qualified; like FOIA s40(2), "38(1)(b)" is listed as absolute for
    // the usual first-condition case: cite "38(2B)" or "38(3A)" otherwise.
    ExemptionDef {
        absolute_subsections: &["(1)(a)", "(1)(b)", "(1)(c)", "(1)(d)", "(2A)"],
        // (5) definitions and (5A) (the legitimate interests gateway read
        // as available to authorities) are cited in passing.
        subsections: &["(1)(a)", "(1)(b)", "(1)(c)", "(1)(d)", "(2A)", "(2B)", "(3A)", "(4)", "(5)", "(5A)"],
        undecided: &[""],
        limb_hint: Some(
            "cite the limb relied on: 38(1)(a) (the requester's own data), 38(1)(b) with the first condition 38(2A) (absolute) or the second 38(2B) or third 38(3A) (qualified), 38(1)(c) or 38(1)(d)",
        ),
        ..qualified("38", "Personal information", Harm::Class, source!("38", "s2(2)(e)"))
    },
    // 39(1) endangerment; 39(2) environmental information, to be handled
    // under the Environmental Information (Scotland) Regulations 2004.
    ExemptionDef {
        subsections: &["(1)", "(2)"],
        provisions: &[(
            "(1)",
            "Information is exempt information if its disclosure under this Act would, or would be likely to, endanger the physical or mental health or the safety of an individual.",
        )],
        ..qualified("39", "Health, safety and the environment", Harm::Endangerment, source!("39"))
    },
    // s40 has no numbered subsections; the whole section is quoted.
    ExemptionDef {
        subsections: &["(a)", "(b)"],
        provisions: &[(
            "",
            "Information is exempt information if its disclosure under this Act would, or would be likely to, prejudice substantially the exercise of a Scottish public authority’s functions in relation to— (a) the audit of the accounts of other Scottish public authorities; or (b) the examination of the economy, efficiency and effectiveness with which such authorities use their resources in discharging their functions.",
        )],
        ..qualified("40", "Audit functions", Harm::SubstantialPrejudice, source!("40"))
    },
    // (a) communications with Her Majesty, other members of the Royal Family
    // or the Royal Household; (b) honours. Both qualified.
    ExemptionDef {
        subsections: &["(a)", "(b)"],
        ..qualified("41", "Communications with Her Majesty etc. and honours", Harm::Class, source!("41"))
    },
];

#[cfg(test)]
mod tests {
    use super::EXEMPTIONS;
    use crate::law::{Harm, Kind, RegimeId};

    #[test]
    fn part_2_is_complete_and_ncnd_is_left_to_s18() {
        assert!(EXEMPTIONS.iter().all(|d| d.ncnd.is_none()), "FOISA NCND is s18, not a subsection");
        let sections: Vec<&str> = EXEMPTIONS.iter().filter(|d| d.kind == Kind::Exemption).map(|d| d.section).collect();
        let part_2: Vec<String> = (25..=41).map(|n| n.to_string()).collect();
        assert_eq!(sections, part_2);
    }

    #[test]
    fn absolute_per_section_2_2() {
        let foisa = RegimeId::Foisa.regime();
        let qualified = |s: &str| foisa.cite(s).unwrap().qualified();
        for s in ["25", "25(1)", "26(a)", "36(2)", "37(1)(a)", "38(1)(a)", "38(1)(b)", "38(1)(c)", "38(1)(d)", "38(2A)"]
        {
            assert!(!qualified(s), "{s} is absolute");
        }
        for s in ["27(1)", "30(b)(i)", "31(1)", "33(1)(b)", "35(1)(g)", "36(1)", "38(3A)", "39(1)", "41(a)", "41(b)"] {
            assert!(qualified(s), "{s} is qualified");
        }
    }

    #[test]
    fn harm_tests_and_refusal_grounds() {
        let foisa = RegimeId::Foisa.regime();
        let harm = |s: &str| foisa.cite(s).unwrap().def.harm;
        assert_eq!(harm("30(c)"), Harm::SubstantialPrejudice);
        assert_eq!(harm("33(1)(b)"), Harm::SubstantialPrejudice);
        assert_eq!(harm("31(1)"), Harm::RequiredFor);
        assert_eq!(harm("39(1)"), Harm::Endangerment);
        for (s, h) in [("12(1)", Harm::Cost), ("14(1)", Harm::Conduct), ("14(2)", Harm::Conduct)] {
            let c = foisa.cite(s).unwrap();
            assert_eq!((c.def.kind, c.def.harm, c.qualified()), (Kind::RefusalGround, h, false), "{s}");
        }
        let c = foisa.cite("30(b)(ii)").unwrap();
        assert!(c.provision().unwrap().1.contains("free and frank exchange of views"));
        let c = foisa.cite("36(2)").unwrap();
        assert!(c.provision().unwrap().1.contains("breach of confidence") && c.def.public_interest_note.is_some());
        assert_eq!(foisa.cite("36(3)").unwrap_err(), Some("36"));
        assert_eq!(foisa.cite("24").unwrap_err(), Some("25"));
    }
}
