//! The cost limit: how much an authority must spend answering a request
//! before it may refuse it as too costly (FOIA s12, FOISA s12). The EIR have
//! no cost limit: a request too burdensome to answer is "manifestly
//! unreasonable" under reg 12(4)(b), an exception subject to the public
//! interest test.
//!
//! Sources:
//! - FOIA: the Freedom of Information and Data Protection (Appropriate Limit
//!   and Fees) Regulations 2004 (SI 2004/3244),
//!   <https://www.legislation.gov.uk/uksi/2004/3244>: reg 3(2) (£600 for the
//!   authorities in Part I of Schedule 1 to the Act: government departments,
//!   the Houses, the Northern Ireland Assembly and Welsh Parliament, the armed
//!   forces), reg 3(3) (£450 for every other authority), reg 4(3) (only
//!   determining whether it is held, locating, retrieving and extracting
//!   count), reg 4(4) (staff time at £25 an hour per person), reg 5
//!   (requests for the same or similar information, by one person or people
//!   acting in concert, received within 60 consecutive working days, are
//!   aggregated).
//! - FOISA: the Freedom of Information (Fees for Required Disclosure)
//!   (Scotland) Regulations 2004 (SSI 2004/467),
//!   <https://www.legislation.gov.uk/ssi/2004/467>: reg 5 (£600) and reg 3
//!   (staff time at no more than £15 an hour per member of staff; the cost of
//!   determining whether the information is held, and whether it should be
//!   given, is not counted), reg 6 (requests by different people for
//!   overlapping information whose total cost exceeds the limit need not be
//!   answered if the authority publishes it within 20 working days of the
//!   first request and tells each of them so).

use serde::{Deserialize, Serialize};

use super::RegimeId;

/// Which appropriate limit applies to an authority under FOIA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LimitClass {
    /// An authority listed in Part I of Schedule 1 to FOIA (central
    /// government): £600.
    CentralGovernment,
    /// Any other public authority (councils, police, NHS bodies, schools): £450.
    #[default]
    Other,
}

impl LimitClass {
    /// The class an authority's name shows, where it shows one: a
    /// government department or ministry (Part I of Schedule 1 to FOIA,
    /// para 1, "any government department", Northern Ireland departments
    /// and the Welsh Government among them) or a council, police force, NHS
    /// body, university or school (Parts II to VI). Agencies and services
    /// are either (the Food Standards Agency is a government department,
    /// the Environment Agency is not), so their names decide nothing.
    pub fn from_name(name: &str) -> Option<LimitClass> {
        const CENTRAL: [&str; 11] = [
            "department",
            "ministry",
            "home office",
            "cabinet office",
            "foreign",
            "hm treasury",
            "hm revenue",
            "welsh government",
            "crown prosecution service",
            "house of commons",
            "house of lords",
        ];
        const OTHER: [&str; 12] = [
            "council",
            "police",
            "constabulary",
            "nhs",
            "trust",
            "university",
            "college",
            "school",
            "academy",
            "fire",
            "health board",
            "combined authority",
        ];
        let name = name.to_ascii_lowercase();
        let central = CENTRAL.iter().any(|w| name.contains(w));
        let other = OTHER.iter().any(|w| name.contains(w));
        match (central, other) {
            (true, false) => Some(LimitClass::CentralGovernment),
            (false, true) => Some(LimitClass::Other),
            _ => None,
        }
    }
}

/// When requests are added together for the limit (FOIA: SI 2004/3244 reg 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Aggregation {
    /// The working days the regulation turns on (FOIA: requests received
    /// within 60 consecutive working days; FOISA: the information published
    /// within 20 working days of the first request).
    pub working_days: u32,
    /// Who and what: the conditions, as a letter puts them.
    pub conditions: &'static str,
    /// The regulation.
    pub regulation: &'static str,
}

/// The cost limit that applies to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CostLimit {
    /// The limit in pounds.
    pub pounds: u32,
    /// The hourly rate for staff time, in pounds (FOIA: fixed; FOISA: the most that may be used).
    pub rate: u32,
    /// True when the rate is a ceiling an authority may go under (FOISA), false when fixed (FOIA).
    pub rate_is_ceiling: bool,
    /// The provision of the Act.
    pub provision: &'static str,
    /// The regulations that set the limit, by name as letters cite them.
    pub regulations: &'static str,
    /// The regulation setting the limit.
    pub limit_regulation: &'static str,
    /// The regulation setting the rate.
    pub rate_regulation: &'static str,
    /// What counts towards the estimate, as a letter puts it.
    pub activities: &'static str,
    /// The regulation saying what counts.
    pub activities_regulation: &'static str,
    /// What does not count, as a letter puts it.
    pub excluded: &'static str,
    /// When requests are added together, if ever.
    pub aggregation: Option<Aggregation>,
    /// Where these come from.
    pub source: &'static str,
}

const FOIA_REGS: &str = "Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004";
const FOIA_ACTIVITIES: &str = "determining whether the information is held, and locating, retrieving and extracting it";

