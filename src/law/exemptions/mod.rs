//! The catalogues, one file per regime.

pub mod eir;
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
        harm,
        ncnd: None,
        subsections: &[],
        provisions: &[],
        public_interest_note: None,
        source,
    }
}

/// An absolute exemption (no public interest test).
pub const fn absolute(section: &'static str, title: &'static str, harm: Harm, source: &'static str) -> ExemptionDef {
    ExemptionDef { absolute: true, ..qualified(section, title, harm, source) }
}
