//! The three regimes. Each value carries its provision; the sources are the
//! statutes on legislation.gov.uk and the Codes of Practice named below.

use time::macros::date;

use super::exemptions;
use super::{
    Appeal, Extension, FeePayment, FeePeriod, HolidayScope, NoticeProvisions, Regime, RegimeId, Regulator, ReviewFrom,
    ReviewRules,
};
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
    fees_provision: "FOIA s10(2)",
    // s9(2): no duty to comply unless the fee is paid "within the period of
    // three months beginning with the day on which the fees notice is given".
    fee_payment: FeePayment { period: FeePeriod::Months(3), provision: "FOIA s9(2)" },
    extension: Extension::PublicInterest { guidance_extra: 20 },
    review: ReviewRules {
        name: "internal review",
        statutory: false,
        provision: "the section 45 Code of Practice",
        ask_within: 40,
        ask_from: ReviewFrom::Reply,
        ask_provision: "s45 Code of Practice (2018) para 5.3",
        answer_within: 20,
        answer_max: 40,
        answer_provision: "s45 Code of Practice (2018) paras 5.3-5.5",
        window_from: Date(date!(2018 - 07 - 04)),
        outcome_provision: "s45 Code of Practice (2018) paras 5.9-5.11",
        outcome_must_state: &[],
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
    appeal: FTT,
    notice: NoticeProvisions {
        specify: "FOIA s17(1)(b)",
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

/// Appeal to the First-tier Tribunal against a decision notice: FOIA s57
/// (applied to the EIR by reg 18); within 28 days of the date the decision
/// notice was sent (Tribunal Procedure (First-tier Tribunal) (General
/// Regulatory Chamber) Rules 2009 r22(1)(b)).
const FTT: Appeal = Appeal {
    to: "First-tier Tribunal (General Regulatory Chamber)",
    provision: "section 57",
    grounds: "against the decision notice",
    days: 28,
    from: "the date the decision notice was sent",
    in_review_outcome: false,
    source: "FOIA 2000 s57; SI 2009/1976 r22(1)(b); https://www.legislation.gov.uk/ukpga/2000/36/section/57",
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
    // reg 8(6): the time from notifying an advance payment to receiving it
    // is disregarded in counting the 20 working days.
    fees_provision: "EIR reg 8(6)",
    // reg 8(5): unless the advance payment is made "no later than 60
    // working days after the date on which" the authority notified it, the
    // authority need not make the information available.
    fee_payment: FeePayment { period: FeePeriod::WorkingDays(60), provision: "EIR reg 8(5)" },
    working_day_provision: "regulation 2(1)",
    extension: Extension::Complexity { total: 40 },
    review: ReviewRules {
        name: "reconsideration",
        statutory: true,
        provision: "regulation 11",
        ask_within: 40,
        ask_from: ReviewFrom::Reply,
        ask_provision: "EIR reg 11(2)",
        answer_within: 40,
        answer_max: 40,
        // reg 11(4): "as soon as possible and no later than 40 working days
        // after the date of receipt of the representations".
        answer_provision: "EIR reg 11(4)",
        window_from: Date(date!(2005 - 01 - 01)),
        outcome_provision: "EIR reg 11(4)-(5)",
        // reg 11(5): where the authority finds it failed to comply.
        outcome_must_state: &[
            "the failure to comply",
            "the action the authority has decided to take to comply",
            "the period within which that action is to be taken",
        ],
        source: "EIR 2004 reg 11(2), (4) and (5); https://www.legislation.gov.uk/uksi/2004/3391/regulation/11",
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
    appeal: FTT,
    notice: NoticeProvisions {
        specify: "EIR reg 14(3)(a)",
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
/// to the Scottish Information Commissioner s47, within six months of the
/// review outcome s47(4)(a); appeal on a point of law to the Court of Session s56.
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
    // FOISA s10(2) (Explanatory Notes para 47): from the fees notice to
    // the fee's receipt is disregarded.
    fees_provision: "FOISA s10(2)",
    // s9(4): the fee is to be paid within three months beginning with the
    // day the fees notice is given.
    fee_payment: FeePayment { period: FeePeriod::Months(3), provision: "FOISA s9(4)" },
    extension: Extension::None,
    review: ReviewRules {
        name: "review",
        statutory: true,
        provision: "section 20",
        ask_within: 40,
        ask_from: ReviewFrom::EndOfTimeToComply,
        ask_provision: "FOISA s20(5)",
        answer_within: 20,
        answer_max: 20,
        // s21(1): "not later than the twentieth working day after receipt by
        // it of the requirement".
        answer_provision: "FOISA s21(1)",
        window_from: Date(date!(2005 - 01 - 01)),
        outcome_provision: "FOISA s21(5) and (10)",
        // s21(10): the notice gives the rights of application (s47(1)) and
        // of appeal (s56).
        outcome_must_state: &[
            "the right to apply to the Scottish Information Commissioner (section 47(1))",
            "the right of appeal to the Court of Session on a point of law (section 56)",
        ],
        source: "FOISA 2002 s20(5), s21(1), (5) and (10); https://www.legislation.gov.uk/asp/2002/13/section/21",
    },
    regulator: Regulator {
        name: "Scottish Information Commissioner",
        provision: "section 47",
        window: "within six months of receiving the review outcome",
        window_statutory: true,
        window_weeks: 0,
        window_months: 6,
        website: "https://www.foi.scot/appeal",
        // s47(4)(a): six months from receipt of the review outcome; (4)(b)
        // is the other case, six months from the end of the 20 working days
        // the authority had to answer the review when no outcome came.
        source: "FOISA 2002 s47(1) and (4)(a); https://www.legislation.gov.uk/asp/2002/13/section/47",
    },
    appeal: Appeal {
        to: "Court of Session",
        provision: "section 56",
        grounds: "on a point of law",
        days: 42,
        from: "the day the decision is intimated",
        in_review_outcome: true,
        source: "FOISA 2002 s56; Rules of the Court of Session r41.20(1)(b) (42 days; not re-read)",
    },
    notice: NoticeProvisions {
        specify: "FOISA s16(1)(c)",
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

/// EISR 2004 (SSI 2004/520): environmental information held by Scottish
/// public authorities (FOISA s39(2) sends such requests here). Time limit
/// reg 5(2)(a); working day reg 2(1) (bank holidays in Scotland, as FOISA
/// s73); extension to 40 working days for complexity and volume reg 7(1);
/// refusal notice reg 13; review reg 16 (representations within 40 working
/// days, decision within 20); enforcement and appeal reg 17 (applying FOISA
/// Part 4: the Scottish Information Commissioner, s47, and the Court of
/// Session, s56). In force 1 January 2005.
///
/// Not re-read: the day reg 16(2)'s 40 days run from (taken as the reply),
/// and whether reg 17 carries FOISA s21(10) into the review outcome.
pub static EISR: Regime = Regime {
    id: RegimeId::Eisr,
    act: "Environmental Information (Scotland) Regulations 2004",
    act_short: "EISR",
    provision_word: "regulation",
    in_force: Date(date!(2005 - 01 - 01)),
    time_limit: 20,
    time_limit_provision: "regulation 5(2)(a)",
    holidays: HolidayScope::Scotland,
    working_day_provision: "regulation 2(1)",
    fees_provision: "EISR reg 8",
    // reg 8: an advance payment is due within 60 working days of the
    // notice, as under the EIR.
    fee_payment: FeePayment { period: FeePeriod::WorkingDays(60), provision: "EISR reg 8" },
    extension: Extension::Complexity { total: 40 },
    review: ReviewRules {
        name: "review",
        statutory: true,
        provision: "regulation 16",
        ask_within: 40,
        ask_from: ReviewFrom::Reply,
        ask_provision: "EISR reg 16(2)",
        answer_within: 20,
        answer_max: 20,
        // reg 16(4): no later than 20 working days after receipt of the
        // representations.
        answer_provision: "EISR reg 16(4)",
        window_from: Date(date!(2005 - 01 - 01)),
        outcome_provision: "EISR reg 16(4)-(5)",
        outcome_must_state: &[],
        source: "EISR 2004 reg 16; https://www.legislation.gov.uk/ssi/2004/520/regulation/16",
    },
    regulator: Regulator {
        name: "Scottish Information Commissioner",
        provision: "regulation 17",
        window: "within six months of receiving the review outcome",
        window_statutory: true,
        window_weeks: 0,
        window_months: 6,
        website: "https://www.foi.scot/appeal",
        source: "EISR 2004 reg 17 (applying FOISA s47(1) and (4)(a)); https://www.legislation.gov.uk/ssi/2004/520/regulation/17",
    },
    appeal: Appeal {
        to: "Court of Session",
        provision: "section 56",
        grounds: "on a point of law",
        days: 42,
        from: "the day the decision is intimated",
        in_review_outcome: false,
        source: "EISR 2004 reg 17 (applying FOISA s56); Rules of the Court of Session r41.20(1)(b) (42 days; not re-read)",
    },
    notice: NoticeProvisions {
        specify: "EISR reg 13(b)",
        review: "EISR reg 13(e) and reg 16",
        regulator: "EISR reg 13(e) and reg 17",
        reasons: "EISR reg 13(c)",
        public_interest: "EISR reg 13(b) and reg 10(1)(b)",
        holding: None,
        advice: "EISR reg 9",
        time: "EISR reg 5(2)(a)",
    },
    source: "https://www.legislation.gov.uk/ssi/2004/520",
    exemptions: exemptions::eisr::EXEMPTIONS,
    // Paragraphs of reg 10 that are not exceptions: the public interest test
    // (10(1)), the presumption in favour of disclosure (10(2)), neither
    // confirm nor deny (10(8)).
    procedural: &["10(1)", "10(2)", "10(3)", "10(6)", "10(8)"],
};
