//! What each regime provides for each kind of letter: the provisions a
//! not-held, neither-confirm-nor-deny, cost-limit, vexatious or repeated
//! reply cites, and the words a regime's letters use. Where a regime has no
//! such provision the field is `None` and the letter kind does not exist
//! under it (the EIR have no cost limit and no vexatious or repeated ground:
//! reg 12(4)(b) "manifestly unreasonable" covers both, as an exception).
//!
//! Sources: FOIA 2000 ss1(1), 1(3), 10(3), 12, 14, 16, 17(1)–(5), 21, 22
//! (<https://www.legislation.gov.uk/ukpga/2000/36>); EIR 2004 regs 7(1), 9,
//! 12(2), 12(4)(a)–(b), 12(6), 13(5) (<https://www.legislation.gov.uk/uksi/2004/3391>);
//! FOISA 2002 ss1(3), 12, 14, 15, 16(4)–(5), 17(1), 18, 25, 27
//! (<https://www.legislation.gov.uk/asp/2002/13>).

use serde::Serialize;

use super::RegimeId;

/// The provisions and words of one regime for the letters of a case.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct KindLaw {
    /// "Freedom of Information Request": the heading before the reference.
    pub request_heading: &'static str,
    /// "FOI Ref": the label of the reference beside the date.
    pub ref_label: &'static str,
    /// "exemption" (FOIA, FOISA) or "exception" (EIR).
    pub exemption_word: &'static str,
    /// Not held as an exception the letter relies on (EIR reg 12(4)(a)).
    pub not_held_exception: Option<&'static str>,
    /// Not held as a notice the letter gives (FOISA s17(1)). Under FOIA
    /// saying so is the s1(1)(a) duty itself and needs no citation.
    pub not_held_notice: Option<&'static str>,
    /// Information reasonably accessible to the applicant otherwise (FOIA s21, FOISA s25).
    pub accessible: Option<&'static str>,
    /// Information intended for future publication (FOIA s22, FOISA s27).
    pub future_publication: Option<&'static str>,
    /// A vexatious request (FOIA s14(1), FOISA s14(1)).
    pub vexatious: Option<&'static str>,
    /// A repeated request (FOIA s14(2), FOISA s14(2)).
    pub repeated: Option<&'static str>,
    /// The notice for refusing on cost (FOIA s17(5), FOISA s16(4)).
    pub cost_notice: Option<&'static str>,
    /// What the Act calls the cost limit: FOIA s12(1) "the appropriate
    /// limit", FOISA s12(1) "the amount prescribed" (empty where none).
    pub cost_limit_name: &'static str,
    /// The notice for refusing as vexatious or repeated (FOIA s17(5), FOISA s16(5)).
    pub conduct_notice: Option<&'static str>,
    /// Asking the requester what they want (FOIA s1(3), EIR reg 9(2), FOISA s1(3)).
    pub clarification: &'static str,
    /// Advice and assistance (FOIA s16, EIR reg 9, FOISA s15).
    pub advice: &'static str,
    /// The presumption in favour of disclosure (EIR reg 12(2)).
    pub presumption: Option<&'static str>,
    /// More time: FOIA s17(2) with s10(3); EIR reg 7(1); none under FOISA.
    pub extension: Option<&'static str>,
    /// What to use instead of a kind the regime lacks.
    pub instead_of_ground: &'static str,
}

/// FOIA 2000.
pub static FOIA: KindLaw = KindLaw {
    request_heading: "Freedom of Information Request",
    ref_label: "FOI Ref",
    exemption_word: "exemption",
    not_held_exception: None,
    not_held_notice: None,
    accessible: Some("21"),
    future_publication: Some("22"),
    vexatious: Some("14(1)"),
    repeated: Some("14(2)"),
    cost_notice: Some("section 17(5)"),
    cost_limit_name: "the appropriate limit",
    conduct_notice: Some("section 17(5)"),
    clarification: "section 1(3)",
    advice: "section 16",
    presumption: None,
    extension: Some("section 17(2)"),
    instead_of_ground: "",
};

