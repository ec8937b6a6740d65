//! Legal facts as data, each with its source. Nothing else in foikit spells
//! out a section number, an Act's name, a time limit or a commissioner:
//! templates, deadlines and the validator take them from here.

pub mod calendar;
pub mod cost_limit;
pub mod deadline;
pub mod exemption;
mod exemptions;
pub mod kinds;
pub mod notices;
mod regimes;
pub mod time_for_compliance;
pub mod timeliness;

use serde::{Deserialize, Serialize};

use crate::case::Date;

pub use exemption::{Citation, ExemptionDef, Harm, Kind};

/// An access-to-information regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RegimeId {
    /// Freedom of Information Act 2000 (England, Wales, Northern Ireland, UK-wide bodies).
    #[default]
    Foia,
    /// Environmental Information Regulations 2004 (environmental information; not Scotland).
    Eir,
    /// Freedom of Information (Scotland) Act 2002 (Scottish public authorities).
    Foisa,
    /// Environmental Information (Scotland) Regulations 2004 (environmental
    /// information held by Scottish public authorities; FOISA s39(2)).
    Eisr,
}

impl RegimeId {
    /// Every regime.
    pub const ALL: [RegimeId; 4] = [RegimeId::Foia, RegimeId::Eir, RegimeId::Foisa, RegimeId::Eisr];

    /// The name used in case files and on the command line: "foia", "eir", "foisa".
    pub fn name(self) -> &'static str {
        match self {
            RegimeId::Foia => "foia",
            RegimeId::Eir => "eir",
            RegimeId::Foisa => "foisa",
            RegimeId::Eisr => "eisr",
        }
    }

    /// The regime's facts.
    pub fn regime(self) -> &'static Regime {
        match self {
            RegimeId::Foia => &regimes::FOIA,
            RegimeId::Eir => &regimes::EIR,
            RegimeId::Foisa => &regimes::FOISA,
            RegimeId::Eisr => &regimes::EISR,
        }
    }
}

impl std::str::FromStr for RegimeId {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RegimeId::ALL
            .into_iter()
            .find(|r| r.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| format!("unknown regime `{s}` (expected foia, eir, foisa or eisr)"))
    }
}

/// Whose bank holidays make a day a non-working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HolidayScope {
    /// Bank holidays in any part of the United Kingdom (FOIA s10(6); EIR reg 2(1)).
    UnitedKingdom,
    /// Bank holidays in Scotland only (FOISA s73).
    Scotland,
}

/// How the time for a reply may be extended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Extension {
    /// No extension exists.
    None,
    /// "Such time as is reasonable" to weigh the public interest (FOIA
    /// s10(3)); the ICO expects no more than `guidance_extra` further
    /// working days. The s17(1) notice is still due within the time limit.
    PublicInterest {
        /// Further working days the regulator's guidance accepts.
        guidance_extra: u32,
    },
    /// A fixed longer limit for complex and voluminous requests (EIR reg 7(1)).
    Complexity {
        /// The extended limit in working days.
        total: u32,
    },
}

impl Extension {
    /// The whole time for a reply once extended from `time_limit`, or `None`
    /// where the regime allows no extension.
    pub fn extended_limit(self, time_limit: u32) -> Option<u32> {
        match self {
            Extension::None => None,
            Extension::PublicInterest { guidance_extra } => Some(time_limit + guidance_extra),
            Extension::Complexity { total } => Some(total),
        }
    }
}

/// From when the window for asking for a review is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReviewFrom {
    /// From the date of the reply (FOIA s45 Code para 5.3; EIR reg 11(2),
    /// read as from the reply the applicant is dissatisfied with).
    Reply,
    /// From the end of the time the authority had to comply, or from
    /// receipt of the reply if it came late (FOISA s20(5)(a) and (b)).
    EndOfTimeToComply,
}

/// The review stage before the regulator.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct ReviewRules {
    /// What the letters call it: "internal review", "reconsideration", "review".
    pub name: &'static str,
    /// Whether the statute requires it (EIR reg 11, FOISA s20/21) or it is
    /// good practice under a Code (FOIA s45 Code).
    pub statutory: bool,
    /// The provision, e.g. "regulation 11".
    pub provision: &'static str,
    /// Working days within which the requester may ask.
    pub ask_within: u32,
    /// From when `ask_within` counts.
    pub ask_from: ReviewFrom,
    /// The provision setting `ask_within` and `ask_from`.
    pub ask_provision: &'static str,
    /// Working days the authority has to answer.
    pub answer_within: u32,
    /// The most it may take in any case.
    pub answer_max: u32,
    /// The provision setting `answer_within` and `answer_max`.
    pub answer_provision: &'static str,
    /// From when letters must give the `ask_within` window (the FOIA Code
    /// of Practice that set it was issued on 4 July 2018).
    #[serde(skip)]
    pub window_from: Date,
    /// The provision on the review's outcome.
    pub outcome_provision: &'static str,
    /// What the review's outcome must state, beyond the decision.
    pub outcome_must_state: &'static [&'static str],
    /// Where these come from.
    pub source: &'static str,
}

/// How long a requester has to pay a fee (or an advance payment) before the
/// authority no longer has to comply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "unit", content = "length", rename_all = "kebab-case")]
pub enum FeePeriod {
    /// Calendar months beginning with the day the notice was given.
    Months(u32),
    /// Working days after the day the notice was given.
    WorkingDays(u32),
}

/// The time to pay a fee, and the provision that sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FeePayment {
    /// The period.
    pub period: FeePeriod,
    /// The provision, e.g. "FOIA s9(2)".
    pub provision: &'static str,
}