/// The limit for a request under `regime` to an authority of `class`
/// (`class` matters only under FOIA); `None` under the EIR, which have no
/// cost limit.
pub fn limit(regime: RegimeId, class: LimitClass) -> Option<CostLimit> {
    match regime {
        RegimeId::Foia => Some(CostLimit {
            pounds: match class {
                LimitClass::CentralGovernment => 600,
                LimitClass::Other => 450,
            },
            rate: 25,
            rate_is_ceiling: false,
            provision: "section 12",
            regulations: FOIA_REGS,
            limit_regulation: match class {
                LimitClass::CentralGovernment => "regulation 3(2)",
                LimitClass::Other => "regulation 3(3)",
            },
            rate_regulation: "regulation 4(4)",
            activities: FOIA_ACTIVITIES,
            activities_regulation: "regulation 4(3)",
            excluded: "considering whether information is exempt, and redacting it",
            aggregation: Some(Aggregation {
                working_days: 60,
                conditions: "requests for the same or similar information made by one person, or by people who appear to be acting in concert or in pursuance of a campaign",
                regulation: "regulation 5",
            }),
            source: "SI 2004/3244 regs 3-5; https://www.legislation.gov.uk/uksi/2004/3244",
        }),
        RegimeId::Foisa => Some(CostLimit {
            pounds: 600,
            rate: 15,
            rate_is_ceiling: true,
            provision: "section 12",
            regulations: "Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004",
            limit_regulation: "regulation 5",
            rate_regulation: "regulation 3",
            activities: "locating, retrieving and providing the information",
            activities_regulation: "regulation 3",
            excluded: "determining whether the information is held, and whether it should be given",
            aggregation: Some(Aggregation {
                working_days: 20,
                conditions: "requests by different people for information on the same subject or overlapping to a significant extent, where the authority tells each of them, and publishes the information, within 20 working days of the first",
                regulation: "regulation 6",
            }),
            source: "SSI 2004/467 regs 3, 5 and 6; https://www.legislation.gov.uk/ssi/2004/467",
        }),
        // The EISR have no cost limit either (reg 10(4)(b), manifestly unreasonable).
        RegimeId::Eir | RegimeId::Eisr => None,
    }
}

impl CostLimit {
    /// The cost of `hours` of staff time at the prescribed rate, in pence
    /// (hours are given to the quarter hour, so pence are exact).
    pub fn cost_pence(&self, hours: f64) -> u64 {
        (hours * f64::from(self.rate) * 100.0).round().max(0.0) as u64
    }

    /// The cost of `hours` of staff time in pounds.
    pub fn cost_pounds(&self, hours: f64) -> f64 {
        self.cost_pence(hours) as f64 / 100.0
    }

    /// The hours the limit buys: 24 for £600 at £25, 18 for £450, 40 for FOISA.
    pub fn hours(&self) -> f64 {
        f64::from(self.pounds) / f64::from(self.rate)
    }

    /// Whether an estimate of `hours` exceeds the limit (the limit itself
    /// does not: s12(1) "would exceed").
    pub fn exceeds(&self, hours: f64) -> bool {
        self.cost_pence(hours) > u64::from(self.pounds) * 100
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_show_the_class_where_they_can() {
        for name in ["Department for Education", "Home Office", "Ministry of Justice", "HM Revenue and Customs"] {
            assert_eq!(LimitClass::from_name(name), Some(LimitClass::CentralGovernment), "{name}");
        }
        for name in ["Northshire County Council", "Westmarch Police", "Leeds Teaching Hospitals NHS Trust"] {
            assert_eq!(LimitClass::from_name(name), Some(LimitClass::Other), "{name}");
        }
        for name in ["Environment Agency", "Food Standards Agency", "Council Tax Department"] {
            assert_eq!(LimitClass::from_name(name), None, "{name}");
        }
    }

    #[test]
    fn limits_match_the_regulations() {
        let central = limit(RegimeId::Foia, LimitClass::CentralGovernment).unwrap();
        let other = limit(RegimeId::Foia, LimitClass::Other).unwrap();
        let scot = limit(RegimeId::Foisa, LimitClass::Other).unwrap();
        assert_eq!((central.pounds, central.rate, central.hours()), (600, 25, 24.0));
        assert_eq!((other.pounds, other.rate, other.hours()), (450, 25, 18.0));
        assert_eq!((scot.pounds, scot.rate, scot.hours()), (600, 15, 40.0));
        assert_eq!(limit(RegimeId::Foisa, LimitClass::CentralGovernment).unwrap().pounds, 600);
        assert!(limit(RegimeId::Eir, LimitClass::Other).is_none());
        assert_eq!(other.cost_pence(18.25), 45_625);
        assert_eq!(other.cost_pounds(18.25), 456.25);
        assert!(!other.exceeds(18.0) && other.exceeds(18.25));
        assert!(!central.exceeds(24.0) && central.exceeds(24.25));
        assert!(scot.rate_is_ceiling && !other.rate_is_ceiling);
        assert_eq!(other.aggregation.unwrap().working_days, 60);
        assert_eq!(scot.aggregation.unwrap().regulation, "regulation 6");
        assert!(scot.excluded.contains("whether the information is held"));
        assert!(other.activities.contains("locating, retrieving and extracting"));
    }
}
