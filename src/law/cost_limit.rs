//! The cost limit: how much an authority must spend answering a request
//! before it may refuse it as too costly (FOIA s12, FOISA s12). The EIR have
//! no cost limit: a request too burdensome to answer is "manifestly
//! unreasonable" under reg 12(4)(b), an exception subject to the public
//! interest test.
//!
//! Sources:
//! - FOIA: the Freedom of Information and Data Protection (Appropriate Limit
//!   and Fees) Regulations 2004 (SI 2004/3244), reg 3(2) (£600 for the
//!   authorities in Part I of Schedule 1 to the Act: government
//!   departments, the Houses, the armed forces…), reg 3(3) (£450 for every
//!   other authority), reg 4(3) (only determining whether it is held,
//!   locating, retrieving and extracting count) and reg 4(4) (staff time at
//!   £25 an hour); <https://www.legislation.gov.uk/uksi/2004/3244>.
//! - FOISA: the Freedom of Information (Fees for Required Disclosure)
//!   (Scotland) Regulations 2004 (SSI 2004/467), reg 5 (£600) and reg 3
//!   (staff time at no more than £15 an hour; the cost of deciding whether
//!   the information is held or should be disclosed does not count);
//!   <https://www.legislation.gov.uk/ssi/2004/467>.

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

/// The cost limit that applies to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CostLimit {
    /// The limit in pounds.
    pub pounds: u32,
    /// The hourly rate for staff time, in pounds (the most that may be charged).
    pub rate: u32,
    /// The provision of the Act.
    pub provision: &'static str,
    /// The regulations that set the limit, by name as letters cite them.
    pub regulations: &'static str,
    /// The regulation setting the limit.
    pub limit_regulation: &'static str,
    /// What counts towards the estimate, as a letter puts it.
    pub activities: &'static str,
}

const FOIA_REGS: &str = "Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004";
const FOIA_ACTIVITIES: &str = "determining whether the information is held, and locating, retrieving and extracting it";

/// The limit for a request under `regime` to an authority of `class`;
/// `None` under the EIR, which have no cost limit.
pub fn limit(regime: RegimeId, class: LimitClass) -> Option<CostLimit> {
    match regime {
        RegimeId::Foia => Some(CostLimit {
            pounds: match class {
                LimitClass::CentralGovernment => 600,
                LimitClass::Other => 450,
            },
            rate: 25,
            provision: "section 12",
            regulations: FOIA_REGS,
            limit_regulation: match class {
                LimitClass::CentralGovernment => "regulation 3(2)",
                LimitClass::Other => "regulation 3(3)",
            },
            activities: FOIA_ACTIVITIES,
        }),
        RegimeId::Foisa => Some(CostLimit {
            pounds: 600,
            rate: 15,
            provision: "section 12",
            regulations: "Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004",
            limit_regulation: "regulation 5",
            activities: "locating, retrieving and providing the information (not deciding whether it is held or should be released)",
        }),
        RegimeId::Eir => None,
    }
}

impl CostLimit {
    /// The cost of `hours` of staff time at the prescribed rate, in pence
    /// (hours are given to the quarter hour, so pence are exact).
    pub fn cost_pence(&self, hours: f64) -> u64 {
        (hours * f64::from(self.rate) * 100.0).round().max(0.0) as u64
    }

    /// The hours the limit buys: 24 for £600 at £25, 18 for £450, 40 for FOISA.
    pub fn hours(&self) -> f64 {
        f64::from(self.pounds) / f64::from(self.rate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