/// Applying to the regulator.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Regulator {
    /// "Information Commissioner" or "Scottish Information Commissioner".
    pub name: &'static str,
    /// The provision giving the right, e.g. "section 50".
    pub provision: &'static str,
    /// The time to apply, in words, and whether the statute sets it.
    pub window: &'static str,
    /// True when the window is statutory (FOISA s47(4)), false when it is the regulator's practice.
    pub window_statutory: bool,
    /// The window in weeks (ICO practice), or 0.
    pub window_weeks: u32,
    /// The window in calendar months (FOISA s47(4)(b)), or 0.
    pub window_months: u32,
    /// Where to complain.
    pub website: &'static str,
    /// Where these come from.
    pub source: &'static str,
}

/// Appealing against the Commissioner's decision.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Appeal {
    /// "First-tier Tribunal (General Regulatory Chamber)", "Court of Session".
    pub to: &'static str,
    /// The provision giving the right, e.g. "section 57".
    pub provision: &'static str,
    /// What may be appealed: "the decision notice", "a point of law".
    pub grounds: &'static str,
    /// Days from the decision to appeal.
    pub days: u32,
    /// What the days run from, in words.
    pub from: &'static str,
    /// True when a review outcome must state this right (FOISA s21(10)).
    pub in_review_outcome: bool,
    /// Where these come from.
    pub source: &'static str,
}

/// The provisions that say what a reply must contain, cited by the validator.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct NoticeProvisions {
    /// Specifying the exemption or exception relied on.
    pub specify: &'static str,
    /// Particulars of the review procedure.
    pub review: &'static str,
    /// Particulars of the right to go to the regulator.
    pub regulator: &'static str,
    /// Stating why an exemption applies.
    pub reasons: &'static str,
    /// Stating the public interest reasons.
    pub public_interest: &'static str,
    /// A notice that the public interest decision is not yet made, with an
    /// estimated date; `None` where the regime allows no such extension.
    pub holding: Option<&'static str>,
    /// Advice and assistance.
    pub advice: &'static str,
    /// The time for compliance.
    pub time: &'static str,
}

/// What letters and deadlines need to know about a regime.
#[derive(Debug, Clone, Serialize)]
pub struct Regime {
    /// Which regime.
    pub id: RegimeId,
    /// The full title, e.g. "Freedom of Information Act 2000".
    pub act: &'static str,
    /// The short form letters use, e.g. "FOI Act".
    pub act_short: &'static str,
    /// The unit of citation: "section" or "regulation".
    pub provision_word: &'static str,
    /// First day requests could be made.
    pub in_force: Date,
    /// Working days to reply.
    pub time_limit: u32,
    /// The provision setting the time limit.
    pub time_limit_provision: &'static str,
    /// Whose bank holidays count.
    pub holidays: HolidayScope,
    /// The provision defining a working day.
    pub working_day_provision: &'static str,
    /// The provision that stops the clock while a fee is awaited.
    pub fees_provision: &'static str,
    /// The time the requester has to pay a fee.
    pub fee_payment: FeePayment,
    /// Extensions of the time limit.
    pub extension: Extension,
    /// The review stage.
    pub review: ReviewRules,
    /// The regulator.
    pub regulator: Regulator,
    /// Appeal against the regulator's decision.
    pub appeal: Appeal,
    /// What a refusal notice must contain, by provision.
    pub notice: NoticeProvisions,
    /// Where the facts above come from.
    pub source: &'static str,
    /// Exemptions, exceptions and refusal grounds.
    #[serde(skip)]
    pub exemptions: &'static [ExemptionDef],
    /// Provisions numbered among the exemptions that are not exemptions
    /// (FOIA s13 fees, s16 advice, s17 refusal notices…): letters cite them
    /// in passing, so the validator must not take them for unknown exemptions.
    #[serde(skip)]
    pub procedural: &'static [&'static str],
}

impl Regime {
    /// Resolves a citation such as "24(1)", "s41" or "regulation 12(5)(b)".
    /// `Err` carries the nearest provision that exists, for a hint.
    pub fn cite<'a>(&self, cited: &'a str) -> Result<Citation<'a>, Option<&'static str>> {
        exemption::cite(self.exemptions, cited)
    }

    /// A provision named as a heading or a sentence opens it: "Section
    /// 24(1)", "Regulation 12(5)(b)".
    pub fn heading(&self, provision: &str) -> String {
        let mut word = self.provision_word.to_string();
        word[..1].make_ascii_uppercase();
        format!("{word} {provision}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cites_sections_and_subsections() {
        let foia = RegimeId::Foia.regime();
        let c = foia.cite("24(1)").unwrap();
        assert_eq!(c.def.title, "National security");
        assert!(c.qualified());
        assert!(c.provision().unwrap().1.contains("safeguarding national security"));
        let c = foia.cite("s. 41").unwrap();
        assert!(!c.qualified());
        assert!(c.provision().is_some());
        assert!(foia.cite("40(1)").map(|c| !c.qualified()).unwrap());
        assert!(foia.cite("40").map(|c| c.qualified()).unwrap());
        assert_eq!(foia.cite("25").unwrap_err(), Some("24"));
        assert_eq!(foia.cite("24(").unwrap_err(), Some("24"));
        assert_eq!(foia.cite("24(9)").unwrap_err(), Some("24"));
        assert_eq!(foia.cite("99").unwrap_err(), Some("44"));
        assert_eq!(foia.cite("section 22A").unwrap().def.section, "22A");
        let eir = RegimeId::Eir.regime();
        let c = eir.cite("regulation 12(5)(f)(i)").unwrap();
        assert_eq!((c.def.section, c.subsection), ("12(5)(f)", "(i)"));
        assert_eq!(eir.cite("12(5)(b)").unwrap().subsection, "");
    }
}
