//! The three regimes. Each value carries its provision; the sources are the
//! statutes on legislation.gov.uk and the Codes of Practice named below.

use time::macros::date;

use super::exemptions;
use super::{Extension, HolidayScope, NoticeProvisions, Regime, RegimeId, Regulator, ReviewRules};
use crate::case::Date;

/// FOIA 2000. Time limit s10(1); working day s10(6); public interest
/// extension s10(3) (ICO guidance: normally no more than 20 further working
/// days); internal review is good practice under the s45 Code of Practice
/// (2018) paras 5.3–5.5; complaint to the Commissioner s50 (ICO asks for
/// complaints within six weeks of the final response). The right of access
/// (s1) has applied to requests since 1 January 2005.
pub static FOIA: Regime = Regime {
    id: RegimeId::Foia,
    act: "Freedom of Information Act 2000",
    act_short: "FOI Act",
    provision_word: "section",
    in_force: Date(date!(2005 - 01 - 01)),
    time_limit: 20,
    time_limit_provision: "section 10(1)",
    holidays: HolidayScope::UnitedKingdom,
    working_day_provision: "section 10(6)",
    extension: Extension::PublicInterest { guidance_extra: 20 },
    review: ReviewRules {
        name: "internal review",
        statutory: false,
        provision: "the section 45 Code of Practice",
        ask_within: 40,
        answer_within: 20,
        answer_max: 40,
        window_from: Date(date!(2018 - 07 - 04)),
        source: "Freedom of Information Code of Practice (Cabinet Office, July 2018), paras 5.3-5.5",
    },
    regulator: Regulator {
        name: "Information Commissioner",
        provision: "section 50",
        window: "within six weeks of the final response",
        window_statutory: false,
        window_weeks: 6,
        window_months: 0,
        website: "https://ico.org.uk/make-a-complaint/",
        source: "FOIA 2000 s50; ICO complaint guidance",
    },
    notice: NoticeProvisions {
        review: "FOIA s17(7)(a)",
        regulator: "FOIA s17(7)(b) and s50",
        reasons: "FOIA s17(1)(c)",
        public_interest: "FOIA s17(3)",
        holding: Some("FOIA s17(2) and s10(3)"),
        advice: "FOIA s16",
        time: "FOIA s10(1)",
    },
    source: "https://www.legislation.gov.uk/ukpga/2000/36",
    exemptions: exemptions::foia::EXEMPTIONS,
    // FOIA s13 (fees above the limit), s15 (public records), s16 (advice),
    // s17 (refusal notices), s18–20 (the Commissioner, publication schemes).
    procedural: &["13", "15", "16", "17", "18", "19", "20"],
};

/// EIR 2004 (SI 2004/3391). Time limit reg 5(2); working day reg 2(1) (as
/// FOIA: bank holidays in any part of the UK); extension to 40 working days
/// for complexity and volume reg 7(1); reconsideration reg 11(2)–(4)
/// (representations within 40 working days, decision within 40); enforcement
/// and appeal reg 18 (applying FOIA Part IV, so s50). In force 1 January 2005.
pub static EIR: Regime = Regime {
    id: RegimeId::Eir,
    act: "Environmental Information Regulations 2004",
    act_short: "EIR",
    provision_word: "regulation",
    in_force: Date(date!(2005 - 01 - 01)),
    time_limit: 20,
    time_limit_provision: "regulation 5(2)",
    holidays: HolidayScope::UnitedKingdom,
    working_day_provision: "regulation 2(1)",
    extension: Extension::Complexity { total: 40 },
    review: ReviewRules {
        name: "reconsideration",
        statutory: true,
        provision: "regulation 11",
        ask_within: 40,
        answer_within: 40,
        answer_max: 40,
        window_from: Date(date!(2005 - 01 - 01)),
        source: "EIR 2004 reg 11(2) and (4)",
    },
    regulator: Regulator {
        name: "Information Commissioner",
        provision: "regulation 18",
        window: "within six weeks of the final response",
        window_statutory: false,
        window_weeks: 6,
        window_months: 0,
        website: "https://ico.org.uk/make-a-complaint/",
        source: "EIR 2004 reg 18 (applying FOIA s50); ICO complaint guidance",
    },
    notice: NoticeProvisions {
        review: "EIR reg 14(5)(a) and reg 11",
        regulator: "EIR reg 14(5)(b) and reg 18",
        reasons: "EIR reg 14(3)(a)",
        public_interest: "EIR reg 14(3)(b) and reg 12(1)(b)",
        holding: None,
        advice: "EIR reg 9",
        time: "EIR reg 5(2)",
    },
    source: "https://www.legislation.gov.uk/uksi/2004/3391",
    exemptions: exemptions::eir::EXEMPTIONS,
    // Paragraphs of regs 12 and 13 that are not exceptions: the public
    // interest test (12(1)), the presumption in favour of disclosure
    // (12(2)), neither confirm nor deny (12(6), 12(7), 13(5)…), emissions (12(9)).
    procedural: &["12(1)", "12(2)", "12(3)", "12(6)", "12(7)", "12(8)", "12(9)", "12(10)", "12(11)", "13(5"],
};

/// FOISA 2002 (asp 13). Time limit s10(1); working day s73 (Scottish bank
/// holidays only); no extension; requirement for review s20 (within 40
/// working days, s20(5)) answered within 20 working days s21(1); application
/// to the Scottish Information Commissioner s47, within six months s47(4)(b).
/// In force 1 January 2005.
pub static FOISA: Regime = Regime {
    id: RegimeId::Foisa,
    act: "Freedom of Information (Scotland) Act 2002",
    act_short: "FOISA",
    provision_word: "section",
    in_force: Date(date!(2005 - 01 - 01)),
    time_limit: 20,
    time_limit_provision: "section 10(1)",
    holidays: HolidayScope::Scotland,
    working_day_provision: "section 73",
    extension: Extension::None,
    review: ReviewRules {
        name: "review",
        statutory: true,
        provision: "section 20",
        ask_within: 40,
        answer_within: 20,
        answer_max: 20,
        window_from: Date(date!(2005 - 01 - 01)),
        source: "FOISA 2002 s20(5) and s21(1)",
    },
    regulator: Regulator {
        name: "Scottish Information Commissioner",
        provision: "section 47",
        window: "within six months of receiving the review outcome",
        window_statutory: true,
        window_weeks: 0,
        window_months: 6,
        website: "https://www.foi.scot/appeal",
        source: "FOISA 2002 s47(1) and (4)(b)",
    },
    notice: NoticeProvisions {
        review: "FOISA s19(a)",
        regulator: "FOISA s19(b), s20 and s47",
        reasons: "FOISA s16(1)(d)",
        public_interest: "FOISA s16(2)",
        holding: None,
        advice: "FOISA s15",
        time: "FOISA s10(1)",
    },
    source: "https://www.legislation.gov.uk/asp/2002/13",
    exemptions: exemptions::foisa::EXEMPTIONS,
    // FOISA s13 (fees), s15 (advice), s16–19 (refusal notices), s20–24
    // (reviews, the Commissioner, publication schemes).
    procedural: &["13", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24"],
};
