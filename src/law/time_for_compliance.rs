//! Variations of the 20 working days by regulations under FOIA s10(4)–(5):
//! the Freedom of Information (Time for Compliance with Request)
//! Regulations 2004 (SI 2004/3364) as amended (schools by SI 2009/1369 and
//! SI 2010/2768), <https://www.legislation.gov.uk/uksi/2004/3364>. No
//! variation may exceed 60 working days (s10(5)). The ICO's guidance on time
//! limits (section 10) describes the same four cases.
//!
//! Verified against the ICO's guidance ("Variations to the time for
//! compliance") and domain notes; the regulation numbers are not re-read.

use serde::Serialize;

/// A case the regulations give more time for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variation {
    /// A maintained school, academy or pupil referral unit: 20 working days
    /// not counting days that are not school days, or 60 working days,
    /// whichever is sooner.
    School,
    /// Information in a transferred public record that is not open
    /// information, at The National Archives or another place of deposit:
    /// 30 working days.
    PublicRecords,
    /// The armed forces, where information may be held by people on
    /// operations: as long as the Commissioner specifies, at most 60.
    ArmedForces,
    /// Information that may be held outside the United Kingdom: as long as
    /// the Commissioner specifies, at most 60.
    HeldAbroad,
}

impl Variation {
    /// Every variation.
    pub const ALL: [Variation; 4] =
        [Variation::School, Variation::PublicRecords, Variation::ArmedForces, Variation::HeldAbroad];

    /// The name on the command line: "school", "public-records", "armed-forces", "held-abroad".
    pub fn name(self) -> &'static str {
        match self {
            Variation::School => "school",
            Variation::PublicRecords => "public-records",
            Variation::ArmedForces => "armed-forces",
            Variation::HeldAbroad => "held-abroad",
        }
    }
}

impl std::str::FromStr for Variation {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Variation::ALL.into_iter().find(|v| v.name() == s).ok_or_else(|| {
            format!("unknown variation `{s}` (expected school, public-records, armed-forces or held-abroad)")
        })
    }
}

/// What a variation allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Allowance {
    /// The working days counted (school days only, for schools).
    pub working_days: u32,
    /// The most in any case (s10(5)).
    pub cap: u32,
    /// True when the Commissioner must specify the time (armed forces, abroad).
    pub commissioner_specifies: bool,
    /// The provision.
    pub provision: &'static str,
}

/// The most any regulation may allow (FOIA s10(5)).
pub const MAX_WORKING_DAYS: u32 = 60;

impl Variation {
    /// What the regulations allow.
    pub fn allowance(self) -> Allowance {
        match self {
            Variation::School => Allowance {
                working_days: 20,
                cap: MAX_WORKING_DAYS,
                commissioner_specifies: false,
                provision: "SI 2004/3364 reg 3 (as amended by SI 2009/1369 and SI 2010/2768): 20 school days or 60 working days, whichever is sooner",
            },
            Variation::PublicRecords => Allowance {
                working_days: 30,
                cap: 30,
                commissioner_specifies: false,
                provision: "SI 2004/3364 reg 4: 30 working days for information in transferred public records that is not open information",
            },
            Variation::ArmedForces => Allowance {
                working_days: MAX_WORKING_DAYS,
                cap: MAX_WORKING_DAYS,
                commissioner_specifies: true,
                provision: "SI 2004/3364 reg 5: as the Commissioner specifies, at most 60 working days",
            },
            Variation::HeldAbroad => Allowance {
                working_days: MAX_WORKING_DAYS,
                cap: MAX_WORKING_DAYS,
                commissioner_specifies: true,
                provision: "SI 2004/3364 reg 6: as the Commissioner specifies, at most 60 working days",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_variation_exceeds_sixty_working_days() {
        for v in Variation::ALL {
            assert_eq!(v.name().parse::<Variation>(), Ok(v));
            let a = v.allowance();
            assert!(a.working_days <= a.cap && a.cap <= MAX_WORKING_DAYS, "{v:?}");
            assert!(a.provision.starts_with("SI 2004/3364"));
        }
        assert_eq!(Variation::School.allowance().working_days, 20);
        assert_eq!(Variation::PublicRecords.allowance().working_days, 30);
        assert!(Variation::ArmedForces.allowance().commissioner_specifies);
    }
}