/// EIR 2004.
pub static EIR: KindLaw = KindLaw {
    request_heading: "Environmental Information Regulations request",
    ref_label: "EIR Ref",
    exemption_word: "exception",
    not_held_exception: Some("regulation 12(4)(a)"),
    not_held_notice: None,
    accessible: None,
    future_publication: None,
    vexatious: None,
    repeated: None,
    cost_notice: None,
    cost_limit_name: "",
    conduct_notice: None,
    clarification: "regulation 9(2)",
    advice: "regulation 9",
    presumption: Some("regulation 12(2)"),
    extension: Some("regulation 7(1)"),
    instead_of_ground: "the EIR have no cost limit and no vexatious or repeated ground: a request that is too costly or vexatious is manifestly unreasonable, an exception under regulation 12(4)(b) subject to the public interest test; use `foikit new --kind refusal --regime eir` and cite 12(4)(b)",
};

/// FOISA 2002.
pub static FOISA: KindLaw = KindLaw {
    request_heading: "Freedom of Information (Scotland) Act request",
    ref_label: "FOI Ref",
    exemption_word: "exemption",
    not_held_exception: None,
    not_held_notice: Some("section 17(1)"),
    accessible: Some("25"),
    future_publication: Some("27"),
    vexatious: Some("14(1)"),
    repeated: Some("14(2)"),
    cost_notice: Some("section 16(4)"),
    cost_limit_name: "the amount prescribed",
    conduct_notice: Some("section 16(5)"),
    clarification: "section 1(3)",
    advice: "section 15",
    presumption: None,
    extension: None,
    instead_of_ground: "",
};

/// EISR 2004 (SSI 2004/520): the EIR's Scottish counterpart. Exceptions in
/// reg 10 (not held 10(4)(a), manifestly unreasonable 10(4)(b)), the
/// presumption in favour of disclosure reg 10(2)(b), extension to 40
/// working days reg 7(1), advice reg 9 (and reg 9(2) for a request too
/// general). Not re-read: reg 9(2)'s wording, taken as the EIR's.
pub static EISR: KindLaw = KindLaw {
    request_heading: "Environmental Information (Scotland) Regulations request",
    ref_label: "EIR Ref",
    exemption_word: "exception",
    not_held_exception: Some("regulation 10(4)(a)"),
    not_held_notice: None,
    accessible: None,
    future_publication: None,
    vexatious: None,
    repeated: None,
    cost_notice: None,
    cost_limit_name: "",
    conduct_notice: None,
    clarification: "regulation 9(2)",
    advice: "regulation 9",
    presumption: Some("regulation 10(2)(b)"),
    extension: Some("regulation 7(1)"),
    instead_of_ground: "the EISR have no cost limit and no vexatious or repeated ground: a request that is too costly or vexatious is manifestly unreasonable, an exception under regulation 10(4)(b) subject to the public interest test; use `foikit new --kind refusal --regime eisr` and cite 10(4)(b)",
};

impl RegimeId {
    /// What this regime provides for each kind of letter.
    pub fn kinds(self) -> &'static KindLaw {
        match self {
            RegimeId::Foia => &FOIA,
            RegimeId::Eir => &EIR,
            RegimeId::Foisa => &FOISA,
            RegimeId::Eisr => &EISR,
        }
    }
}

/// FOISA s18(1): the exemptions for which an authority may refuse to reveal
/// whether information exists (with s39 only in its subsection (1)).
const FOISA_S18: &[&str] = &["28", "29", "30", "31", "32", "33", "34", "35", "41"];

impl RegimeId {
    /// The provision that removes the duty to confirm or deny for the
    /// exemption `cited` ("31" or "31(3)" → "31(3)"), or why there is none.
    pub fn ncnd(self, cited: &str) -> Result<&'static str, String> {
        let regime = self.regime();
        let compact: String = cited.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(own) = regime.exemptions.iter().filter_map(|d| d.ncnd).find(|n| *n == compact) {
            return Ok(own);
        }
        match regime.cite(cited) {
            Ok(c) if self == RegimeId::Foisa => {
                let whole = FOISA_S18.contains(&c.def.section);
                let first_subsection = c.def.section == "39" && c.subsection.starts_with("(1)");
                if whole || first_subsection {
                    Ok("18(1)")
                } else {
                    Err(format!(
                        "section 18 of the {} allows neither confirm nor deny only for sections 28 to 35, 39(1) and 41, not section {}",
                        regime.act, c.cited
                    ))
                }
            }
            Ok(c) => c.def.ncnd.ok_or_else(|| {
                format!(
                    "{} {} ({}) has no neither-confirm-nor-deny provision",
                    regime.provision_word, c.cited, c.def.title
                )
            }),
            Err(_) => Err(format!(
                "{} {cited} is not an {} in the {}",
                regime.provision_word,
                self.kinds().exemption_word,
                regime.act
            )),
        }
    }
}
