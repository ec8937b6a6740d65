//! The catalogues, one file per regime.

pub mod eir;
pub mod eisr;
pub mod foia;
pub mod foisa;

use super::exemption::{ExemptionDef, Harm, Kind};

/// A qualified exemption with no subsections, provisions or notes: the
/// common case, which the tables then override field by field.
pub const fn qualified(section: &'static str, title: &'static str, harm: Harm, source: &'static str) -> ExemptionDef {
    ExemptionDef {
        section,
        title,
        kind: Kind::Exemption,
        absolute: false,
        absolute_subsections: &[],
        absolute_when_held_by: &[],
        harm,
        ncnd: None,
        subsections: &[],
        provisions: &[],
        public_interest_note: None,
        public_interest_provision: None,
        no_public_interest_test: None,
        undecided: &[],
        limb_hint: None,
        opinion_of: None,
        source,
    }
}

/// An absolute exemption (no public interest test).
pub const fn absolute(section: &'static str, title: &'static str, harm: Harm, source: &'static str) -> ExemptionDef {
    ExemptionDef { absolute: true, ..qualified(section, title, harm, source) }
}

#[cfg(test)]
mod tests {
    use crate::law::RegimeId;

    /// What every catalogue must hold, whatever the regime: each provision
    /// once, titled, with a source naming it, and quoted wording only for
    /// subsections the catalogue knows.
    #[test]
    fn every_catalogue_is_unique_titled_and_sourced() {
        for id in RegimeId::ALL {
            let defs = id.regime().exemptions;
            let prefix = match id {
                RegimeId::Foia => "FOIA 2000 s",
                RegimeId::Eir => "EIR 2004 reg ",
                RegimeId::Foisa => "FOISA 2002 s",
                RegimeId::Eisr => "EISR 2004 reg ",
            };
            for (i, d) in defs.iter().enumerate() {
                assert!(!d.title.is_empty(), "{id:?} {}", d.section);
                assert!(d.source.starts_with(&format!("{prefix}{}", d.section)), "{id:?} {}: {}", d.section, d.source);
                assert!(defs[i + 1..].iter().all(|e| e.section != d.section), "{id:?}: duplicate {}", d.section);
                for (sub, text) in d.provisions {
                    assert!(
                        d.subsections.is_empty() || d.subsections.iter().any(|s| s.starts_with(sub)),
                        "{id:?} {}{sub}",
                        d.section
                    );
                    assert!(!text.is_empty());
                }
            }
        }
    }
}
